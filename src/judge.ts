// The rules the wait applies, wired from the pure core: kubectl's status rules and the diagnosis's fail-fast for the
// workloads, kstatus and the object diagnosis for everything else the run waits for. It lives
// beside the shells, not in watch/, so the wait loop never imports the diagnosis it is handed.
import { rolloutStatusFor, isTerminalError } from './watch/status/index.js';
import { objectStatus } from './watch/status/generic/index.js';
import {
  diagnoseObject,
  diagnoseWorkload,
  EMPTY_RUN,
  isAlarming,
  isDoomed,
  judgeWindow,
  openWindow,
  type RunContext,
  type StabilityWindow,
  workloadNotes,
} from './diagnose/index.js';
import type { Judge } from './watch/wait.js';
import type { WorkloadKind } from './k8s/kinds.js';

/**
 * `run`: what this deploy brings that may still resolve a failure (producers of missing Secrets, webhooks, the Services
 * of the databases its apps wait for).
 */
export function createJudge(run: RunContext = EMPTY_RUN): Judge {
  return {
    status: (workload) => rolloutStatusFor(workload.kind as WorkloadKind, workload),
    terminal: isTerminalError,
    doomed: (workload, snapshot, now) => isDoomed(workload, snapshot, now, { run }),
    findings: (workload, snapshot, now) => diagnoseWorkload(workload, snapshot, now, { run }),
    alarming: isAlarming,
    window: {
      open: (ref, workload, snapshot, nowMs) => openWindow(ref.kind, workload, snapshot, nowMs),
      judge: (ref, workload, snapshot, state, now, minReadyMs) =>
        judgeWindow(ref, workload, snapshot, state as StabilityWindow, now, minReadyMs, run),
    },
    notes: workloadNotes,
    objects: {
      status: objectStatus,
      findings: (ref, obj, status, context) => diagnoseObject(ref, obj, status, context),
    },
  };
}

export const defaultJudge: Judge = createJudge();
