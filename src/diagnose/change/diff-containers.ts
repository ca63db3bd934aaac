// The per-container half of the template diff: containers and init containers matched by name, then
// image, command, env, resources, probes, mounts and securityContext of each pair.
import type { ConfigRef } from './change-types.js';
import { change, compareKeyed, compareLeaves, compareValue, type ChangeContext, type DraftChange } from './diff-core.js';
import { diffProbes } from './diff-probes.js';
import { sameQuantity } from '../../k8s/quantity.js';
import { envFromRefs, envVarRefs } from './references.js';
import { renderEnvValue, renderMount, renderValue, stableJson } from './render.js';
import { asArray, asRecord, asString, byKey, containersOf, type ContainerView, type Plain } from './template-shape.js';

export function diffContainers(beforeSpec: Plain, afterSpec: Plain): DraftChange[] {
  const key = (c: ContainerView): string => `${c.list}[${c.name}]`;
  const before = new Map(containersOf(beforeSpec).map((c) => [key(c), c]));
  const after = new Map(containersOf(afterSpec).map((c) => [key(c), c]));
  const out: DraftChange[] = [];
  for (const [id, next] of after) {
    const previous = before.get(id);
    const ctx: ChangeContext = { kind: 'image', container: next.name };
    if (!previous) out.push(change(ctx, `spec.${id}`, null, renderValue(next.spec.image) ?? '', containerRefs(next)));
    else out.push(...diffContainer(`spec.${id}`, next.name, previous.spec, next.spec));
  }
  for (const [id, previous] of before) {
    if (!after.has(id))
      out.push(change({ kind: 'image', container: previous.name }, `spec.${id}`, renderValue(previous.spec.image) ?? '', null));
  }
  return out;
}

function diffContainer(prefix: string, name: string, before: Plain, after: Plain): DraftChange[] {
  const ctx = (kind: ChangeContext['kind']): ChangeContext => ({ kind, container: name });
  const out: DraftChange[] = [
    ...compareValue(ctx('image'), `${prefix}.image`, before.image, after.image),
    // The API server always fills imagePullPolicy; a side without it came from a manifest and says nothing.
    ...(before.imagePullPolicy && after.imagePullPolicy
      ? compareValue(ctx('image'), `${prefix}.imagePullPolicy`, before.imagePullPolicy, after.imagePullPolicy)
      : []),
    ...compareValue(ctx('command'), `${prefix}.command`, before.command, after.command),
    ...compareValue(ctx('command'), `${prefix}.args`, before.args, after.args),
    ...diffEnv(ctx('env'), prefix, before, after),
    ...diffEnvFrom(ctx('env'), prefix, before, after),
    ...diffResources(ctx('resources'), prefix, before, after),
    ...diffProbes(ctx('probe'), prefix, before, after),
    ...compareKeyed(ctx('volume'), (k) => `${prefix}.volumeMounts[${k}]`, mountsOf(before), mountsOf(after), { render: renderMount }),
    ...compareLeaves(ctx('securityContext'), `${prefix}.securityContext`, before.securityContext, after.securityContext),
  ];
  return out;
}

function containerRefs(container: ContainerView): ConfigRef[] {
  return [
    ...asArray(container.spec.env).flatMap((e) => envVarRefs(e, container.name)),
    ...asArray(container.spec.envFrom).flatMap((e) => envFromRefs(e, container.name)),
  ].map(({ kind, name, key }) => (key === undefined ? { kind, name } : { kind, name, key }));
}

interface EnvSource {
  /** Path under env[NAME]: "value" or "valueFrom.secretKeyRef" and the like. */
  path: string;
  rendered: string | null;
  raw: unknown;
}

