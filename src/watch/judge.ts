// The rules the wait applies, wired from the pure core: kubectl's status rules and the diagnosis' fail-fast.
import { rolloutStatusFor, isTerminalError } from './status/index.js';
import type { Judge } from './wait.js';
import type { WorkloadKind } from '../model.js';

export const defaultJudge: Judge = {
  status: (workload) => rolloutStatusFor(workload.kind as WorkloadKind, workload),
  terminal: isTerminalError,
  doomed: () => false,
  findings: () => [],
};
