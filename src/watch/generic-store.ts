// The live view of the objects the kstatus rules judge (generic-targets.ts): one map per kind and scope (namespace,
// "" for cluster-scoped), fed by the same list+watch as the workloads' LiveStore but keyed by "apiVersion/kind", so
// any kind discovery knows fits without widening the diagnosis's typed snapshot.
import type { CollectionWatcher, WatchEventType } from '../kube/watch-stream.js';
import { record, text } from '../k8s/fields.js';

export interface ObjectAddress {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

type Stored = Record<string, unknown>;

// managedFields are most of an object's bytes and no kstatus rule reads them.
function slim(obj: unknown): Stored {
  const o = record(obj);
  const metadata = record(o.metadata);
  if (!('managedFields' in metadata)) return o;
  const { managedFields: _dropped, ...rest } = metadata;
  return { ...o, metadata: rest };
}

function collectionKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

export class GenericStore {
  /** collection -> scope -> name -> object: a re-list replaces one scope and leaves the others. */
  private readonly collections = new Map<string, Map<string, Map<string, Stored>>>();

  constructor(private readonly onChange: () => void) {}

  /** List items arrive without kind and apiVersion: they are put back so the rules can dispatch on them. */
  watcher(apiVersion: string, kind: string, scope: string, onFatal: (e: Error) => void): CollectionWatcher {
    const scopes = this.scopes(collectionKey(apiVersion, kind));
    const typed = (obj: unknown): Stored => {
      const o = slim(obj);
      return text(o.kind) ? o : { apiVersion, kind, ...o };
    };
    const nameOf = (obj: unknown) => text(record(record(obj).metadata).name);
    return {
      onSync: (items) => {
        scopes.set(scope, new Map(items.map((item) => [nameOf(item), typed(item)])));
        this.onChange();
      },
      onEvent: (type: WatchEventType, obj) => {
        let names = scopes.get(scope);
        if (!names) scopes.set(scope, (names = new Map()));
        if (type === 'DELETED') names.delete(nameOf(obj));
        else names.set(nameOf(obj), typed(obj));
        this.onChange();
      },
      onFatal,
    };
  }

  /** The object as last seen; undefined before its collection was listed, or once it is gone. */
  find(address: ObjectAddress): Stored | undefined {
    return this.collections.get(collectionKey(address.apiVersion, address.kind))?.get(address.namespace)?.get(address.name);
  }

  private scopes(key: string): Map<string, Map<string, Stored>> {
    let scopes = this.collections.get(key);
    if (!scopes) this.collections.set(key, (scopes = new Map()));
    return scopes;
  }
}
