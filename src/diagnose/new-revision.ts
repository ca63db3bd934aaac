// Which pods belong to the revision a rollout is moving to. Pods of older revisions are what the rollout replaces:
// their health says nothing about the new template, so they are never findings.
import { conditionOf } from '../k8s/fields.js';
import type { WorkloadKind } from '../k8s/kinds.js';
import { sameNamespace } from '../k8s/owners.js';
import { type KubeObject, type Pod, type Workload } from '../k8s/objects.js';
import type { ClusterSnapshot } from './snapshot.js';
import { ownedBy, ownedOrClaimed } from './snapshot-index.js';
import { newReplicaSet } from '../k8s/replicasets.js';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  JOB_CONTROLLER_UID_LABELS,
  JOB_NAME_LABELS,
  POD_TEMPLATE_GENERATION_LABEL,
  POD_TEMPLATE_HASH_LABEL,
} from '../k8s/well-known.js';

export interface NewRevision {
  pods: Pod[];
  /** The object that creates the new pods (the new ReplicaSet of a Deployment, otherwise the workload), if known. */
  creator: KubeObject | null;
  creatorKind: string;
  /** How many pods the new revision should end up with. */
  desired: number;
  /** The workload's pods of older revisions: what the rollout replaces (their resources free up as it goes). */
  olderPods: Pod[];
  /**
   * Pods of older revisions the rollout cannot get past (a StatefulSet's: it updates ordinal by ordinal and waits for
   * each pod to be Running and Ready, or gone): findings about them are what holds the rollout when the node under one
   * is lost. Empty for other kinds, whose old pods never block the new ones.
   */
  holders?: Pod[];
}

function label(obj: KubeObject, key: string): string | undefined {
  return obj.metadata?.labels?.[key];
}

