// The gate's live view of the cluster, fed by watches: one map per collection, replaced whole on each (re)list and
// updated per event in between. `snapshot()` hands the pure diagnosis the same plain arrays an offline dump gives.
import type { CollectionWatcher, WatchEventType } from '../kube/watch-stream.js';

import { COLLECTION_NAMES, type ClusterSnapshot, type CollectionName } from '../k8s/kinds.js';

export type { CollectionName };
/** The live view handed to the pure diagnosis: the same shape an offline dump gives. */
export type Snapshot = ClusterSnapshot;

/** managedFields are most of an object's bytes and no rule reads them: dropping them keeps 1000 pods cheap. */
function slim(obj: any): any {
  if (obj?.metadata?.managedFields) {
    const { managedFields: _dropped, ...metadata } = obj.metadata;
    return { ...obj, metadata };
  }
  return obj;
}

function about(ref: any): any {
  return ref && { kind: ref.kind, name: ref.name, namespace: ref.namespace, uid: ref.uid, fieldPath: ref.fieldPath };
}

/**
 * An Event as the diagnosis reads it (diagnose/events.ts, either Event API). A big rollout writes several events per
 * pod, each replaced as its count rises: keeping only these fields keeps the store, and the garbage it leaves, small.
 */
function slimEvent(e: any): any {
  const m = e?.metadata ?? {};
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

function keep(collection: CollectionName, obj: any): any {
  return collection === 'events' ? slimEvent(obj) : slim(obj);
}

function nameOf(obj: any): string {
  return `${obj?.metadata?.namespace ?? ''}/${obj?.metadata?.name ?? ''}`;
}

function keyOf(obj: any): string {
  return obj?.metadata?.uid ?? nameOf(obj);
}

export class LiveStore {
  /** Per collection and scope (namespace), so one namespace's re-list does not drop another's objects. */
  private readonly maps = new Map<string, Map<string, any>>();
  /** Per collection, by "namespace/name": the wait looks up every pending workload on every change. */
  private readonly byName = new Map<CollectionName, Map<string, any>>();
  /** The last list handed out per collection, until it changes: unchanged arrays keep the diagnosis's indexes warm. */
  private readonly lists = new Map<CollectionName, any[]>();
  private version = 0;
  private alarmCount = 0;
  /** Watches handed out that have not delivered their first list (nor given up): their view is not complete yet. */
  private readonly unlisted = new Set<string>();

  /** `isAlarming` marks the changes worth a diagnosis at once (see diagnose/alarming.ts); `alarms` counts them. */
  constructor(
    private readonly onChange: () => void,
    private readonly isAlarming: (obj: any) => boolean = () => false,
  ) {}

  get changes(): number {
    return this.version;
  }

  get alarms(): number {
    return this.alarmCount;
  }

  /** List items arrive without kind and apiVersion: `typeMeta` puts them back so the pure rules can dispatch on them. */
  watcher(
    collection: CollectionName,
    scope: string,
    typeMeta: { apiVersion: string; kind: string },
    onFatal: (e: Error) => void,
  ): CollectionWatcher {
    const mapKey = `${collection}\u0000${scope}`;
    const typed = (obj: any) => (obj?.kind ? obj : { ...typeMeta, ...obj });
    this.unlisted.add(mapKey);
    return {
      onSync: (items) => {
        this.unlisted.delete(mapKey);
        for (const old of this.maps.get(mapKey)?.values() ?? []) this.unindex(collection, old);
        const map = new Map<string, any>();
        let alarming = false;
        for (const item of items) {
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
        if (type === 'DELETED') {
          map.delete(key);
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
  list(collection: CollectionName): any[] {
    const cached = this.lists.get(collection);
    if (cached) return cached;
    const out: any[] = [];
    for (const [k, map] of this.maps) if (k.startsWith(`${collection}\u0000`)) out.push(...map.values());
    this.lists.set(collection, out);
    return out;
  }

  find(collection: CollectionName, namespace: string, name: string): any | undefined {
    return this.byName.get(collection)?.get(`${namespace}/${name}`);
  }

  private names(collection: CollectionName): Map<string, any> {
    let names = this.byName.get(collection);
    if (!names) this.byName.set(collection, (names = new Map()));
    return names;
  }

  /** Only the entry that still points at this object: a newer object with the same name (recreated) stays. */
  private unindex(collection: CollectionName, obj: any): void {
    const names = this.byName.get(collection);
    if (names && names.get(nameOf(obj)) === obj) names.delete(nameOf(obj));
  }

  snapshot(): Snapshot {
    const s = {} as Snapshot;
    for (const c of COLLECTION_NAMES) (s as Record<CollectionName, unknown[]>)[c] = this.list(c);
    return s;
  }
}
