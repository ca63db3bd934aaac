// The one table of the kinds the gate knows by name: where each lives in the API, which collection of a snapshot holds
// it, and what the gate can do with it. Every stage asks this table instead of keeping its own list.
import type { ControllerRevision, KubeEvent, Node, PersistentVolumeClaim, Pod, Workload } from './objects.js';

/**
 * The kinds that run pods, waited for with kubectl's rules (the gate's own for Job, Pod and ReplicationController,
 * which kubectl has no status viewer for) and, where they keep history, rolled back.
 */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'Pod' | 'ReplicationController';

/** Where a workload keeps the history a rollback restores from; null when it keeps none. */
export type HistoryKind = 'ReplicaSet' | 'ControllerRevision' | null;

export interface WorkloadSpec {
  apiVersion: string;
  collection: CollectionName;
  history: HistoryKind;
  /** spec.replicas exists: a failed first deploy can be scaled to zero. */
  scalable: boolean;
}

export const WORKLOADS: Readonly<Record<WorkloadKind, WorkloadSpec>> = {
  Deployment: { apiVersion: 'apps/v1', collection: 'deployments', history: 'ReplicaSet', scalable: true },
  StatefulSet: { apiVersion: 'apps/v1', collection: 'statefulSets', history: 'ControllerRevision', scalable: true },
  DaemonSet: { apiVersion: 'apps/v1', collection: 'daemonSets', history: 'ControllerRevision', scalable: false },
  Job: { apiVersion: 'batch/v1', collection: 'jobs', history: null, scalable: false },
  Pod: { apiVersion: 'v1', collection: 'pods', history: null, scalable: false },
  // No history: a ReplicationController does not even replace its pods when its template changes.
  ReplicationController: { apiVersion: 'v1', collection: 'replicationControllers', history: null, scalable: true },
};

export const WORKLOAD_KINDS = Object.keys(WORKLOADS) as readonly WorkloadKind[];

export function isWorkloadKind(kind: unknown): kind is WorkloadKind {
  return typeof kind === 'string' && Object.hasOwn(WORKLOADS, kind);
}

/** A kind with a rollout history the gate can roll back to. */
export function isRollbackable(kind: WorkloadKind): boolean {
  return WORKLOADS[kind].history !== null;
}

/** What a diagnosis reads: the collections of a snapshot, live (the watches) or offline (a dump). */
export interface ClusterSnapshot {
  deployments: readonly Workload[];
  statefulSets: readonly Workload[];
  daemonSets: readonly Workload[];
  jobs: readonly Workload[];
  pods: readonly Pod[];
  replicaSets: readonly Workload[];
  controllerRevisions: readonly ControllerRevision[];
  events: readonly KubeEvent[];
  nodes: readonly Node[];
  pvcs: readonly PersistentVolumeClaim[];
  replicationControllers: readonly Workload[];
}

export type CollectionName = keyof ClusterSnapshot;

/** Per collection: the kind it holds and the apiVersion the gate reads it with. */
export const COLLECTIONS: Readonly<Record<CollectionName, { kind: string; apiVersion: string }>> = {
  deployments: { kind: 'Deployment', apiVersion: 'apps/v1' },
  statefulSets: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  daemonSets: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  jobs: { kind: 'Job', apiVersion: 'batch/v1' },
  pods: { kind: 'Pod', apiVersion: 'v1' },
  replicaSets: { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  controllerRevisions: { kind: 'ControllerRevision', apiVersion: 'apps/v1' },
  events: { kind: 'Event', apiVersion: 'v1' },
  nodes: { kind: 'Node', apiVersion: 'v1' },
  pvcs: { kind: 'PersistentVolumeClaim', apiVersion: 'v1' },
  replicationControllers: { kind: 'ReplicationController', apiVersion: 'v1' },
};

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as readonly CollectionName[];

const COLLECTION_OF_KIND = new Map<string, CollectionName>(COLLECTION_NAMES.map((c) => [COLLECTIONS[c].kind, c]));

/** The snapshot collection that holds objects of this kind, if the gate reads that kind. */
export function collectionOfKind(kind: string): CollectionName | undefined {
  return COLLECTION_OF_KIND.get(kind);
}

export function emptySnapshot(): ClusterSnapshot {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []])) as unknown as ClusterSnapshot;
}

/** Any object the run names: a workload, or another object it waits for ("" namespace: cluster-scoped). */
export interface ObjectKey {
  kind: string;
  namespace: string;
  name: string;
}

/** A workload's identity in reports and outputs: "Deployment/ns/name". */
export interface WorkloadRef extends ObjectKey {
  kind: WorkloadKind;
}

/** "Deployment/ns/name"; the same form for any other waited object ("Certificate/ns/web", "APIService//v1.x"). */
export function workloadId(ref: ObjectKey): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export function parseWorkloadId(id: string): WorkloadRef | null {
  const [kind, namespace, ...rest] = id.split('/');
  if (!isWorkloadKind(kind) || namespace === undefined || rest.length === 0) return null;
  return { kind, namespace, name: rest.join('/') };
}
