// kubectl's StatefulSetRollbacker and DaemonSetRollbacker, which are one algorithm: history is the
// ControllerRevisions the object controls, each holding a strategic merge patch of spec.template, and undo sends that
// stored patch back as is.
import {
  NO_LAST_REVISION,
  ROLLBACK_SUCCESS,
  STRATEGIC_MERGE_PATCH,
  alreadyMatches,
  revisionNotFound,
  type RollbackStep,
} from './kubectl-results.js';
import { applyRevision, controlledRevisions, matchesRevision, revisionNumber } from '../k8s/controller-revisions.js';
import type { ControllerRevision, Workload } from '../k8s/objects.js';

/** toRevision 0: the second highest revision; otherwise the first revision with that number. */
export function findHistory(toRevision: number, history: readonly ControllerRevision[]): ControllerRevision | null {
  if (toRevision === 0) {
    if (history.length <= 1) return null;
    const sorted = [...history].sort((a, b) => (revisionNumber(a) ?? 0) - (revisionNumber(b) ?? 0));
    return sorted[sorted.length - 2];
  }
  return history.find((h) => revisionNumber(h) === toRevision) ?? null;
}

/** What `kubectl rollout undo statefulset|daemonset/NAME --to-revision=N` does, given the namespace's ControllerRevisions. */
export function planControllerRevisionRollback(obj: Workload, revisions: readonly ControllerRevision[], toRevision: number): RollbackStep {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const history = controlledRevisions(obj, revisions);
  if (toRevision === 0 && history.length <= 1) return NO_LAST_REVISION;
  const target = findHistory(toRevision, history);
  if (!target) return revisionNotFound(toRevision);
  const resolved = revisionNumber(target) ?? toRevision;
  if (matchesRevision(obj, target)) return alreadyMatches(toRevision, resolved);
  const template = applyRevision(obj, target).spec?.template ?? null;
  return {
    outcome: 'patch',
    revision: resolved,
    contentType: STRATEGIC_MERGE_PATCH,
    patch: target.data,
    template,
    revisionAnnotations: target.metadata?.annotations ?? {},
    message: ROLLBACK_SUCCESS,
  };
}
