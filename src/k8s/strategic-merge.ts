// Enough of a strategic merge patch to replay a ControllerRevision onto its StatefulSet or DaemonSet. The
// controllers store `{"spec":{"template":{"$patch":"replace", ...}}}`, so the template is swapped whole and the
// rest of the object is untouched. Simplification (documented, deterministic): outside a `$patch: replace` object,
// lists are replaced rather than merged by their patchMergeKey, and the other `$`-directives
// ($retainKeys, $setElementOrder, $deleteFromPrimitiveList) are dropped, since no stored revision uses them.

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withoutDirectives(obj: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(obj).filter(([key]) => !key.startsWith('$')));
}

/** The result of applying `patch` to `original`; `undefined` means the patch deleted it. Inputs stay untouched. */
export function strategicMerge(original: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') return structuredClone(withoutDirectives(patch));
  if (patch.$patch === 'delete') return undefined;
  const merged: JsonObject = isObject(original) ? structuredClone(original) : {};
  for (const [key, value] of Object.entries(withoutDirectives(patch))) {
    const next = value === null ? undefined : strategicMerge(merged[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
}
