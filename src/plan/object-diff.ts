// What the apply would change in one object: the dry-run result against the live object, leaf by leaf, over the
// fields our field manager owns before or after the apply (so server-set defaults the manifest never touched stay
// out), without the bookkeeping every write changes (managedFields, resourceVersion, generation, status).
import { LAST_APPLIED_ANNOTATION } from '../k8s/well-known.js';
import { record } from '../k8s/fields.js';
import { emptyOwned, isOwned, ownedFields } from '../k8s/owned-fields.js';
import type { KubeObject } from '../k8s/objects.js';
import { formatPath, objectLeaves, type PathSegments } from '../k8s/object-paths.js';
import { renderEnvValue, renderValue, stableJson } from '../diagnose/change/render.js';
import { secretKeyChanges, withoutValues } from './secret-keys.js';
import type { FieldChange } from './types.js';

const BOOKKEEPING = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink'];

/** The object as a diff should see it: no status, no server bookkeeping, no last-applied copy (it holds values). */
export function comparable(obj: KubeObject | null): Record<string, unknown> {
  if (!obj) return {};
  const { status: _status, metadata, ...rest } = obj;
  const meta: Record<string, unknown> = { ...record(metadata) };
  for (const field of BOOKKEEPING) delete meta[field];
  const annotations = { ...record(meta.annotations) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  if (Object.keys(annotations).length) meta.annotations = annotations;
  else delete meta.annotations;
  return { ...rest, metadata: meta };
}

export function diffObject(live: KubeObject | null, after: KubeObject, fieldManager: string): FieldChange[] {
  if (after.kind === 'Secret')
    return [...secretKeyChanges(live, after), ...diffFields(withoutValues(live), withoutValues(after)!, fieldManager)];
  return diffFields(live, after, fieldManager);
}

function diffFields(live: KubeObject | null, after: KubeObject, fieldManager: string): FieldChange[] {
  const owned = ownedFields(after, fieldManager, ownedFields(live, fieldManager, emptyOwned()));
  // No record of our manager at all (a manifest that was not dry-run): every difference is ours.
  const filter = owned.subtrees.size + owned.exact.size > 0;
  const left = objectLeaves(comparable(live));
  const right = objectLeaves(comparable(after));
  const out: FieldChange[] = [];
  const keys = new Set([...left.keys(), ...right.keys()]);
  for (const key of keys) {
    const a = left.get(key);
    const b = right.get(key);
    if (a && b && stableJson(a.value) === stableJson(b.value)) continue;
    const path = (a ?? b)!.path;
    if (filter && !isOwned(owned, path)) continue;
    if (isRedundantName(path, (a ?? b)!.value, a ? left : right)) continue;
    out.push({ path: formatPath(path), before: render(path, a?.value), after: render(path, b?.value) });
  }
  return out;
}

// A list item keyed by its name says its name in its path: the name leaf adds nothing, unless it is all the item has.
function isRedundantName(path: PathSegments, value: unknown, side: Map<string, { path: PathSegments }>): boolean {
  if (path[path.length - 1] !== 'name' || path[path.length - 2] !== `[${String(value)}]`) return false;
  const item = path.slice(0, -1);
  let leaves = 0;
  for (const { path: p } of side.values()) if (p.length > item.length && item.every((s, i) => p[i] === s)) leaves++;
  return leaves > 1;
}

// A literal env value may be a credential pasted into the manifest: the what-changed code's rule masks it here too.
function render(path: PathSegments, value: unknown): string | null {
  const env = path.length >= 2 && path[path.length - 1] === 'value' ? /^\[(.+)\]$/.exec(path[path.length - 2]) : null;
  if (env && path[path.length - 3] === 'env') return renderEnvValue(env[1], value);
  return renderValue(value);
}
