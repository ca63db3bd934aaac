// The deployment controller's EqualIgnoreHash (k8s.io/kubernetes pkg/controller/deployment/util
// deployment_util.go), which kubectl's rollback uses too: two pod templates are the same revision when they are equal
// apart from the pod-template-hash label. Go compares the typed structs, where an absent field, null and the zero value
// of a non-pointer field (false, 0, "") are one value: the API server omits them, and two writers may differ.
import { semanticEqual } from './semantic-equal.js';
import type { PodTemplate } from './objects.js';
import { POD_TEMPLATE_HASH_LABEL } from './well-known.js';

/** Go's zero values of non-pointer fields: absent and zero are the same value once decoded. */
export function isZeroValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as object).every(isZeroValue);
  return false;
}

/** A copy of the template without the hash label; an emptied label set disappears, as Go's omitempty drops it. */
export function withoutHashLabel(template: PodTemplate | undefined | null): PodTemplate {
  const { metadata, ...rest } = structuredClone(template ?? {});
  const meta = { ...(metadata ?? {}) };
  if (meta.labels) {
    const labels = { ...meta.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length > 0) meta.labels = labels;
    else delete meta.labels;
  }
  return { metadata: meta, ...rest };
}

/** Answers per pair of template objects: the diagnosis asks again on every pass, and objects are never modified. */
const answers = new WeakMap<object, WeakMap<object, boolean>>();

function compare(a: unknown, b: unknown): boolean {
  return semanticEqual(withoutHashLabel(a as PodTemplate), withoutHashLabel(b as PodTemplate), isZeroValue);
}

/** Pod templates equal apart from the pod-template-hash label the controller adds to ReplicaSets. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return compare(a, b);
  let forA = answers.get(a);
  if (!forA) answers.set(a, (forA = new WeakMap()));
  let equal = forA.get(b);
  if (equal === undefined) forA.set(b, (equal = compare(a, b)));
  return equal;
}
