// The gate's live view of the cluster, fed by watches: one map per collection, replaced whole on each (re)list and
// updated per event in between. `snapshot()` hands the pure diagnosis the same plain arrays an offline dump gives.
import type { CollectionWatcher, WatchEventType } from '../kube/watch-stream.js';

import { COLLECTION_NAMES, type ClusterSnapshot, type CollectionName, type DepartedPod, type LiveFacts } from '../k8s/kinds.js';
import type { EventSource, KubeEvent, KubeObject } from '../k8s/objects.js';

export type { CollectionName };
/** The live view handed to the pure diagnosis: the same shape an offline dump gives. */
export type Snapshot = ClusterSnapshot & LiveFacts;

/** How long a pod that left its node is remembered: longer than any wait the diagnosis counts from its going. */
const DEPARTED_MEMORY_MS = 5 * 60_000;

/** managedFields are most of an object's bytes and no rule reads them: dropping them keeps 1000 pods cheap. */
function slim(obj: KubeObject): KubeObject {
  if (obj?.metadata?.managedFields) {
    const { managedFields: _dropped, ...metadata } = obj.metadata;
    return { ...obj, metadata };
  }
  return obj;
}

function about(ref: EventSource | undefined): EventSource | undefined {
  return ref && { kind: ref.kind, name: ref.name, namespace: ref.namespace, uid: ref.uid, fieldPath: ref.fieldPath };
}

/**
 * An Event as the diagnosis reads it (diagnose/events.ts, either Event API). A big rollout writes several events per
 * pod, each replaced as its count rises: keeping only these fields keeps the store, and the garbage it leaves, small.
 */
function slimEvent(e: KubeEvent): KubeEvent {
  const m = e.metadata ?? {};
  return {
    apiVersion: e?.apiVersion,
    kind: e?.kind,
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    involvedObject: about(e?.involvedObject),
    regarding: about(e?.regarding),
    type: e?.type,
    reason: e?.reason,
    message: e?.message,
    note: e?.note,
    count: e?.count,
    deprecatedCount: e?.deprecatedCount,
    series: e?.series,
    firstTimestamp: e?.firstTimestamp,
    lastTimestamp: e?.lastTimestamp,
    deprecatedLastTimestamp: e?.deprecatedLastTimestamp,
    eventTime: e?.eventTime,
  };
}

function keep(collection: CollectionName, obj: KubeObject): KubeObject {
  return collection === 'events' ? slimEvent(obj) : slim(obj);
}

