// Which pods belong to the revision a rollout is moving to. Pods of older revisions are what the rollout replaces:
// their health says nothing about the new template, so they are never findings.
import type { WorkloadKind } from '../model.js';
import { sameNamespace, timeOf, type ControllerRevision, type KubeObject, type Pod, type Workload } from './kube-shapes.js';
import type { ClusterSnapshot } from './snapshot.js';
import { ownedBy, ownedOrClaimed } from './snapshot-index.js';
import { templatesEqualIgnoringHash } from './template-equal.js';

export interface NewRevision {
  pods: Pod[];
  /** The object that creates the new pods (the new ReplicaSet of a Deployment, otherwise the workload), if known. */
  creator: KubeObject | null;
  creatorKind: string;
  /** How many pods the new revision should end up with. */
  desired: number;
}

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

function byCreation(a: KubeObject, b: KubeObject): number {
  return (timeOf(a.metadata?.creationTimestamp) ?? 0) - (timeOf(b.metadata?.creationTimestamp) ?? 0);
}

function label(obj: KubeObject, key: string): string | undefined {
  return obj.metadata?.labels?.[key];
}

/** Pods the owner controls: by owner reference, or for objects without references by a label the owner stamps. */
function podsOf(owner: KubeObject, ownerKind: string, pods: Pod[], fallback: (p: Pod) => boolean): Pod[] {
  return ownedOrClaimed(pods, { ...owner, kind: ownerKind }, fallback);
}

/** The ReplicaSet the deployment controller considers new: the oldest whose template equals the Deployment's. */
export function newReplicaSetOf(deployment: Workload, replicaSets: Workload[]): Workload | null {
  const owned = ownedBy(replicaSets, { ...deployment, kind: 'Deployment' }).sort(byCreation);
  const byTemplate = owned.find((rs) => rs.spec?.template && templatesEqualIgnoringHash(rs.spec.template, deployment.spec?.template));
  if (byTemplate) return byTemplate;
  // Without templates to compare (a trimmed dump), the revision the Deployment reports names its new ReplicaSet.
  const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
  if (!revision || owned.some((rs) => rs.spec?.template)) return null;
  return owned.find((rs) => rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision) ?? null;
}

function deploymentRevision(d: Workload, snapshot: ClusterSnapshot, pods: Pod[]): NewRevision {
  const rs = newReplicaSetOf(d, snapshot.replicaSets as Workload[]);
  const desired = d.spec?.replicas ?? 1;
  if (!rs) return { pods: [], creator: null, creatorKind: 'ReplicaSet', desired };
  const hash = label(rs, 'pod-template-hash');
  return {
    pods: podsOf(rs, 'ReplicaSet', pods, (p) => !!hash && label(p, 'pod-template-hash') === hash),
    creator: rs,
    creatorKind: 'ReplicaSet',
    desired,
  };
}

function statefulSetRevision(sts: Workload, pods: Pod[]): NewRevision {
  const name = sts.metadata?.name ?? '';
  const ordinal = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`);
  const owned = podsOf(sts, 'StatefulSet', pods, (p) => ordinal.test(p.metadata?.name ?? ''));
  const update = sts.status?.updateRevision;
  return {
    pods: update ? owned.filter((p) => label(p, 'controller-revision-hash') === update) : owned,
    creator: sts,
    creatorKind: 'StatefulSet',
    desired: sts.spec?.replicas ?? 1,
  };
}

function daemonSetRevision(ds: Workload, snapshot: ClusterSnapshot, pods: Pod[]): NewRevision {
  const selector = ds.spec?.selector?.matchLabels ?? {};
  const matches = (p: Pod) => Object.entries(selector).length > 0 && Object.entries(selector).every(([k, v]) => label(p, k) === v);
  const owned = podsOf(ds, 'DaemonSet', pods, matches);
  const revisions = ownedBy(snapshot.controllerRevisions as ControllerRevision[], { ...ds, kind: 'DaemonSet' }).sort(
    (a, b) => (a.revision ?? 0) - (b.revision ?? 0),
  );
  const newest = revisions[revisions.length - 1];
  let current: Pod[];
  if (newest) {
    const name = newest.metadata?.name ?? '';
    const prefix = `${ds.metadata?.name ?? ''}-`;
    const hash = label(newest, 'controller-revision-hash') ?? (name.startsWith(prefix) ? name.slice(prefix.length) : name);
    current = owned.filter((p) => label(p, 'controller-revision-hash') === hash);
  } else {
    const generation = ds.metadata?.generation;
    current = generation === undefined ? owned : owned.filter((p) => label(p, 'pod-template-generation') === String(generation));
  }
  return { pods: current, creator: ds, creatorKind: 'DaemonSet', desired: ds.status?.desiredNumberScheduled ?? current.length };
}

function jobRevision(job: Workload, pods: Pod[]): NewRevision {
  const uid = job.metadata?.uid;
  const name = job.metadata?.name;
  const mine = (p: Pod) => {
    const controllerUid = label(p, 'batch.kubernetes.io/controller-uid') ?? label(p, 'controller-uid');
    if (uid && controllerUid) return controllerUid === uid;
    return (label(p, 'batch.kubernetes.io/job-name') ?? label(p, 'job-name')) === name;
  };
  const parallelism = typeof job.spec?.parallelism === 'number' ? job.spec.parallelism : 1;
  return { pods: podsOf(job, 'Job', pods, mine), creator: job, creatorKind: 'Job', desired: parallelism };
}

function podItself(pod: Pod, pods: Pod[]): NewRevision {
  const uid = pod.metadata?.uid;
  const live = pods.find((p) => (uid ? p.metadata?.uid === uid : p.metadata?.name === pod.metadata?.name && sameNamespace(p, pod)));
  return { pods: [live ?? pod], creator: null, creatorKind: 'Pod', desired: 1 };
}

export function newRevisionOf(kind: WorkloadKind, workload: Workload, snapshot: ClusterSnapshot): NewRevision {
  const pods = snapshot.pods as Pod[];
  switch (kind) {
    case 'Deployment':
      return deploymentRevision(workload, snapshot, pods);
    case 'StatefulSet':
      return statefulSetRevision(workload, pods);
    case 'DaemonSet':
      return daemonSetRevision(workload, snapshot, pods);
    case 'Job':
      return jobRevision(workload, pods);
    case 'Pod':
      return podItself(workload as Pod, pods);
  }
}
