// Which revision a workload runs now, read from plain objects. Apply records it as revisionBefore (the rollback
// target); after a rollback the same reading gives the new number the controller assigned to the restored template.
import type { WorkloadKind } from '../model.js';
import { controlledRevisions, matchesRevision, revisionNumber } from './controller-revision.js';
import { deploymentReplicaSets, equalIgnoreHash } from './deployment.js';
import { parseRevisionAnnotation, type ControllerRevision, type TemplatedObject } from './plain.js';

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

// Until the controller has observed the latest spec, the status (and the Deployment's revision annotation, which
// the controller writes when it syncs) may still describe the previous template.
function controllerCaughtUp(obj: TemplatedObject): boolean {
  const generation = obj.metadata?.generation;
  const observed = obj.status?.observedGeneration;
  return typeof generation === 'number' && typeof observed === 'number' && observed >= generation;
}

function annotatedRevision(obj: TemplatedObject): number | null {
  if (!Object.hasOwn(obj.metadata?.annotations ?? {}, REVISION_ANNOTATION)) return null;
  const parsed = parseRevisionAnnotation(obj, REVISION_ANNOTATION);
  return parsed.ok ? parsed.revision : null;
}

/**
 * The Deployment's deployment.kubernetes.io/revision annotation; when the controller has not caught up yet, the
 * revision of the ReplicaSet that runs the current template, if it exists already.
 */
export function deploymentRevision(deployment: TemplatedObject, replicaSets: readonly TemplatedObject[] = []): number | null {
  if (!controllerCaughtUp(deployment)) {
    const owned = deploymentReplicaSets(deployment, replicaSets);
    const current = owned.at(-1);
    if (current && equalIgnoreHash(current.spec?.template, deployment.spec?.template)) {
      const revision = annotatedRevision(current);
      if (revision !== null) return revision;
    }
  }
  return annotatedRevision(deployment);
}

/** The newest revision among those stored for the object's current template. */
function newestMatchingRevision(obj: TemplatedObject, revisions: readonly ControllerRevision[]): number | null {
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
  statefulSet: TemplatedObject,
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
export function daemonSetRevision(daemonSet: TemplatedObject, revisions: readonly ControllerRevision[]): number | null {
  return newestMatchingRevision(daemonSet, revisions);
}

/** `history`: the namespace's ReplicaSets for a Deployment, ControllerRevisions for a StatefulSet or DaemonSet. */
export function workloadRevision(kind: WorkloadKind, object: TemplatedObject, history: readonly unknown[]): number | null {
  switch (kind) {
    case 'Deployment':
      return deploymentRevision(object, history as TemplatedObject[]);
    case 'StatefulSet':
      return statefulSetRevision(object, history as ControllerRevision[]);
    case 'DaemonSet':
      return daemonSetRevision(object, history as ControllerRevision[]);
    default:
      return null;
  }
}
