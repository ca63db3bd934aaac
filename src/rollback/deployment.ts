// kubectl's DeploymentRollbacker as a pure function: a Deployment's history is the ReplicaSets it controls, keyed
// by their revision annotation; undo copies the chosen ReplicaSet's pod template and annotations back with a JSON
// patch. The lead fetches the Deployment and its ReplicaSets and sends the patch this returns.
import {
  JSON_PATCH,
  PAUSED_REFUSAL,
  ROLLBACK_SUCCESS,
  alreadyMatches,
  noDeploymentHistory,
  revisionNotFound,
  type RollbackStep,
} from './kubectl-results.js';
import { isControlledBy, objectName, parseRevisionAnnotation, type PodTemplate, type TemplatedObject } from './plain.js';
import { semanticEqual } from '../semantic-equal.js';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

// Annotations that describe the Deployment's own rollout state: they stay as they are on the Deployment and are
// never copied from the ReplicaSet (kubectl's annotationsToSkip).
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function withoutHashLabel(template: PodTemplate | undefined): PodTemplate {
  const { metadata, ...rest } = structuredClone(template ?? {});
  const meta = { ...(metadata ?? {}) };
  if (meta.labels) {
    const labels = { ...meta.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    // Go drops an emptied map from the JSON (omitempty), so an emptied label set disappears too.
    if (Object.keys(labels).length > 0) meta.labels = labels;
    else delete meta.labels;
  }
  return { metadata: meta, ...rest };
}

/** Pod templates equal apart from the pod-template-hash label the controller adds to ReplicaSets. */
export function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  return semanticEqual(withoutHashLabel(a), withoutHashLabel(b));
}

// Go compares strings byte by byte; localeCompare would not.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function creationTime(obj: TemplatedObject): number {
  const t = obj.metadata?.creationTimestamp;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * The ReplicaSets the Deployment controls, in the order kubectl walks them (GetAllReplicaSets): oldest first by
 * creation time and then name, with the one running the Deployment's current template moved to the end.
 */
export function deploymentReplicaSets(deployment: TemplatedObject, replicaSets: readonly TemplatedObject[]): TemplatedObject[] {
  const owned = replicaSets
    .filter((rs) => isControlledBy(rs, deployment))
    .sort((a, b) => creationTime(a) - creationTime(b) || compareBytes(objectName(a), objectName(b)));
  const current = owned.find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
  return current ? [...owned.filter((rs) => rs !== current), current] : owned;
}

/** `kubectl rollout history`'s view: revision -> ReplicaSet; unreadable revisions are left out, later ones win. */
export function deploymentHistory(deployment: TemplatedObject, replicaSets: readonly TemplatedObject[]): Map<number, TemplatedObject> {
  const history = new Map<number, TemplatedObject>();
  for (const rs of deploymentReplicaSets(deployment, replicaSets)) {
    const parsed = parseRevisionAnnotation(rs);
    if (parsed.ok) history.set(parsed.revision, rs);
  }
  return history;
}

export type RevisionLookup = { ok: true; revision: number; replicaSet: TemplatedObject } | { ok: false; step: RollbackStep };

/** toRevision 0 picks the previous revision (the second highest); any other number must exist in the history. */
export function findDeploymentRevision(
  deployment: TemplatedObject,
  replicaSets: readonly TemplatedObject[],
  toRevision: number,
): RevisionLookup {
  let latest: { revision: number; replicaSet: TemplatedObject } | null = null;
  let previous: { revision: number; replicaSet: TemplatedObject } | null = null;
  for (const rs of deploymentReplicaSets(deployment, replicaSets)) {
    const parsed = parseRevisionAnnotation(rs);
    if (!parsed.ok) continue;
    const v = parsed.revision;
    if (toRevision === 0) {
      if ((latest?.revision ?? -1) < v) {
        previous = latest;
        latest = { revision: v, replicaSet: rs };
      } else if ((previous?.revision ?? -1) < v) {
        previous = { revision: v, replicaSet: rs };
      }
    } else if (toRevision === v) {
      return { ok: true, revision: v, replicaSet: rs };
    }
  }
  if (toRevision > 0) return { ok: false, step: revisionNotFound(toRevision) };
  if (!previous) return { ok: false, step: noDeploymentHistory(objectName(deployment)) };
  return { ok: true, ...previous };
}

/** The annotations the Deployment ends up with: its own rollout bookkeeping plus the ReplicaSet's others. */
export function restoredAnnotations(deployment: TemplatedObject, replicaSet: TemplatedObject): Record<string, string> {
  const merged: Record<string, string> = {};
  const own = deployment.metadata?.annotations ?? {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    if (Object.hasOwn(own, key)) merged[key] = own[key];
  }
  for (const [key, value] of Object.entries(replicaSet.metadata?.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(key)) merged[key] = value;
  }
  // Go writes map keys sorted; sorting here makes the body byte-for-byte kubectl's.
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => compareBytes(a, b)));
}

export function deploymentRollbackPatch(template: PodTemplate, annotations: Record<string, string>): unknown[] {
  return [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}

/** What `kubectl rollout undo deployment/NAME --to-revision=N` does, given the Deployment and the namespace's ReplicaSets. */
export function planDeploymentRollback(
  deployment: TemplatedObject,
  replicaSets: readonly TemplatedObject[],
  toRevision: number,
): RollbackStep {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const found = findDeploymentRevision(deployment, replicaSets, toRevision);
  if (!found.ok) return found.step;
  if (deployment.spec?.paused === true) return PAUSED_REFUSAL;
  if (equalIgnoreHash(found.replicaSet.spec?.template, deployment.spec?.template)) return alreadyMatches(toRevision, found.revision);
  const template = withoutHashLabel(found.replicaSet.spec?.template);
  const patch = deploymentRollbackPatch(template, restoredAnnotations(deployment, found.replicaSet));
  return { outcome: 'patch', revision: found.revision, contentType: JSON_PATCH, patch, template, message: ROLLBACK_SUCCESS };
}
