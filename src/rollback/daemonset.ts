// kubectl's DaemonSetRollbacker: restore a DaemonSet from one of its ControllerRevisions.
import { applyRevision, planControllerRevisionRollback, revisionHistory } from './controller-revision.js';
import type { RollbackStep } from './kubectl-results.js';
import type { ControllerRevision, TemplatedObject } from './plain.js';

/** `kubectl rollout undo daemonset/NAME --to-revision=N`, given the DaemonSet and the namespace's ControllerRevisions. */
export function planDaemonSetRollback(daemonSet: TemplatedObject, revisions: readonly ControllerRevision[], toRevision: number): RollbackStep {
  return planControllerRevisionRollback(daemonSet, revisions, toRevision);
}

/** The DaemonSet as the revision would make it. */
export function applyDaemonSetRevision<T extends TemplatedObject>(daemonSet: T, revision: ControllerRevision): T {
  return applyRevision(daemonSet, revision);
}

/** revision -> the DaemonSet as that revision would make it (kubectl's DaemonSetHistoryViewer.GetHistory). */
export function daemonSetHistory<T extends TemplatedObject>(daemonSet: T, revisions: readonly ControllerRevision[]): Map<number, T> {
  return revisionHistory(daemonSet, revisions);
}