function envSource(entry: Plain): EnvSource {
  const name = asString(entry.name) ?? '';
  const from = asRecord(entry.valueFrom);
  if (!from) return { path: 'value', rendered: renderEnvValue(name, entry.value ?? ''), raw: entry.value ?? '' };
  const type = Object.keys(from).sort()[0] ?? 'unknown';
  const body = asRecord(from[type]) ?? {};
  const optional = body.optional === true ? ' (optional)' : '';
  let rendered: string | null;
  if (type === 'secretKeyRef' || type === 'configMapKeyRef')
    rendered = `${asString(body.name) ?? ''}:${asString(body.key) ?? ''}${optional}`;
  else if (type === 'fieldRef') rendered = asString(body.fieldPath);
  else if (type === 'resourceFieldRef')
    rendered = [asString(body.containerName), asString(body.resource), asString(body.divisor)].filter(Boolean).join(' ');
  else rendered = renderValue(body);
  return { path: `valueFrom.${type}`, rendered, raw: from[type] };
}

function diffEnv(ctx: ChangeContext, prefix: string, before: Plain, after: Plain): DraftChange[] {
  // A later entry with the same name wins in the container, so index the last one.
  const index = (list: unknown): Map<string, Plain> => {
    const map = new Map<string, Plain>();
    for (const item of asArray(list)) {
      const entry = asRecord(item);
      const name = asString(entry?.name);
      if (entry && name) map.set(name, entry);
    }
    return map;
  };
  const left = index(before.env);
  const right = index(after.env);
  const out: DraftChange[] = [];
  const field = (name: string, source: EnvSource): string => `${prefix}.env[${name}].${source.path}`;
  for (const [name, entry] of right) {
    const next = envSource(entry);
    const previousEntry = left.get(name);
    const refs = envVarRefs(entry).map(({ kind, name: n, key }) => ({ kind, name: n, key }));
    if (!previousEntry) {
      out.push(change(ctx, field(name, next), null, next.rendered, refs));
      continue;
    }
    const previous = envSource(previousEntry);
    if (previous.path !== next.path) {
      out.push(change(ctx, field(name, previous), previous.rendered, null));
      out.push(change(ctx, field(name, next), null, next.rendered, refs));
    } else if (stableJson(previous.raw) !== stableJson(next.raw)) {
      const after = previous.rendered === next.rendered ? `${next.rendered ?? ''} (changed)` : next.rendered;
      out.push(change(ctx, field(name, next), previous.rendered, after, refs));
    }
  }
  for (const [name, entry] of left) {
    if (!right.has(name)) {
      const previous = envSource(entry);
      out.push(change(ctx, field(name, previous), previous.rendered, null));
    }
  }
  return out;
}

function diffEnvFrom(ctx: ChangeContext, prefix: string, before: Plain, after: Plain): DraftChange[] {
  const keyOf = (entry: Plain): string | null => {
    for (const field of ['secretRef', 'configMapRef']) {
      const name = asString(asRecord(entry[field])?.name);
      if (name) return `${field}:${name}`;
    }
    return null;
  };
  const render = (entry: Plain): string => {
    const [ref] = envFromRefs(entry);
    const prefixText = asString(entry.prefix) ? ` prefix=${asString(entry.prefix)}` : '';
    return `${ref ? `${ref.kind} ${ref.name}` : stableJson(entry)}${prefixText}${ref?.optional ? ' (optional)' : ''}`;
  };
  const refs = (entry: Plain): ConfigRef[] => envFromRefs(entry).map(({ kind, name }) => ({ kind, name }));
  return compareKeyed(ctx, (k) => `${prefix}.envFrom[${k}]`, byKey(asArray(before.envFrom), keyOf), byKey(asArray(after.envFrom), keyOf), {
    render,
    refs,
  });
}

function diffResources(ctx: ChangeContext, prefix: string, before: Plain, after: Plain): DraftChange[] {
  const out: DraftChange[] = [];
  for (const section of ['requests', 'limits']) {
    const left = asRecord(asRecord(before.resources)?.[section]) ?? {};
    const right = asRecord(asRecord(after.resources)?.[section]) ?? {};
    for (const resource of [...new Set([...Object.keys(right), ...Object.keys(left)])]) {
      const a = left[resource];
      const b = right[resource];
      if (a !== undefined && b !== undefined && sameQuantity(a, b)) continue;
      out.push(change(ctx, `${prefix}.resources.${section}.${resource}`, renderValue(a), renderValue(b)));
    }
  }
  return out;
}

function mountsOf(container: Plain): Map<string, Plain> {
  return byKey(asArray(container.volumeMounts), (m) => asString(m.mountPath));
}
