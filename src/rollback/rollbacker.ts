// One entry point for `undo KIND/NAME`: picks the kubectl rollbacker for the kind, as RollbackerFor does.
import type { WorkloadKind } from '../k8s/kinds.js';
import { planControllerRevisionRollback } from './controller-revision.js';
import { planDeploymentRollback } from './deployment.js';
import { noRollbacker, type RollbackStep } from './kubectl-results.js';
import type { ControllerRevision, Workload } from '../k8s/objects.js';

/**
 * `history` is what the kind keeps its history in: the namespace's ReplicaSets for a Deployment, its
 * ControllerRevisions for a StatefulSet or DaemonSet (listing with the object's selector is enough; ownership
 * is checked here). toRevision 0 means the previous revision.
 */
export function planUndo(kind: WorkloadKind, object: Workload, history: readonly unknown[], toRevision: number): RollbackStep {
  switch (kind) {
    case 'Deployment':
      return planDeploymentRollback(object, history as Workload[], toRevision);
    case 'StatefulSet':
    case 'DaemonSet':
      return planControllerRevisionRollback(object, history as ControllerRevision[], toRevision);
    default:
      return noRollbacker(kind);
  }
}
