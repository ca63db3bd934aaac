// Readers over plain API objects (JSON as the server sends it). A field of the wrong type reads as absent, the way Go's
// zero values behave once kubectl has decoded the object, so the rules never throw on a half-filled object.

export type Plain = Readonly<Record<string, unknown>>;

const EMPTY: Plain = Object.freeze({});

export function record(value: unknown): Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Plain) : EMPTY;
}

export function records(value: unknown): Plain[] {
  return Array.isArray(value) ? value.map(record) : [];
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A Go int field: 0 when absent. */
export function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A Go *int32 field: undefined when absent or null, which kubectl treats differently from 0. */
export function optionalInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function nameOf(obj: unknown): string {
  return text(record(record(obj).metadata).name);
}

/** The first condition of the given type, as kubectl's GetDeploymentCondition picks it. */
export function findCondition(status: Plain, type: string): Plain | undefined {
  return records(status.conditions).find((c) => c.type === type);
}

export function conditionIsTrue(status: Plain, type: string): boolean {
  return findCondition(status, type)?.status === 'True';
}

/** "reason: message", leaving out the empty parts. */
export function joinReason(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(': ');
}

/** A condition of the given type from a typed list (the diagnosis's view). */
export function conditionOf<C extends { type?: string }>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Milliseconds since the epoch of an RFC3339 time, null when absent or unreadable. */
export function timeOf(value: string | null | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}
