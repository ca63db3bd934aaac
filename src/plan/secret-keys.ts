// A Secret's values never leave the gate: the plan says which keys the apply adds, removes or changes, nothing more.
// The keys come from data and stringData (the API server folds stringData into data; a manifest that could not be
// dry-run still has it), compared by value without ever rendering one.
import { record, text } from '../k8s/fields.js';
import type { KubeObject } from '../k8s/objects.js';
import type { FieldChange } from './types.js';

export const HIDDEN = '(hidden)';

/** key -> value as the API stores it (base64), stringData encoded the same way so both forms compare. */
export function secretValues(secret: KubeObject | null | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(record(secret?.data))) values.set(key, text(value));
  for (const [key, value] of Object.entries(record(secret?.stringData))) values.set(key, Buffer.from(text(value)).toString('base64'));
  return values;
}

export function secretKeyChanges(before: KubeObject | null, after: KubeObject): FieldChange[] {
  const left = secretValues(before);
  const right = secretValues(after);
  const out: FieldChange[] = [];
  for (const [key, value] of right) {
    const old = left.get(key);
    if (old === undefined) out.push({ path: `data[${key}]`, before: null, after: HIDDEN, hidden: true });
    else if (old !== value) out.push({ path: `data[${key}]`, before: HIDDEN, after: `${HIDDEN}, changed`, hidden: true });
  }
  for (const key of left.keys()) if (!right.has(key)) out.push({ path: `data[${key}]`, before: HIDDEN, after: null, hidden: true });
  return out;
}

/** The object without its values, for the generic diff of the rest (labels, type, annotations). */
export function withoutValues(secret: KubeObject | null): KubeObject | null {
  if (!secret) return null;
  const { data: _data, stringData: _stringData, ...rest } = secret;
  return rest;
}
