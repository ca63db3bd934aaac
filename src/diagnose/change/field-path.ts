// Reading back the field paths the diff writes ("spec.containers[api].readinessProbe.httpGet.path"),
// so the linking rules and the sentences can ask "which container, which part" without string soup.
import type { TemplateChange } from './change-types.js';

export interface FieldParts {
  /** "containers" / "initContainers" for container fields, null for pod-level ones. */
  list: 'containers' | 'initContainers' | null;
  container: string | null;
  /** The rest after the container (".resources.limits.memory", "" for the whole container), or after "spec". */
  leaf: string;
}

const CONTAINER_FIELD = /^spec\.(containers|initContainers)\[([^\]]+)\]/;

export function fieldParts(field: string): FieldParts {
  const match = CONTAINER_FIELD.exec(field);
  if (match) return { list: match[1] as FieldParts['list'], container: match[2], leaf: field.slice(match[0].length) };
  return { list: null, container: null, leaf: field.startsWith('spec') ? field.slice('spec'.length) : field };
}

export function leafOf(change: TemplateChange): string {
  return fieldParts(change.field).leaf;
}

/** The container a change belongs to, from the change itself or its path. */
export function containerOf(change: TemplateChange): string | null {
  return change.container ?? fieldParts(change.field).container;
}
