// The revision a workload runs, whatever keeps its history: apply records it as the rollback target, the wait as the
// revision the run produced, and after a rollback it names the revision the controller gave the restored template.
import { daemonSetRevision, statefulSetRevision } from './controller-revisions.js';
import type { WorkloadKind } from './kinds.js';
import type { ControllerRevision, Workload } from './objects.js';
import { deploymentRevision } from './replicasets.js';

/** `history`: the namespace's ReplicaSets for a Deployment, ControllerRevisions for a StatefulSet or DaemonSet. */
export function workloadRevision(kind: WorkloadKind, object: Workload, history: readonly unknown[]): number | null {
  switch (kind) {
    case 'Deployment':
      return deploymentRevision(object, history as Workload[]);
    case 'StatefulSet':
      return statefulSetRevision(object, history as ControllerRevision[]);
    case 'DaemonSet':
      return daemonSetRevision(object, history as ControllerRevision[]);
    default:
      return null;
  }
}
