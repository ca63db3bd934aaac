// kubectl's deploymentutil.Revision: the deployment.kubernetes.io/revision annotation parsed with strconv.ParseInt,
// 0 when the annotation is missing (the controller has not stamped it yet), and Go's own error text when malformed.
import { goQuote } from './go-quote.js';
import { record } from './fields.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

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

export function deploymentRevision(deployment: unknown): RevisionRead {
  const annotations = record(record(record(deployment).metadata).annotations);
  if (!Object.hasOwn(annotations, REVISION_ANNOTATION)) return { revision: 0 };
  const value = annotations[REVISION_ANNOTATION];
  // Annotations are strings on the wire; a number only appears in a hand-written file and means the same.
  return parseGoInt64(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
}
