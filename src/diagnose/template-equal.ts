// Whether a ReplicaSet's pod template is the Deployment's, the way the deployment controller decides it
// (EqualIgnoreHash): the pod-template-hash label is ignored, and absent, null and zero-valued fields count as equal,
// because the Go structs omit empty values and the two objects may have been serialized by different writers.

const HASH_LABEL = 'pod-template-hash';

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as object).every(isEmpty);
  return false;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (!semanticEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    }
    return true;
  }
  return a === b;
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
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return semanticEqual(withoutHash(a), withoutHash(b));
  let forA = answers.get(a);
  if (!forA) answers.set(a, (forA = new WeakMap()));
  let equal = forA.get(b);
  if (equal === undefined) forA.set(b, (equal = semanticEqual(withoutHash(a), withoutHash(b))));
  return equal;
}
