// A Deployment's history is the ReplicaSets it controls, each stamped with its revision. These readers answer the
// questions the controller and kubectl answer from that history, with one template comparison (equalIgnoreHash).
import { isControlledBy, nameOf } from './owners.js';
import type { Workload } from './objects.js';
import { annotatedRevision, historyRevision } from './revision.js';
import { equalIgnoreHash } from './template-equal.js';

// Go compares strings byte by byte; localeCompare would not.
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function creationTime(obj: Workload): number {
  const t = obj.metadata?.creationTimestamp;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** The ReplicaSets whose controller is this Deployment, oldest first (creation time, then name). */
export function controlledReplicaSets(deployment: Workload, replicaSets: readonly Workload[]): Workload[] {
  return replicaSets.filter((rs) => isControlledBy(rs, deployment)).sort(byCreation);
}

/** Oldest first by creation time, then name: the order the controllers and kubectl walk ReplicaSets in. */
export function byCreation(a: Workload, b: Workload): number {
  return creationTime(a) - creationTime(b) || compareBytes(nameOf(a), nameOf(b));
}

/**
 * The controller's FindNewReplicaSet over the Deployment's ReplicaSets (`owned`: the caller decides ownership, by
 * controller uid live or by name in a dump): the oldest whose template equals the Deployment's. A dump trimmed of
 * templates falls back to the ReplicaSet stamped with the Deployment's own revision.
 */
export function newReplicaSet(deployment: Workload, owned: readonly Workload[]): Workload | null {
  const sorted = [...owned].sort(byCreation);
  const byTemplate = sorted.find((rs) => rs.spec?.template && equalIgnoreHash(rs.spec.template, deployment.spec?.template));
  if (byTemplate) return byTemplate;
  const revision = annotatedRevision(deployment);
  if (revision === null || sorted.some((rs) => rs.spec?.template)) return null;
  return sorted.find((rs) => annotatedRevision(rs) === revision) ?? null;
}

/**
 * The ReplicaSets in the order kubectl walks them (GetAllReplicaSets): oldest first, with the one running the
 * Deployment's current template moved to the end.
 */
export function deploymentReplicaSets(deployment: Workload, replicaSets: readonly Workload[]): Workload[] {
  const owned = controlledReplicaSets(deployment, replicaSets);
  const current = owned.find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
  return current ? [...owned.filter((rs) => rs !== current), current] : owned;
}

/** `kubectl rollout history`'s view: revision -> ReplicaSet; unreadable revisions are left out, later ones win. */
export function deploymentHistory(deployment: Workload, replicaSets: readonly Workload[]): Map<number, Workload> {
  const history = new Map<number, Workload>();
  for (const rs of deploymentReplicaSets(deployment, replicaSets)) {
    const revision = historyRevision(rs);
    if (revision !== null) history.set(revision, rs);
  }
  return history;
}

// Until the controller has observed the latest spec, the status (and the Deployment's revision annotation, which
// the controller writes when it syncs) may still describe the previous template.
export function controllerCaughtUp(obj: Workload): boolean {
  const generation = obj.metadata?.generation;
  const observed = obj.status?.observedGeneration;
  return typeof generation === 'number' && typeof observed === 'number' && observed >= generation;
}

/**
 * The revision a Deployment runs: its revision annotation; while the controller has not caught up, the revision of
 * the ReplicaSet that already runs the current template, if there is one.
 */
export function deploymentRevision(deployment: Workload, replicaSets: readonly Workload[] = []): number | null {
  if (!controllerCaughtUp(deployment)) {
    const current = deploymentReplicaSets(deployment, replicaSets).at(-1);
    if (current && equalIgnoreHash(current.spec?.template, deployment.spec?.template)) {
      const revision = annotatedRevision(current);
      if (revision !== null) return revision;
    }
  }
  return annotatedRevision(deployment);
}
