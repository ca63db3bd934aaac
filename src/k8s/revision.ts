// Revision numbers as kubectl reads them: deploymentutil.Revision parses the deployment.kubernetes.io/revision
// annotation with strconv.ParseInt, 0 when the annotation is missing (the controller has not stamped it yet), and
// Go's own error text when it is malformed. One reader serves the status rules, the history and the rollback.
import { goQuote } from './go-quote.js';
import type { KubeObject } from './objects.js';
import { REVISION_ANNOTATION } from './well-known.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export type RevisionRead = { revision: number } | { error: string };

/** strconv.ParseInt(value, 10, 64): an optional sign then decimal digits, nothing else. */
export function parseGoInt64(value: string): RevisionRead {
  if (!/^[+-]?[0-9]+$/.test(value)) return { error: `strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax` };
  const n = BigInt(value);
  if (n < INT64_MIN || n > INT64_MAX) return { error: `strconv.ParseInt: parsing ${goQuote(value)}: value out of range` };
  return { revision: Number(n) };
}

/** kubectl's deploymentutil.Revision for any object that carries the annotation (Deployment, ReplicaSet). */
export function readRevision(obj: unknown): RevisionRead {
  const metadata = (obj as KubeObject | null)?.metadata;
  const annotations: Record<string, unknown> = metadata?.annotations ?? {};
  if (!Object.hasOwn(annotations, REVISION_ANNOTATION)) return { revision: 0 };
  const value = annotations[REVISION_ANNOTATION];
  // Annotations are strings on the wire; a number only appears in a hand-written file and means the same.
  return parseGoInt64(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
}

/**
 * The revision a history walk counts: missing reads as 0 (it still counts as history, as in kubectl), unreadable as
 * null. Beyond 2^53 a JS number cannot hold the int64 exactly; no controller gets there, so that is unreadable too.
 */
export function historyRevision(obj: unknown): number | null {
  const read = readRevision(obj);
  return 'revision' in read && Number.isSafeInteger(read.revision) ? read.revision : null;
}

/** The annotation's number when it is present and readable, else null (not yet stamped, or malformed). */
export function annotatedRevision(obj: unknown): number | null {
  const annotations = (obj as KubeObject | null)?.metadata?.annotations ?? {};
  return Object.hasOwn(annotations, REVISION_ANNOTATION) ? historyRevision(obj) : null;
}
