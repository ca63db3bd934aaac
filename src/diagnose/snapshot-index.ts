// Lookups a diagnosis pass repeats for every workload (the pods and ReplicaSets an owner controls, the events about
// one object), indexed once per snapshot array instead of scanned per workload: with 100 workloads, 1000 pods and
// thousands of events, the scans were most of the gate's CPU and garbage. Every lookup returns exactly what the
// plain filter over the array would, in array order: the index only narrows the candidates the filter sees.
import { compareEvents, type EventView } from './events.js';
import { isOwnedBy, sameNamespace } from '../k8s/owners.js';
import { type KubeObject } from '../k8s/objects.js';

type Bucket<T> = [position: number, item: T][];

interface OwnerIndex<T> {
  /** By the uid of an ownerReference that has one. */
  byUid: Map<string, Bucket<T>>;
  /** By "namespace/kind/name" of an ownerReference without a uid (isOwnedBy compares those by name). */
  byNameOnly: Map<string, Bucket<T>>;
  /** By "namespace/kind/name" of every ownerReference, built only for an owner without a uid (an offline dump). */
  byName?: Map<string, Bucket<T>>;
  /** Objects with no ownerReferences, per namespace. */
  orphans: Map<string, Bucket<T>>;
}

const ownerIndexes = new WeakMap<readonly unknown[], OwnerIndex<unknown>>();
const eventIndexes = new WeakMap<readonly EventView[], EventIndex>();

function push<T>(map: Map<string, Bucket<T>>, key: string, entry: [number, T]): void {
  const bucket = map.get(key);
  if (bucket?.[bucket.length - 1][0] === entry[0]) return; // two references of one object to the same owner
  if (bucket) bucket.push(entry);
  else map.set(key, [entry]);
}

function namespaceOf(obj: KubeObject): string {
  return obj.metadata?.namespace ?? '';
}

function ownerIndex<T extends KubeObject>(items: readonly T[]): OwnerIndex<T> {
  const cached = ownerIndexes.get(items) as OwnerIndex<T> | undefined;
  if (cached) return cached;
  const index: OwnerIndex<T> = { byUid: new Map(), byNameOnly: new Map(), orphans: new Map() };
  items.forEach((item, position) => {
    const refs = item.metadata?.ownerReferences ?? [];
    if (refs.length === 0) push(index.orphans, namespaceOf(item), [position, item]);
    for (const r of refs) {
      if (r.uid) push(index.byUid, r.uid, [position, item]);
      else push(index.byNameOnly, `${namespaceOf(item)}/${r.kind}/${r.name}`, [position, item]);
    }
  });
  ownerIndexes.set(items, index as OwnerIndex<unknown>);
  return index;
}

function byEveryName<T extends KubeObject>(items: readonly T[], index: OwnerIndex<T>): Map<string, Bucket<T>> {
  if (index.byName) return index.byName;
  const byName = new Map<string, Bucket<T>>();
  items.forEach((item, position) => {
    for (const r of item.metadata?.ownerReferences ?? []) push(byName, `${namespaceOf(item)}/${r.kind}/${r.name}`, [position, item]);
  });
  return (index.byName = byName);
}

function inOrder<T>(buckets: (Bucket<T> | undefined)[]): T[] {
  const present = buckets.filter((b): b is Bucket<T> => b !== undefined && b.length > 0);
  if (present.length === 1) return present[0].map(([, item]) => item);
  const seen = new Map<number, T>();
  for (const bucket of present) for (const [position, item] of bucket) seen.set(position, item);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
}

/** Everything that may be owned by `owner`: a superset the exact filter then narrows. */
function candidates<T extends KubeObject>(items: readonly T[], owner: KubeObject, withOrphans: boolean): T[] {
  const index = ownerIndex(items);
  const uid = owner.metadata?.uid;
  const name = `${namespaceOf(owner)}/${owner.kind}/${owner.metadata?.name}`;
  return inOrder([
    ...(uid ? [index.byUid.get(uid), index.byNameOnly.get(name)] : [byEveryName(items, index).get(name)]),
    withOrphans ? index.orphans.get(namespaceOf(owner)) : undefined,
  ]);
}

/** `items.filter((i) => sameNamespace(i, owner) && isOwnedBy(i, owner))`; `owner` carries its kind. */
export function ownedBy<T extends KubeObject>(items: readonly T[], owner: KubeObject): T[] {
  return candidates(items, owner, false).filter((i) => sameNamespace(i, owner) && isOwnedBy(i, owner));
}

/**
 * `items.filter((i) => sameNamespace(i, owner) && (i has ownerReferences ? isOwnedBy(i, owner) : fallback(i)))`:
 * owned objects, plus those without any owner reference that the fallback claims.
 */
export function ownedOrClaimed<T extends KubeObject>(items: readonly T[], owner: KubeObject, fallback: (item: T) => boolean): T[] {
  return candidates(items, owner, true).filter(
    (i) => sameNamespace(i, owner) && (i.metadata?.ownerReferences?.length ? isOwnedBy(i, owner) : fallback(i)),
  );
}

/** Events by namespace, then kind: all of that kind, and per object name. */
type EventIndex = Map<string, Map<string, { all: EventView[]; byName: Map<string, EventView[]> }>>;

// Rebuilt for every new events array (a live store hands out a new one after each event), so it is built from the
// views' own strings (no key strings per event) and sorts only a bucket whose events arrived out of order: on a
// rollout of 2,000 pods the key strings and sorts were a third of everything the gate allocated (docs/benchmarks.md).
function eventIndex(events: readonly EventView[]): EventIndex {
  const index = eventIndexes.get(events);
  if (index) return index;
  const built: EventIndex = new Map();
  for (const e of events) {
    let kinds = built.get(e.namespace);
    if (!kinds) built.set(e.namespace, (kinds = new Map()));
    let ofKind = kinds.get(e.kind);
    if (!ofKind) kinds.set(e.kind, (ofKind = { all: [], byName: new Map() }));
    ofKind.all.push(e);
    const named = ofKind.byName.get(e.name);
    if (named) named.push(e);
    else ofKind.byName.set(e.name, [e]);
  }
  for (const kinds of built.values()) {
    for (const ofKind of kinds.values()) {
      sortIfNeeded(ofKind.all);
      for (const named of ofKind.byName.values()) sortIfNeeded(named);
    }
  }
  eventIndexes.set(events, built);
  return built;
}

/** The stable sort leaves an ordered bucket as it is: checking first spares the sort's own copies. */
function sortIfNeeded(bucket: EventView[]): void {
  for (let i = 1; i < bucket.length; i++) {
    if (compareEvents(bucket[i - 1], bucket[i]) > 0) {
      bucket.sort(compareEvents); // stable: ties keep array order
      return;
    }
  }
}

/**
 * `events.filter((e) => e.kind === kind && e.namespace === namespace && e.name === name)`, oldest first (by
 * compareEvents, ties in array order). Shared between callers: read it, never modify it.
 */
export function eventsNamed(events: readonly EventView[], kind: string, namespace: string, name: string): EventView[] {
  return eventIndex(events).get(namespace)?.get(kind)?.byName.get(name) ?? [];
}

/** `events.filter((e) => e.kind === kind && e.namespace === namespace)`, oldest first; shared, never modify it. */
export function eventsOfKind(events: readonly EventView[], kind: string, namespace: string): EventView[] {
  return eventIndex(events).get(namespace)?.get(kind)?.all ?? [];
}