/** The first of these labels the object carries: the Job labels gained a prefix in Kubernetes 1.27. */
function firstLabel(obj: KubeObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = label(obj, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Pods the owner controls: by owner reference, or for objects without references by a label the owner stamps. */
function podsOf(owner: KubeObject, ownerKind: string, pods: readonly Pod[], fallback: (p: Pod) => boolean): Pod[] {
  return ownedOrClaimed(pods, { ...owner, kind: ownerKind }, fallback);
}

/** The ReplicaSet the deployment controller considers new (see k8s/replicasets.ts), among those the Deployment owns. */
export function newReplicaSetOf(deployment: Workload, replicaSets: readonly Workload[]): Workload | null {
  return newReplicaSet(deployment, ownedBy(replicaSets, { ...deployment, kind: 'Deployment' }));
}

function deploymentNewRevision(d: Workload, snapshot: ClusterSnapshot, pods: readonly Pod[]): NewRevision {
  const owned = ownedBy(snapshot.replicaSets, { ...d, kind: 'Deployment' });
  const rs = newReplicaSet(d, owned);
  const desired = d.spec?.replicas ?? 1;
  const podsOfSet = (set: Workload) => {
    const hash = label(set, POD_TEMPLATE_HASH_LABEL);
    return podsOf(set, 'ReplicaSet', pods, (p) => !!hash && label(p, POD_TEMPLATE_HASH_LABEL) === hash);
  };
  const olderPods = owned.filter((set) => set !== rs).flatMap(podsOfSet);
  if (!rs) return { pods: [], creator: null, creatorKind: 'ReplicaSet', desired, olderPods };
  return { pods: podsOfSet(rs), creator: rs, creatorKind: 'ReplicaSet', desired, olderPods };
}

function statefulSetRevision(sts: Workload, pods: readonly Pod[]): NewRevision {
  const name = sts.metadata?.name ?? '';
  const ordinal = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`);
  const owned = podsOf(sts, 'StatefulSet', pods, (p) => ordinal.test(p.metadata?.name ?? ''));
  const update = sts.status?.updateRevision;
  const isNew = (p: Pod) => !update || label(p, CONTROLLER_REVISION_HASH_LABEL) === update;
  return {
    pods: owned.filter(isNew),
    creator: sts,
    creatorKind: 'StatefulSet',
    desired: sts.spec?.replicas ?? 1,
    olderPods: owned.filter((p) => !isNew(p)),
    holders: owned.filter((p) => !isNew(p)),
  };
}

function daemonSetRevision(ds: Workload, snapshot: ClusterSnapshot, pods: readonly Pod[]): NewRevision {
  const selector = ds.spec?.selector?.matchLabels ?? {};
  const matches = (p: Pod) => Object.entries(selector).length > 0 && Object.entries(selector).every(([k, v]) => label(p, k) === v);
  const owned = podsOf(ds, 'DaemonSet', pods, matches);
  const revisions = ownedBy(snapshot.controllerRevisions, { ...ds, kind: 'DaemonSet' }).sort(
    (a, b) => (a.revision ?? 0) - (b.revision ?? 0),
  );
  const newest = revisions[revisions.length - 1];
  let current: Pod[];
  if (newest) {
    const name = newest.metadata?.name ?? '';
    const prefix = `${ds.metadata?.name ?? ''}-`;
    const hash = label(newest, CONTROLLER_REVISION_HASH_LABEL) ?? (name.startsWith(prefix) ? name.slice(prefix.length) : name);
    current = owned.filter((p) => label(p, CONTROLLER_REVISION_HASH_LABEL) === hash);
  } else {
    const generation = ds.metadata?.generation;
    current = generation === undefined ? owned : owned.filter((p) => label(p, POD_TEMPLATE_GENERATION_LABEL) === String(generation));
  }
  return {
    pods: current,
    creator: ds,
    creatorKind: 'DaemonSet',
    desired: ds.status?.desiredNumberScheduled ?? current.length,
    olderPods: owned.filter((p) => !current.includes(p)),
  };
}

function jobRevision(job: Workload, pods: readonly Pod[]): NewRevision {
  const uid = job.metadata?.uid;
  const name = job.metadata?.name;
  const mine = (p: Pod) => {
    const controllerUid = firstLabel(p, JOB_CONTROLLER_UID_LABELS);
    if (uid && controllerUid) return controllerUid === uid;
    return firstLabel(p, JOB_NAME_LABELS) === name;
  };
  const parallelism = typeof job.spec?.parallelism === 'number' ? job.spec.parallelism : 1;
  const owned = podsOf(job, 'Job', pods, mine);
  // A Job that succeeded is done: the attempts that failed before it are history, not something holding it back.
  const succeeded = ['Complete', 'SuccessCriteriaMet'].some((t) => conditionOf(job.status?.conditions, t)?.status === 'True');
  return {
    pods: succeeded ? owned.filter((p) => p.status?.phase !== 'Failed') : owned,
    creator: job,
    creatorKind: 'Job',
    desired: parallelism,
    olderPods: [],
  };
}

/**
 * A ReplicationController has one set of pods: it never replaces a running pod when its template changes, so the
 * pods it runs are the ones the rollout waits for, whatever template they were made from (rules/stale-pods.ts
 * reports those of an older template). Its selector is a plain label map.
 */
function replicationControllerPods(rc: Workload, pods: readonly Pod[]): NewRevision {
  const selector = Object.entries((rc.spec?.selector ?? {}) as Record<string, unknown>);
  const matches = (p: Pod) => selector.length > 0 && selector.every(([k, v]) => label(p, k) === v);
  return {
    pods: podsOf(rc, 'ReplicationController', pods, matches),
    creator: rc,
    creatorKind: 'ReplicationController',
    desired: rc.spec?.replicas ?? 1,
    olderPods: [],
  };
}

function podItself(pod: Pod, pods: readonly Pod[]): NewRevision {
  const uid = pod.metadata?.uid;
  const live = pods.find((p) => (uid ? p.metadata?.uid === uid : p.metadata?.name === pod.metadata?.name && sameNamespace(p, pod)));
  return { pods: [live ?? pod], creator: null, creatorKind: 'Pod', desired: 1, olderPods: [] };
}

export function newRevisionOf(kind: WorkloadKind, workload: Workload, snapshot: ClusterSnapshot): NewRevision {
  const pods = snapshot.pods;
  switch (kind) {
    case 'Deployment':
      return deploymentNewRevision(workload, snapshot, pods);
    case 'StatefulSet':
      return statefulSetRevision(workload, pods);
    case 'DaemonSet':
      return daemonSetRevision(workload, snapshot, pods);
    case 'Job':
      return jobRevision(workload, pods);
    case 'Pod':
      return podItself(workload as Pod, pods);
    case 'ReplicationController':
      return replicationControllerPods(workload, pods);
  }
}
