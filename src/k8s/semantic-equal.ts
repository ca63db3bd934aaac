// apimachinery's Semantic.DeepEqual, as far as it can be told from JSON: Go treats a nil map or slice as equal to
// an empty one, and the API server omits empty optional fields, so absent, null, [] and {} all mean "empty" here.
// Object key order never matters (Go compares structs and maps, not bytes); array order does.
// Simplifications, both harmless for objects read back from the API server: an empty struct behind a pointer
// (`securityContext: {}`) also equals an absent one, and resource quantities compare as the canonical strings
// the server always returns ("1" and "1000m" never both appear).

export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  // An object whose fields are all empty is Go's zero struct: `{"creationTimestamp":null}` equals `{}`.
  if (typeof v === 'object') {
    for (const key in v) if (Object.hasOwn(v, key) && !isEmptyValue((v as Record<string, unknown>)[key])) return false;
    return true;
  }
  return false;
}

/** `isEmpty` decides which values count as absent; the deployment controller's template match also counts zeros. */
export function semanticEqual(a: unknown, b: unknown, isEmpty: (v: unknown) => boolean = isEmptyValue): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], b[i], isEmpty)) return false;
    return true;
  }
  // The wait compares a workload's template on every change of it: own keys walked in place, no key arrays or sets
  // (each key of either side compared once, as over the union of both sides' keys).
  if (typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key in left) if (Object.hasOwn(left, key) && !semanticEqual(left[key], right[key], isEmpty)) return false;
    for (const key in right) {
      if (Object.hasOwn(right, key) && !Object.hasOwn(left, key) && !semanticEqual(left[key], right[key], isEmpty)) return false;
    }
    return true;
  }
  return a === b;
}
