// Field paths into a plain object, as the plan's diff names them: "spec.template.spec.containers[app].image",
// "metadata.labels[app.kubernetes.io/name]". A path is kept as segments (a map key, or "[key]" for a list item) so
// keys holding dots never make two paths look alike; `formatPath` is only for people.
import { record } from './fields.js';

export type PathSegments = readonly string[];

/** The segment of a list item: its name when it has one (containers, env, volumes, ports), else its index. */
export function listItemSegment(item: unknown, index: number): string {
  const name = record(item).name;
  return `[${typeof name === 'string' && name !== '' ? name : String(index)}]`;
}

/** One string per path, for sets and maps (NUL never appears in a field name). */
export function pathKey(path: PathSegments): string {
  return path.join('\u0000');
}

export function formatPath(path: PathSegments): string {
  let out = '';
  for (const segment of path) {
    if (segment.startsWith('[')) out += segment;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${segment}]`;
  }
  return out;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/**
 * The leaves of an object as path -> value. A list of scalars (command, args, finalizers) is one leaf, as Kubernetes
 * treats it atomically; an empty list or map is a leaf too, so "set to {}" and "removed" stay visible.
 */
export function objectLeaves(value: unknown, prefix: PathSegments = [], out = new Map<string, { path: PathSegments; value: unknown }>()) {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every(isScalar)) out.set(pathKey(prefix), { path: prefix, value });
    else value.forEach((item, i) => objectLeaves(item, [...prefix, listItemSegment(item, i)], out));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (keys.length === 0) out.set(pathKey(prefix), { path: prefix, value });
    for (const key of keys.sort()) objectLeaves((value as Record<string, unknown>)[key], [...prefix, key], out);
    return out;
  }
  out.set(pathKey(prefix), { path: prefix, value });
  return out;
}
