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
import { isControlledBy, type ControllerRevision, type TemplatedObject } from './plain.js';
import { semanticEqual } from '../semantic-equal.js';
import { strategicMerge } from './strategic-merge.js';

/** The ControllerRevisions whose controller owner reference is this object, in the order given. */
export function controlledRevisions(owner: TemplatedObject, revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return revisions.filter((r) => isControlledBy(r, owner));
}

export function revisionNumber(revision: ControllerRevision): number | null {
  return typeof revision.revision === 'number' && Number.isSafeInteger(revision.revision) ? revision.revision : null;
}

/** The patch the controllers store for an object's current template (kubectl's getStatefulSetPatch/getDaemonSetPatch). */
export function templatePatch(obj: TemplatedObject): { spec: { template: Record<string, unknown> } } {
  return { spec: { template: { $patch: 'replace', ...structuredClone(obj.spec?.template ?? {}) } } };
}

// kubectl compares the bytes of the patch it builds from the live object with the stored bytes; both are Go's
// sorted-key JSON of the same types, so comparing the parsed values is the same test without depending on the
// key order JSON.parse keeps.
export function matchesRevision(obj: TemplatedObject, revision: ControllerRevision): boolean {
  return semanticEqual(templatePatch(obj), revision.data);
}

/** The object as it would be with the revision's stored patch applied (kubectl's applyRevision). */
export function applyRevision<T extends TemplatedObject>(obj: T, revision: ControllerRevision): T {
  return strategicMerge(obj, revision.data ?? {}) as T;
}

/** `kubectl rollout history`'s view: revision -> the object as that revision would make it. */
export function revisionHistory<T extends TemplatedObject>(owner: T, revisions: readonly ControllerRevision[]): Map<number, T> {
  const history = new Map<number, T>();
  for (const revision of controlledRevisions(owner, revisions)) {
    const n = revisionNumber(revision);
    if (n !== null) history.set(n, applyRevision(owner, revision));
  }
  return history;
}

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
export function planControllerRevisionRollback(
  obj: TemplatedObject,
  revisions: readonly ControllerRevision[],
  toRevision: number,
): RollbackStep {
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
    message: ROLLBACK_SUCCESS,
  };
}
