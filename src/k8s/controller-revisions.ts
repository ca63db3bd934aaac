// A StatefulSet's or DaemonSet's history is the ControllerRevisions it controls, each holding a strategic merge
// patch of spec.template (kubectl's getStatefulSetPatch/getDaemonSetPatch). These readers find the revisions, match
// them against the live template and name the revision a workload runs.
import type { ControllerRevision, Workload } from './objects.js';
import { isControlledBy } from './owners.js';
import { controllerCaughtUp } from './replicasets.js';
import { semanticEqual } from './semantic-equal.js';
import { strategicMerge } from './strategic-merge.js';

/** The ControllerRevisions whose controller owner reference is this object, in the order given. */
export function controlledRevisions(owner: Workload, revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return revisions.filter((r) => isControlledBy(r, owner));
}

export function revisionNumber(revision: ControllerRevision): number | null {
  return typeof revision.revision === 'number' && Number.isSafeInteger(revision.revision) ? revision.revision : null;
}

/** The patch the controllers store for an object's current template. */
export function templatePatch(obj: Workload): { spec: { template: Record<string, unknown> } } {
  return { spec: { template: { $patch: 'replace', ...structuredClone(obj.spec?.template ?? {}) } } };
}

// kubectl compares the bytes of the patch it builds from the live object with the stored bytes; both are Go's
// sorted-key JSON of the same types, so comparing the parsed values is the same test without depending on the
// key order JSON.parse keeps.
export function matchesRevision(obj: Workload, revision: ControllerRevision): boolean {
  return semanticEqual(templatePatch(obj), revision.data);
}

/** The object as it would be with the revision's stored patch applied (kubectl's applyRevision). */
export function applyRevision<T extends Workload>(obj: T, revision: ControllerRevision): T {
  return strategicMerge(obj, revision.data ?? {}) as T;
}

/** `kubectl rollout history`'s view: revision -> the object as that revision would make it. */
export function revisionHistory<T extends Workload>(owner: T, revisions: readonly ControllerRevision[]): Map<number, T> {
  const history = new Map<number, T>();
  for (const revision of controlledRevisions(owner, revisions)) {
    const n = revisionNumber(revision);
    if (n !== null) history.set(n, applyRevision(owner, revision));
  }
  return history;
}

/** The newest revision among those stored for the object's current template. */
function newestMatchingRevision(obj: Workload, revisions: readonly ControllerRevision[]): number | null {
  const numbers = controlledRevisions(obj, revisions)
    .filter((r) => matchesRevision(obj, r))
    .map(revisionNumber)
    .filter((n): n is number => n !== null);
  return numbers.length > 0 ? Math.max(...numbers) : null;
}

/**
 * The revision named by status.updateRevision (the template the spec asks for; the one a rollback restores) or,
 * with which = 'current', status.currentRevision (the template the oldest pods still run mid-rollout). Until the
 * controller has caught up, the revision stored for the current template instead.
 */
export function statefulSetRevision(
  statefulSet: Workload,
  revisions: readonly ControllerRevision[],
  which: 'update' | 'current' = 'update',
): number | null {
  const name = which === 'update' ? statefulSet.status?.updateRevision : statefulSet.status?.currentRevision;
  if (controllerCaughtUp(statefulSet) && name) {
    const named = controlledRevisions(statefulSet, revisions).find((r) => r.metadata?.name === name);
    if (named) return revisionNumber(named);
  }
  return which === 'update' ? newestMatchingRevision(statefulSet, revisions) : null;
}

/** DaemonSets name no revision in their status: the newest ControllerRevision that stores the current template. */
export function daemonSetRevision(daemonSet: Workload, revisions: readonly ControllerRevision[]): number | null {
  return newestMatchingRevision(daemonSet, revisions);
}
