// Which collections the wait needs to watch: per namespace, the workload kinds it applied plus what diagnosis reads
// (pods, events, ReplicaSets, ControllerRevisions, PVCs), and the nodes once. The count depends on the namespaces and
// kinds, never on the number of workloads or pods.
import { COLLECTIONS, WORKLOADS, type CollectionName, type WorkloadRef } from '../k8s/kinds.js';

export interface CollectionSpec {
  collection: CollectionName;
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** Without it the verdict cannot be reached (the workload itself); the others only enrich diagnosis. */
  required: boolean;
}

export function planWatches(workloads: WorkloadRef[], diagnose: boolean): CollectionSpec[] {
  const specs = new Map<string, CollectionSpec>();
  const add = (s: CollectionSpec) => {
    const key = `${s.collection}/${s.namespace ?? ''}`;
    const existing = specs.get(key);
    if (existing) existing.required ||= s.required;
    else specs.set(key, s);
  };
  const watch = (collection: CollectionName, namespace: string | undefined, required: boolean) =>
    add({ collection, ...COLLECTIONS[collection], namespace, required });
  for (const w of workloads) {
    const { collection, history } = WORKLOADS[w.kind];
    watch(collection, w.namespace, true);
    if (history === 'ReplicaSet') watch('replicaSets', w.namespace, false);
    if (history === 'ControllerRevision') watch('controllerRevisions', w.namespace, false);
    if (!diagnose) continue;
    watch('pods', w.namespace, false);
    watch('events', w.namespace, false);
    if (w.kind === 'StatefulSet') watch('pvcs', w.namespace, false);
  }
  if (diagnose && workloads.length > 0) watch('nodes', undefined, false);
  return [...specs.values()];
}

/** The RBAC a collection needs, for the message when it is refused. */
export function permissionFor(spec: CollectionSpec): string {
  const group = spec.apiVersion.includes('/') ? spec.apiVersion.split('/')[0] : 'core';
  return `list and watch on ${spec.collection.toLowerCase()} (${group})${spec.namespace ? ` in ${spec.namespace}` : ''}`;
}
