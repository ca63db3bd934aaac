// Which fields of an object one field manager owns, read from metadata.managedFields. fieldsV1 is the field set of
// sigs.k8s.io/structured-merge-diff (fieldpath/serialize.go): "f:name" a field, "k:{...}" a list item by its keys,
// "v:..." a set value, "i:N" an index, "." the node itself; an empty {} owns the whole field below it.
import { record } from './fields.js';
import type { KubeObject } from './objects.js';
import { listItemSegment, pathKey, type PathSegments } from './object-paths.js';

export interface OwnedFields {
  /** Paths owned as a whole (everything below them). */
  subtrees: Set<string>;
  /** Paths owned only as themselves (a list item's existence, "."). */
  exact: Set<string>;
}

export function emptyOwned(): OwnedFields {
  return { subtrees: new Set(), exact: new Set() };
}

/** The fields `manager` owns in `object` through apply (the fields an apply by the same manager may change). */
export function ownedFields(object: KubeObject | null | undefined, manager: string, into: OwnedFields = emptyOwned()): OwnedFields {
  for (const entry of object?.metadata?.managedFields ?? []) {
    if (entry.manager !== manager || entry.operation !== 'Apply' || entry.subresource) continue;
    walk(record(entry.fieldsV1), object, [], into);
  }
  return into;
}

/** True when the path (or the field it lies in) is owned. */
export function isOwned(owned: OwnedFields, path: PathSegments): boolean {
  if (owned.exact.has(pathKey(path))) return true;
  for (let i = path.length; i >= 0; i--) if (owned.subtrees.has(pathKey(path.slice(0, i)))) return true;
  return false;
}

function walk(set: Record<string, unknown>, value: unknown, path: PathSegments, owned: OwnedFields): void {
  for (const [key, child] of Object.entries(set)) {
    if (key === '.') {
      owned.exact.add(pathKey(path));
      continue;
    }
    const next = step(key, value, path);
    if (!next) continue; // an item this object does not hold (the other side of the diff may)
    const body = record(child);
    if (Object.keys(body).length === 0) owned.subtrees.add(pathKey(next.path));
    else walk(body, next.value, next.path, owned);
  }
}

function step(key: string, value: unknown, path: PathSegments): { path: PathSegments; value: unknown } | null {
  const kind = key.slice(0, 2);
  const rest = key.slice(2);
  if (kind === 'f:') return { path: [...path, rest], value: record(value)[rest] };
  const items = Array.isArray(value) ? value : [];
  if (kind === 'i:') {
    const index = Number(rest);
    return index < items.length ? { path: [...path, listItemSegment(items[index], index)], value: items[index] } : null;
  }
  // A set of scalars is one leaf of the diff: owning any of its values owns the list.
  if (kind === 'v:') return { path, value };
  if (kind !== 'k:') return null;
  let keys: Record<string, unknown>;
  try {
    keys = record(JSON.parse(rest));
  } catch {
    return null;
  }
  const index = items.findIndex((item) => Object.entries(keys).every(([k, v]) => String(record(item)[k]) === String(v)));
  return index === -1 ? null : { path: [...path, listItemSegment(items[index], index)], value: items[index] };
}
