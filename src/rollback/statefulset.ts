// kubectl's StatefulSetRollbacker: restore a StatefulSet from one of its ControllerRevisions.
import { applyRevision, planControllerRevisionRollback, revisionHistory } from './controller-revision.js';
import type { RollbackStep } from './kubectl-results.js';
import type { ControllerRevision, TemplatedObject } from './plain.js';

/** `kubectl rollout undo statefulset/NAME --to-revision=N`, given the StatefulSet and the namespace's ControllerRevisions. */
export function planStatefulSetRollback(statefulSet: TemplatedObject, revisions: readonly ControllerRevision[], toRevision: number): RollbackStep {
  return planControllerRevisionRollback(statefulSet, revisions, toRevision);
}

/** The StatefulSet as the revision would make it. */
export function applyStatefulSetRevision<T extends TemplatedObject>(statefulSet: T, revision: ControllerRevision): T {
  return applyRevision(statefulSet, revision);
}

/** revision -> the StatefulSet as that revision would make it (kubectl's StatefulSetHistoryViewer.GetHistory). */
export function statefulSetHistory<T extends TemplatedObject>(statefulSet: T, revisions: readonly ControllerRevision[]): Map<number, T> {
  return revisionHistory(statefulSet, revisions);
}
