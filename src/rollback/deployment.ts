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
import { DEPLOYMENT_BOOKKEEPING_ANNOTATIONS } from '../k8s/well-known.js';
import { historyRevision } from '../k8s/revision.js';
import { compareBytes, deploymentReplicaSets } from '../k8s/replicasets.js';
import { equalIgnoreHash, withoutHashLabel } from '../k8s/template-equal.js';
import { nameOf } from '../k8s/owners.js';
import type { PodTemplate, Workload } from '../k8s/objects.js';

export type RevisionLookup = { ok: true; revision: number; replicaSet: Workload } | { ok: false; step: RollbackStep };

/** toRevision 0 picks the previous revision (the second highest); any other number must exist in the history. */
export function findDeploymentRevision(deployment: Workload, replicaSets: readonly Workload[], toRevision: number): RevisionLookup {
  let latest: { revision: number; replicaSet: Workload } | null = null;
  let previous: { revision: number; replicaSet: Workload } | null = null;
  for (const rs of deploymentReplicaSets(deployment, replicaSets)) {
    const v = historyRevision(rs);
    if (v === null) continue;
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
  if (!previous) return { ok: false, step: noDeploymentHistory(nameOf(deployment)) };
  return { ok: true, ...previous };
}

/** The annotations the Deployment ends up with: its own rollout bookkeeping plus the ReplicaSet's others. */
export function restoredAnnotations(deployment: Workload, replicaSet: Workload): Record<string, string> {
  const merged: Record<string, string> = {};
  const own = deployment.metadata?.annotations ?? {};
  for (const key of DEPLOYMENT_BOOKKEEPING_ANNOTATIONS) {
    if (Object.hasOwn(own, key)) merged[key] = own[key];
  }
  for (const [key, value] of Object.entries(replicaSet.metadata?.annotations ?? {})) {
    if (!DEPLOYMENT_BOOKKEEPING_ANNOTATIONS.has(key)) merged[key] = value;
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
export function planDeploymentRollback(deployment: Workload, replicaSets: readonly Workload[], toRevision: number): RollbackStep {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const found = findDeploymentRevision(deployment, replicaSets, toRevision);
  if (!found.ok) return found.step;
  if (deployment.spec?.paused === true) return PAUSED_REFUSAL;
  if (equalIgnoreHash(found.replicaSet.spec?.template, deployment.spec?.template)) return alreadyMatches(toRevision, found.revision);
  const template = withoutHashLabel(found.replicaSet.spec?.template);
  const patch = deploymentRollbackPatch(template, restoredAnnotations(deployment, found.replicaSet));
  return {
    outcome: 'patch',
    revision: found.revision,
    contentType: JSON_PATCH,
    patch,
    template,
    revisionAnnotations: found.replicaSet.metadata?.annotations ?? {},
    message: ROLLBACK_SUCCESS,
  };
}