function nameOf(obj: KubeObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

function keyOf(obj: KubeObject): string {
  return obj.metadata?.uid ?? nameOf(obj);
}

/** One object of a collection, as the snapshot types it (a Pod in pods, an Event in events). */
export type ItemOf<C extends CollectionName> = ClusterSnapshot[C][number];

export class LiveStore {
  /** Per collection and scope (namespace), so one namespace's re-list does not drop another's objects. */
  private readonly maps = new Map<string, Map<string, KubeObject>>();
  /** Per collection, by "namespace/name": the wait looks up every pending workload on every change. */
  private readonly byName = new Map<CollectionName, Map<string, KubeObject>>();
  /** The last list handed out per collection, until it changes: unchanged arrays keep the diagnosis's indexes warm. */
  private readonly lists = new Map<CollectionName, KubeObject[]>();
  private version = 0;
  private alarmCount = 0;
  /** Watches handed out that have not delivered their first list (nor given up): their view is not complete yet. */
  private readonly unlisted = new Set<string>();
  /** Pods seen deleted from a node: a pod that waits for room counts from when it freed (../diagnose/rules/scheduling.ts). */
  private departed: DepartedPod[] = [];

  /** `isAlarming` marks the changes worth a diagnosis at once (see diagnose/alarming.ts); `alarms` counts them. */
  constructor(
    private readonly onChange: () => void,
    private readonly isAlarming: (obj: KubeObject) => boolean = () => false,
  ) {}

  get changes(): number {
    return this.version;
  }

  get alarms(): number {
    return this.alarmCount;
  }

  /**
   * List items arrive without kind and apiVersion: `typeMeta` puts them back so the pure rules can dispatch on them.
   * `relevant` drops what cannot matter to the run (watch/run-scope.ts) before it is copied into the store; an object
   * that stops being relevant leaves the store as if deleted.
   */
  watcher(
    collection: CollectionName,
    scope: string,
    typeMeta: { apiVersion: string; kind: string },
    onFatal: (e: Error) => void,
    relevant: (obj: unknown) => boolean = () => true,
  ): CollectionWatcher {
    const mapKey = `${collection}\u0000${scope}`;
    const typed = (obj: KubeObject): KubeObject => (obj.kind ? obj : { ...typeMeta, ...obj });
    this.unlisted.add(mapKey);
    return {
      onSync: (items) => {
        this.unlisted.delete(mapKey);
        for (const old of this.maps.get(mapKey)?.values() ?? []) this.unindex(collection, old);
        const map = new Map<string, KubeObject>();
        let alarming = false;
        for (const item of items) {
          if (!relevant(item)) continue;
          const kept = keep(collection, typed(item));
          map.set(keyOf(kept), kept);
          this.names(collection).set(nameOf(kept), kept);
          alarming ||= this.isAlarming(kept);
        }
        if (alarming) this.alarmCount++;
        this.maps.set(mapKey, map);
        this.bump(collection);
      },
      onEvent: (type: WatchEventType, obj) => {
        const map = this.maps.get(mapKey) ?? new Map();
        this.maps.set(mapKey, map);
        const key = keyOf(obj);
        const old = map.get(key);
        if (old) this.unindex(collection, old);
        if (type === 'DELETED' || !relevant(obj)) {
          if (!old) return; // an object the store never held: nothing changed
          map.delete(key);
          if (type === 'DELETED' && collection === 'pods') this.rememberDeparted(old);
        } else {
          const kept = keep(collection, typed(obj));
          map.set(key, kept);
          this.names(collection).set(nameOf(kept), kept);
          if (this.isAlarming(kept)) this.alarmCount++;
        }
        this.bump(collection);
      },
      onFatal: (e) => {
        // Nothing more will come: waiting for its list would wait for ever.
        this.unlisted.delete(mapKey);
        onFatal(e);
      },
    };
  }

  /** Forgets what one watch brought (a watch of a busy namespace's events about a pod that is gone). */
  drop(collection: CollectionName, scope: string): void {
    const mapKey = `${collection}\u0000${scope}`;
    const map = this.maps.get(mapKey);
    if (!map) return;
    for (const old of map.values()) this.unindex(collection, old);
    this.maps.delete(mapKey);
    this.bump(collection);
  }

  /** False while a watch of this collection and scope has not delivered its first list. */
  listed(collection: CollectionName, scope: string): boolean {
    return !this.unlisted.has(`${collection}\u0000${scope}`);
  }

  private bump(collection: CollectionName): void {
    this.lists.delete(collection);
    this.version++;
    this.onChange();
  }

  /** Shared with other callers until the collection changes: read it, never modify it. */
  // The casts below are the store's one promise: each collection's map holds only objects of its kind (the watch
  // of that collection fills it).
  list<C extends CollectionName>(collection: C): ClusterSnapshot[C] {
    const cached = this.lists.get(collection);
    if (cached) return cached as ClusterSnapshot[C];
    // Built once per change of the collection while a diagnosis runs: no spread copies of each map on the way.
    const out: KubeObject[] = [];
    const prefix = `${collection}\u0000`;
    for (const [k, map] of this.maps) if (k.startsWith(prefix)) for (const obj of map.values()) out.push(obj);
    this.lists.set(collection, out);
    return out as ClusterSnapshot[C];
  }

  find<C extends CollectionName>(collection: C, namespace: string, name: string): ItemOf<C> | undefined {
    return this.byName.get(collection)?.get(`${namespace}/${name}`) as ItemOf<C> | undefined;
  }

  private names(collection: CollectionName): Map<string, KubeObject> {
    let names = this.byName.get(collection);
    if (!names) this.byName.set(collection, (names = new Map()));
    return names;
  }

  /** Only the entry that still points at this object: a newer object with the same name (recreated) stays. */
  private unindex(collection: CollectionName, obj: KubeObject): void {
    const names = this.byName.get(collection);
    if (names && names.get(nameOf(obj)) === obj) names.delete(nameOf(obj));
  }

  snapshot(): Snapshot {
    const s = {} as Snapshot;
    for (const c of COLLECTION_NAMES) (s as Record<CollectionName, readonly unknown[]>)[c] = this.list(c);
    if (this.departed.length > 0) s.departedPods = this.departed;
    return s;
  }

  private rememberDeparted(pod: KubeObject): void {
    if (!(pod as { spec?: { nodeName?: string } }).spec?.nodeName) return;
    const now = Date.now();
    this.departed = [
      ...this.departed.filter((d) => now - Date.parse(d.goneAt) < DEPARTED_MEMORY_MS),
      { pod, goneAt: new Date(now).toISOString() },
    ];
  }
}
