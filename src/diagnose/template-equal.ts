// Whether a ReplicaSet's pod template is the Deployment's, the way the deployment controller decides it
// (EqualIgnoreHash): the pod-template-hash label is ignored, and absent, null and zero-valued fields count as equal,
// because the Go structs omit empty values and the two objects may have been serialized by different writers.

import { semanticEqual } from '../semantic-equal.js';

const HASH_LABEL = 'pod-template-hash';

/** Go's zero values of non-pointer fields: the API server omits them, so absent and zero are the same value. */
function isZeroValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as object).every(isZeroValue);
  return false;
}

function withoutHash(template: unknown): unknown {
  if (!template || typeof template !== 'object') return template;
  const t = template as { metadata?: { labels?: Record<string, string> } };
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** Answers per pair of template objects: the diagnosis asks again on every pass, and objects are never modified. */
const answers = new WeakMap<object, WeakMap<object, boolean>>();

export function templatesEqualIgnoringHash(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return semanticEqual(withoutHash(a), withoutHash(b), isZeroValue);
  let forA = answers.get(a);
  if (!forA) answers.set(a, (forA = new WeakMap()));
  let equal = forA.get(b);
  if (equal === undefined) forA.set(b, (equal = semanticEqual(withoutHash(a), withoutHash(b), isZeroValue)));
  return equal;
}
