// The building blocks every field family of the template diff shares: comparing two values, two keyed
// lists, and two nested objects leaf by leaf.
import type { ChangeKind, ConfigRef, TemplateChange } from './change-types.js';
import { renderValue, stableJson } from './render.js';
import { asRecord, asString, type Plain } from './template-shape.js';

/** A change plus the config references its new value holds; diff.ts turns those into newRefs. */
export interface DraftChange extends TemplateChange {
  refsAfter?: ConfigRef[];
}

export interface ChangeContext {
  kind: ChangeKind;
  container?: string;
}

export function change(
  ctx: ChangeContext,
  field: string,
  before: string | null,
  after: string | null,
  refsAfter?: ConfigRef[],
): DraftChange {
  const draft: DraftChange = { field, before, after, kind: ctx.kind };
  if (ctx.container !== undefined) draft.container = ctx.container;
  if (refsAfter && refsAfter.length > 0) draft.refsAfter = refsAfter;
  return draft;
}

/** One change when the two values differ (by their stable JSON), rendered compactly. */
export function compareValue(ctx: ChangeContext, field: string, before: unknown, after: unknown): DraftChange[] {
  if (isAbsent(before) && isAbsent(after)) return [];
  if (stableJson(before ?? null) === stableJson(after ?? null)) return [];
  return [change(ctx, field, renderValue(before), renderValue(after))];
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

export interface KeyedOptions {
  same?: (before: Plain, after: Plain) => boolean;
  render: (entry: Plain) => string | null;
  refs?: (entry: Plain) => ConfigRef[];
}

/**
 * Entries matched by key (container names, env names, volume names...): added, removed and changed ones,
 * in the order of the new list then the removed ones, so output is stable.
 */
export function compareKeyed(
  ctx: ChangeContext,
  fieldOf: (key: string) => string,
  before: Map<string, Plain>,
  after: Map<string, Plain>,
  options: KeyedOptions,
): DraftChange[] {
  const same = options.same ?? ((a, b) => stableJson(a) === stableJson(b));
  const out: DraftChange[] = [];
  for (const [key, next] of after) {
    const previous = before.get(key);
    if (previous && same(previous, next)) continue;
    const renderedBefore = previous ? options.render(previous) : null;
    let renderedAfter = options.render(next);
    // Two different entries whose short forms coincide still need a visible difference.
    if (previous && renderedBefore === renderedAfter) renderedAfter = `${renderedAfter ?? ''} (${stableJson(next)})`;
    out.push(change(ctx, fieldOf(key), renderedBefore, renderedAfter, options.refs?.(next)));
  }
  for (const [key, previous] of before) {
    if (!after.has(key)) out.push(change(ctx, fieldOf(key), options.render(previous), null));
  }
  return out;
}

/**
 * Leaves of a nested object as path -> value. Lists of named entries (httpHeaders) are keyed by name so
 * a reorder is no change; other lists stay whole (a command, a capability list).
 */
export function flattenLeaves(value: unknown, prefix: string, out = new Map<string, unknown>()): Map<string, unknown> {
  const record = asRecord(value);
  if (record) {
    for (const key of Object.keys(record).sort()) flattenLeaves(record[key], `${prefix}.${key}`, out);
    return out;
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => asString(asRecord(v)?.name) !== null)) {
    for (const item of value) {
      const entry = asRecord(item) as Plain;
      const { name, ...rest } = entry;
      const keys = Object.keys(rest);
      const inner = keys.length === 1 && keys[0] === 'value' ? rest.value : rest;
      flattenLeaves(inner, `${prefix}[${asString(name)}]`, out);
    }
    return out;
  }
  if (!isAbsent(value)) out.set(prefix, value);
  return out;
}

/** Leaf-by-leaf diff of two nested objects under one field prefix. */
export function compareLeaves(ctx: ChangeContext, prefix: string, before: unknown, after: unknown): DraftChange[] {
  const left = flattenLeaves(before, prefix);
  const right = flattenLeaves(after, prefix);
  const paths = [...new Set([...right.keys(), ...left.keys()])];
  return paths.flatMap((path) => compareValue(ctx, path, left.get(path), right.get(path)));
}
