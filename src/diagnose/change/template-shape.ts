// Loose views of a pod template as the API returns it (plain JSON), so the diff and the reference scan
// never trust a field's type before reading it.

export type Plain = Record<string, unknown>;

export interface ContainerView {
  /** "containers" or "initContainers": the path segment the field names use. */
  list: 'containers' | 'initContainers';
  name: string;
  spec: Plain;
}

export function asRecord(value: unknown): Plain | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Plain) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The pod spec inside whatever the caller holds: a pod template ({metadata, spec}), a bare pod spec, a
 * workload (spec.template.spec) or a ControllerRevision (data.spec.template.spec). The dump and the
 * live path hand us different ones.
 */
export function podSpecOf(source: unknown): Plain | null {
  const root = asRecord(source);
  if (!root) return null;
  if (Array.isArray(root.containers)) return root;
  const candidates = [
    asRecord(root.spec),
    asRecord(asRecord(asRecord(root.spec)?.template)?.spec),
    asRecord(asRecord(asRecord(asRecord(root.data)?.spec)?.template)?.spec),
  ];
  return candidates.find((spec) => spec !== null && Array.isArray(spec.containers)) ?? null;
}

export function containersOf(spec: Plain | null): ContainerView[] {
  if (!spec) return [];
  const views: ContainerView[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    for (const item of asArray(spec[list])) {
      const container = asRecord(item);
      const name = asString(container?.name);
      if (container && name) views.push({ list, name, spec: container });
    }
  }
  return views;
}

/** Index a list of named entries (env, volumes, volumeMounts...) by the given key, keeping the first. */
export function byKey(items: unknown[], key: (item: Plain) => string | null): Map<string, Plain> {
  const out = new Map<string, Plain>();
  for (const item of items) {
    const record = asRecord(item);
    const id = record ? key(record) : null;
    if (record && id !== null && !out.has(id)) out.set(id, record);
  }
  return out;
}
