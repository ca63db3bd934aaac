// The step outputs named in action.yml, as strings. `findings` is the same JSON as the CLI's findings array.
import type { DeployResult } from '../model.js';

export function stepOutputs(result: DeployResult): Record<string, string> {
  return {
    verdict: result.verdict,
    workloads: JSON.stringify(result.workloads),
    findings: JSON.stringify(result.findings),
    'rolled-back': String(result.rollback?.attempted === true),
    'duration-seconds': String(Math.round(result.durationMs / 100) / 10),
  };
}
