// Which ConfigMaps and Secrets a pod template depends on. A pod can fail with an unchanged template
// because one of these changed or vanished; and a new entry here is the usual cause of "not found".
import type { ConfigKind, ConfigRef } from './change-types.js';
import { asArray, asRecord, asString, containersOf, podSpecOf, type Plain } from './template-shape.js';

export type ReferenceVia = 'env' | 'envFrom' | 'volume' | 'imagePullSecret';

export interface TemplateReference extends ConfigRef {
  via: ReferenceVia;
  /** Container that reads it (env, envFrom); absent for volumes and pull secrets. */
  container?: string;
  /** Volume name for volume references. */
  volume?: string;
  /** optional: true references cannot stop a pod from starting. */
  optional: boolean;
}

export function templateReferences(template: unknown): TemplateReference[] {
  const spec = podSpecOf(template);
  if (!spec) return [];
  const refs: TemplateReference[] = [];
  for (const { name: container, spec: c } of containersOf(spec)) {
    for (const envVar of asArray(c.env)) refs.push(...envVarRefs(envVar, container));
    for (const source of asArray(c.envFrom)) refs.push(...envFromRefs(source, container));
  }
  for (const item of asArray(spec.volumes)) {
    const volume = asRecord(item);
    if (volume) refs.push(...volumeRefs(volume));
  }
  for (const item of asArray(spec.imagePullSecrets)) {
    const name = asString(asRecord(item)?.name);
    if (name) refs.push({ kind: 'Secret', name, via: 'imagePullSecret', optional: false });
  }
  return refs;
}

/** The distinct ConfigMaps/Secrets (kind and name only) a template references. */
export function referencedConfigNames(template: unknown): ConfigRef[] {
  const seen = new Map<string, ConfigRef>();
  for (const ref of templateReferences(template)) {
    const id = configRefId(ref);
    if (!seen.has(id)) seen.set(id, { kind: ref.kind, name: ref.name });
  }
  return [...seen.values()];
}

export function configRefId(ref: ConfigRef, withKey = false): string {
  return withKey && ref.key !== undefined ? `${ref.kind}/${ref.name}/${ref.key}` : `${ref.kind}/${ref.name}`;
}

/** References of one env entry (valueFrom.secretKeyRef / configMapKeyRef). */
export function envVarRefs(envVar: unknown, container?: string): TemplateReference[] {
  const from = asRecord(asRecord(envVar)?.valueFrom);
  const refs: TemplateReference[] = [];
  for (const [field, kind] of [
    ['secretKeyRef', 'Secret'],
    ['configMapKeyRef', 'ConfigMap'],
  ] as const) {
    const selector = asRecord(from?.[field]);
    const name = asString(selector?.name);
    if (!selector || !name) continue;
    const key = asString(selector.key) ?? undefined;
    refs.push({ kind, name, key, via: 'env', container, optional: selector.optional === true });
  }
  return refs;
}

/** References of one envFrom entry (secretRef / configMapRef). */
export function envFromRefs(source: unknown, container?: string): TemplateReference[] {
  const record = asRecord(source);
  const refs: TemplateReference[] = [];
  for (const [field, kind] of [
    ['secretRef', 'Secret'],
    ['configMapRef', 'ConfigMap'],
  ] as const) {
    const selector = asRecord(record?.[field]);
    const name = asString(selector?.name);
    if (selector && name) refs.push({ kind, name, via: 'envFrom', container, optional: selector.optional === true });
  }
  return refs;
}

/** References of one volume: secret, configMap and projected sources, one per picked key. */
export function volumeRefs(volume: Plain): TemplateReference[] {
  const volumeName = asString(volume.name) ?? undefined;
  const refs: TemplateReference[] = [];
  const add = (kind: ConfigKind, selector: Plain | null, nameField: string): void => {
    const name = asString(selector?.[nameField]);
    if (!selector || !name) return;
    const optional = selector.optional === true;
    const keys = asArray(selector.items)
      .map((i) => asString(asRecord(i)?.key))
      .filter((k): k is string => k !== null);
    if (keys.length === 0) refs.push({ kind, name, via: 'volume', volume: volumeName, optional });
    for (const key of keys) refs.push({ kind, name, key, via: 'volume', volume: volumeName, optional });
  };
  add('Secret', asRecord(volume.secret), 'secretName');
  add('ConfigMap', asRecord(volume.configMap), 'name');
  for (const item of asArray(asRecord(volume.projected)?.sources)) {
    const source = asRecord(item);
    add('Secret', asRecord(source?.secret), 'name');
    add('ConfigMap', asRecord(source?.configMap), 'name');
  }
  return refs;
}
