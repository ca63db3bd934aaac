// Turns the conflicts of one object's dry-run apply into decisions (take, leave out, stop) with what a person needs
// to judge them: the value found, who set it and when, the value the deploy sets; and words them for the report and
// for the message that stops a run. Pure: the live object and the object to apply come in, nothing is sent.
import type { KubeObject } from '../k8s/objects.js';
import { findManagedEntry } from '../k8s/managed-fields.js';
import { parseFieldPath, readFieldPath, resolveFieldPath, type PathElement } from '../k8s/field-path.js';
import type { FieldTakeover } from '../model.js';
import type { FieldConflict } from './conflicts.js';
import { classifyOwner, describeOwnerClass, resolveConflict, type ConflictsMode, type OwnerClass, type Resolution } from './ownership.js';

export interface ConflictDecision {
  conflict: FieldConflict;
  owner: OwnerClass;
  resolution: Resolution;
  /** The path resolved against the object to apply; null when the server's text could not be read. */
  path: PathElement[] | null;
  found: unknown;
  applied: unknown;
  time: string | null;
}

function resolvedPath(field: string, desired: KubeObject): PathElement[] | null {
  try {
    return resolveFieldPath(parseFieldPath(field), desired);
  } catch {
    return null;
  }
}

const valueAt = (obj: unknown, path: PathElement[] | null) => {
  if (!path) return null;
  const read = readFieldPath(obj, path);
  return read.found ? (read.value ?? null) : null;
};

export function decideConflicts(
  conflicts: readonly FieldConflict[],
  live: KubeObject,
  desired: KubeObject,
  mode: ConflictsMode,
  gateManagers: readonly string[],
): ConflictDecision[] {
  return conflicts.map((conflict) => {
    const owner = classifyOwner(conflict, gateManagers);
    const path = resolvedPath(conflict.field, desired);
    let resolution = resolveConflict(owner, mode);
    // A field that cannot be located cannot be left out: asking the person is the safe answer.
    if (resolution === 'leave-out' && path === null) resolution = 'stop';
    const entry = findManagedEntry(live, conflict, conflict.apiVersion ?? undefined);
    return {
      conflict,
      owner,
      resolution,
      path,
      found: valueAt(live, path),
      applied: valueAt(desired, path),
      time: entry?.time ?? null,
    };
  });
}

export function takeoverOf(object: string, d: ConflictDecision): FieldTakeover {
  return {
    object,
    field: d.conflict.field,
    found: d.found,
    manager: d.conflict.manager,
    operation: d.conflict.operation,
    subresource: d.conflict.subresource || null,
    time: d.time,
    applied: d.applied,
  };
}

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(not set)';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** `"kubectl-set" (Update at 2026-12-05T05:20:04Z)`, `"kubectl" (Update through /scale)`: who, how, when. */
export function describeOwner(o: { manager: string; operation: string; subresource: string | null; time: string | null }): string {
  const how = [o.operation, o.subresource ? `through /${o.subresource}` : '', o.time ? `at ${o.time}` : ''].filter(Boolean).join(' ');
  return `${JSON.stringify(o.manager)} (${how})`;
}

/** One line per conflict: the field, its owner, the value it holds and the one the deploy sets. */
export function conflictLine(d: ConflictDecision): string {
  const owner = describeOwner({ ...d.conflict, subresource: d.conflict.subresource || null, time: d.time });
  return `${d.conflict.field} is held by ${owner}, ${describeOwnerClass(d.owner)}: it is ${showValue(d.found)}, this deploy sets ${showValue(d.applied)}`;
}

function advice(decisions: readonly ConflictDecision[], mode: ConflictsMode): string {
  if (mode === 'stop') {
    return 'conflicts: stop refuses every conflict: take the fields back with conflicts: take-imperative (fields changed by hand) or conflicts: force (any field)';
  }
  const declarative = decisions.some((d) => d.owner === 'declarative');
  const who = declarative ? 'another pipeline or a GitOps controller declares these fields' : 'another tool owns these fields';
  return `${who}: change them there or remove them from these manifests, or set conflicts: force (force-conflicts: true) to take them over`;
}

/** The message that stops a run before anything is written: every blocking conflict of every object. */
export function blockedMessage(objects: readonly { what: string; decisions: readonly ConflictDecision[] }[], mode: ConflictsMode): string {
  const blocking = objects
    .map((o) => ({ what: o.what, decisions: o.decisions.filter((d) => d.resolution === 'stop') }))
    .filter((o) => o.decisions.length > 0);
  const all = blocking.flatMap((o) => o.decisions);
  const lines = blocking.flatMap((o) => o.decisions.map((d) => `${o.what}: ${conflictLine(d)}`));
  const head =
    all.length === 1 ? lines[0] : `${all.length} fields are held by other field managers:\n${lines.map((l) => `  - ${l}`).join('\n')}`;
  return `${head}\n${advice(all, mode)}. Nothing was applied.`;
}
