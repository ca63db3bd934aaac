// The gate's live view of the cluster, fed by watches: one map per collection, replaced whole on each (re)list and
// updated per event in between. `snapshot()` hands the pure diagnosis the same plain arrays an offline dump gives.
import type { CollectionWatcher, WatchEventType } from '../kube/watch-stream.js';

export const COLLECTIONS = [
  'deployments', 'statefulSets', 'daemonSets', 'jobs', 'pods', 'replicaSets', 'controllerRevisions', 'events', 'nodes', 'pvcs',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export type Snapshot = Record<CollectionName, any[]>;

/** managedFields are most of an object's bytes and no rule reads them: dropping them keeps 1000 pods cheap. */
function slim(obj: any): any {
  if (obj?.metadata?.managedFields) {
    const { managedFields: _dropped, ...metadata } = obj.metadata;
    return { ...obj, metadata };
  }
  return obj;
}

function keyOf(obj: any): string {
  return obj?.metadata?.uid ?? `${obj?.metadata?.namespace ?? ''}/${obj?.metadata?.name ?? ''}`;
}

export class LiveStore {
  private readonly maps = new Map<string, Map<string, any>>();
  /** Per collection and scope (namespace), so one namespace's re-list does not drop another's objects. */
  private version = 0;

  constructor(private readonly onChange: () => void) {}

  get changes(): number {
    return this.version;
  }

  /** List items arrive without kind and apiVersion: `typeMeta` puts them back so the pure rules can dispatch on them. */
  watcher(collection: CollectionName, scope: string, typeMeta: { apiVersion: string; kind: string }, onFatal: (e: Error) => void): CollectionWatcher {
    const mapKey = `${collection}\u0000${scope}`;
    return {
      onSync: (items) => {
        this.maps.set(mapKey, new Map(items.map((o) => [keyOf(o), { ...typeMeta, ...slim(o) }])));
        this.bump();
      },
      onEvent: (type: WatchEventType, obj) => {
        const map = this.maps.get(mapKey) ?? new Map();
        this.maps.set(mapKey, map);
        if (type === 'DELETED') map.delete(keyOf(obj));
        else map.set(keyOf(obj), slim(obj));
        this.bump();
      },
      onFatal,
    };
  }

  private bump(): void {
    this.version++;
    this.onChange();
  }

  list(collection: CollectionName): any[] {
    const out: any[] = [];
    for (const [k, map] of this.maps) if (k.startsWith(`${collection}\u0000`)) out.push(...map.values());
    return out;
  }

  /** By namespace and name without building the whole list: the wait looks up every pending workload per event. */
  find(collection: CollectionName, namespace: string, name: string): any | undefined {
    for (const [k, map] of this.maps) {
      if (!k.startsWith(`${collection}\u0000`)) continue;
      for (const o of map.values()) if (o.metadata?.name === name && (o.metadata?.namespace ?? '') === namespace) return o;
    }
    return undefined;
  }

  snapshot(): Snapshot {
    const s = {} as Snapshot;
    for (const c of COLLECTIONS) s[c] = this.list(c);
    return s;
  }
}
