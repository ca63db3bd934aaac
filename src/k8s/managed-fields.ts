// metadata.managedFields: who wrote which fields, how (Apply is server-side apply, Update any other write), through
// which subresource, and when. Server-side apply keys ownership by manager name AND operation AND subresource, so
// "kube-deploy-gate" applying and "kube-deploy-gate" patching are two different owners.
import type { KubeObject, ManagedFieldsEntry } from './objects.js';
import { record } from './fields.js';

export interface ManagerIdentity {
  manager: string;
  operation: string;
  /** "" for the main resource. */
  subresource: string;
}

export function managedFieldsOf(obj: KubeObject | null | undefined): ManagedFieldsEntry[] {
  const entries = obj?.metadata?.managedFields;
  return Array.isArray(entries) ? entries : [];
}

function sameIdentity(entry: ManagedFieldsEntry, id: ManagerIdentity): boolean {
  return entry.manager === id.manager && entry.operation === id.operation && (entry.subresource ?? '') === id.subresource;
}

/** The entry of one owner; with `apiVersion`, an entry of that version first (an owner has one entry per version). */
export function findManagedEntry(
  obj: KubeObject | null | undefined,
  id: ManagerIdentity,
  apiVersion?: string,
): ManagedFieldsEntry | undefined {
  const matching = managedFieldsOf(obj).filter((e) => sameIdentity(e, id));
  return matching.find((e) => apiVersion !== undefined && e.apiVersion === apiVersion) ?? matching[0];
}

/** Whether the entry's field set holds the plain field path `names` (fieldsV1 "f:" members, no list items). */
export function entryOwnsField(entry: ManagedFieldsEntry | undefined, names: readonly string[]): boolean {
  if (!entry || entry.fieldsType !== 'FieldsV1') return false;
  let node = record(entry.fieldsV1);
  for (const name of names) {
    if (!Object.hasOwn(node, `f:${name}`)) return false;
    node = record(node[`f:${name}`]);
  }
  return true;
}

/** The field manager's own server-side apply entry on the main resource. */
export function applyEntryOf(obj: KubeObject | null | undefined, fieldManager: string): ManagedFieldsEntry | undefined {
  return findManagedEntry(obj, { manager: fieldManager, operation: 'Apply', subresource: '' });
}

/**
 * Whether anyone but `fieldManager`'s own apply has written the object's main resource. Only such writers can make
 * an apply conflict (status is written through its subresource, which an apply of the main resource never touches).
 */
export function hasOtherWriters(obj: KubeObject | null | undefined, fieldManager: string): boolean {
  return managedFieldsOf(obj).some(
    (e) => e.subresource !== 'status' && !(e.manager === fieldManager && e.operation === 'Apply' && !e.subresource),
  );
}
