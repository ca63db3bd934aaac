// `plan`: what `deploy` with the same inputs would change, and which of its changes will fail, without writing to the
// cluster (every apply is a dry run). With --output json, ONE JSON document goes to stdout and progress to stderr.
// Exit 0 nothing predicted to fail, 1 something is, 2 the plan could not run.
import fs from 'node:fs';
import type { CliIO } from './process-io.js';
import { parseInputs } from '../inputs.js';
import { renderPlanSummary } from '../plan/render-markdown.js';
import { renderPlanText } from '../plan/render-text.js';
import { runPlan } from '../plan/run.js';
import type { PlanResult } from '../plan/types.js';
import { last, outputFormat, parseArgs } from './args.js';

const SPEC = {
  values: ['filename', 'namespace', 'kubeconfig', 'context', 'timeout', 'image', 'field-manager', 'summary-file', 'output'],
  booleans: ['force-conflicts', 'rollback'],
  aliases: { f: 'filename', n: 'namespace', o: 'output' },
};

export function planExitCode(plan: PlanResult): number {
  if (plan.verdict === 'error') return 2;
  return plan.findings.length ? 1 : 0;
}

export async function runPlanCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, SPEC, 'plan');
  const format = outputFormat(args);
  const inputs = parseInputs((name) => {
    switch (name) {
      case 'mode':
        return 'plan';
      case 'manifests':
        return (args.flags.get('filename') ?? []).join('\n');
      case 'images':
        return (args.flags.get('image') ?? []).join('\n');
      case 'kubeconfig-file':
        return last(args, 'kubeconfig');
      case 'kubeconfig':
        return undefined;
      case 'force-conflicts':
      case 'rollback':
        return args.booleans.has(name) ? String(args.booleans.get(name)) : undefined;
      default:
        return last(args, name);
    }
  });
  const plan = await runPlan(inputs, { log: (line) => io.stderr(`${line}\n`), signal: io.signal });
  const summaryFile = last(args, 'summary-file');
  if (summaryFile) fs.writeFileSync(summaryFile, renderPlanSummary({ plan, context: { reportId: 'cli' } }));
  io.stdout(format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : renderPlanText(plan));
  return planExitCode(plan);
}
