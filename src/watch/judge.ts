// The rules the wait applies, wired from the pure core: kubectl's status rules and the diagnosis' fail-fast.
import { rolloutStatusFor, isTerminalError } from './status/index.js';
import { diagnoseWorkload, isAlarming, isDoomed, type ClusterSnapshot } from '../diagnose/index.js';
import type { Judge } from './wait.js';
import type { WorkloadKind } from '../model.js';
import type { Snapshot } from './live-store.js';

const asCluster = (s: Snapshot): ClusterSnapshot => ({ ...s, resourceQuotas: [] }) as unknown as ClusterSnapshot;

export const defaultJudge: Judge = {
  status: (workload) => rolloutStatusFor(workload.kind as WorkloadKind, workload),
  terminal: isTerminalError,
  doomed: (workload, snapshot, now) => isDoomed(workload, asCluster(snapshot), now),
  findings: (workload, snapshot, now) => diagnoseWorkload(workload, asCluster(snapshot), now),
  alarming: isAlarming,
};
