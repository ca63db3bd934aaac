// Which collections the wait needs to watch: per namespace, the workload kinds it applied plus what diagnosis reads
// (pods, events, ReplicaSets, ControllerRevisions, PVCs), and the nodes once. The count depends on the namespaces and
// kinds, never on the number of workloads or pods: a kind with a few workloads in a namespace is watched by name
// (nothing else of that kind in a shared namespace reaches the gate), more by one watch of the namespace; pods,
// ReplicaSets and ControllerRevisions through the run's label selector when it has one (watch/run-selector.ts).
import { COLLECTIONS, WORKLOADS, type CollectionName } from '../k8s/kinds.js';
import { runScopes, type NamespaceScope, type ScopeTarget } from './run-scope.js';

export interface CollectionSpec {
  collection: CollectionName;
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** Without it the verdict cannot be reached (the workload itself); the others only enrich diagnosis. */
  required: boolean;
  /** Where the store keeps what this watch brings: the namespace, or the namespace and the one object watched. */
  scope: string;
  fieldSelector?: string;
  labelSelector?: string;
}

/** Up to this many workloads of one kind in one namespace are watched by name, one watch each. */
export const NAMED_WATCHES_MAX = 3;

const SELECTED: ReadonlySet<CollectionName> = new Set(['pods', 'replicaSets', 'controllerRevisions']);

export function planWatches(
  workloads: readonly ScopeTarget[],
  diagnose: boolean,
  scopes: ReadonlyMap<string, NamespaceScope> = runScopes(workloads),
): CollectionSpec[] {
  const specs = new Map<string, CollectionSpec>();
  const add = (s: CollectionSpec) => {
    const key = `${s.collection}/${s.scope}`;
    const existing = specs.get(key);
    if (existing) existing.required ||= s.required;
    else specs.set(key, s);
  };
  const watch = (collection: CollectionName, namespace: string | undefined, required: boolean) => {
    const labelSelector = SELECTED.has(collection) && namespace !== undefined ? scopes.get(namespace)?.labelSelector : null;
    add({
      collection,
      ...COLLECTIONS[collection],
      namespace,
      required,
      scope: namespace ?? '',
      ...(labelSelector ? { labelSelector } : {}),
    });
  };
  const perKind = new Map<string, number>();
  for (const w of workloads) perKind.set(`${w.namespace}/${w.kind}`, (perKind.get(`${w.namespace}/${w.kind}`) ?? 0) + 1);
  for (const w of workloads) {
    const { collection, history } = WORKLOADS[w.kind];
    const sameKind = perKind.get(`${w.namespace}/${w.kind}`) ?? 0;
    if (w.kind !== 'Pod' && sameKind <= NAMED_WATCHES_MAX) {
      const name = { fieldSelector: `metadata.name=${w.name}`, scope: `${w.namespace}/${w.name}` };
      add({ collection, ...COLLECTIONS[collection], namespace: w.namespace, required: true, ...name });
    } else watch(collection, w.namespace, true);
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
