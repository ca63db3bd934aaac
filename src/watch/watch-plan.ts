// Which collections the wait needs to watch: per namespace, the workload kinds it applied plus what diagnosis reads
// (pods, events, ReplicaSets, ControllerRevisions, PVCs), and the nodes once. The count depends on the namespaces and
// kinds, never on the number of workloads or pods.
import type { WorkloadKind, WorkloadRef } from '../k8s/kinds.js';
import type { CollectionName } from './live-store.js';

export interface CollectionSpec {
  collection: CollectionName;
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** Without it the verdict cannot be reached (the workload itself); the others only enrich diagnosis. */
  required: boolean;
}

/** Per workload kind: the live-store collection and the apiVersion the gate reads and writes it with. */
export const WORKLOAD_COLLECTION: Record<WorkloadKind, [CollectionName, string]> = {
  Deployment: ['deployments', 'apps/v1'],
  StatefulSet: ['statefulSets', 'apps/v1'],
  DaemonSet: ['daemonSets', 'apps/v1'],
  Job: ['jobs', 'batch/v1'],
  Pod: ['pods', 'v1'],
};

export function planWatches(workloads: WorkloadRef[], diagnose: boolean): CollectionSpec[] {
  const specs = new Map<string, CollectionSpec>();
  const add = (s: CollectionSpec) => {
    const key = `${s.collection}/${s.namespace ?? ''}`;
    const existing = specs.get(key);
    if (existing) existing.required ||= s.required;
    else specs.set(key, s);
  };
  for (const w of workloads) {
    const [collection, apiVersion] = WORKLOAD_COLLECTION[w.kind];
    add({ collection, apiVersion, kind: w.kind, namespace: w.namespace, required: true });
    if (w.kind === 'Deployment')
      add({ collection: 'replicaSets', apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: w.namespace, required: false });
    if (w.kind === 'StatefulSet' || w.kind === 'DaemonSet') {
      add({
        collection: 'controllerRevisions',
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        namespace: w.namespace,
        required: false,
      });
    }
    if (!diagnose) continue;
    add({ collection: 'pods', apiVersion: 'v1', kind: 'Pod', namespace: w.namespace, required: false });
    add({ collection: 'events', apiVersion: 'v1', kind: 'Event', namespace: w.namespace, required: false });
    if (w.kind === 'StatefulSet')
      add({ collection: 'pvcs', apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: w.namespace, required: false });
  }
  if (diagnose && workloads.length > 0) add({ collection: 'nodes', apiVersion: 'v1', kind: 'Node', required: false });
  return [...specs.values()];
}

/** The RBAC a collection needs, for the message when it is refused. */
export function permissionFor(spec: CollectionSpec): string {
  const group = spec.apiVersion.includes('/') ? spec.apiVersion.split('/')[0] : 'core';
  return `list and watch on ${spec.collection.toLowerCase()} (${group})${spec.namespace ? ` in ${spec.namespace}` : ''}`;
}
