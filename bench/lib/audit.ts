// Reads the apiserver's audit log (Metadata level, one JSON event per line) to count what each tool asked of the
// API server. Counting on the server side sees every request, including the ones a client library makes on its own
// (discovery, retries), which client-side counters miss.

export interface AuditEvent {
  auditID: string;
  stage: string;
  verb: string;
  requestURI: string;
  userAgent: string;
  username: string;
  /** requestReceivedTimestamp as epoch milliseconds, with the microseconds kept as the fraction. */
  receivedMs: number;
  resource: string | null;
  namespace: string | null;
}

export type RequestClass = 'discovery' | 'write' | 'get' | 'list' | 'watch';

export interface RequestCounts {
  total: number;
  discovery: number;
  write: number;
  get: number;
  list: number;
  watch: number;
}

/** "2026-11-23T12:47:48.360740Z" -> epoch ms; Date.parse alone would drop the microseconds. */
export function parseAuditTimestamp(text: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(text);
  if (!m) return Date.parse(text);
  const whole = Date.parse(`${m[1]}Z`);
  const fraction = m[2] ? Number(`0.${m[2]}`) * 1000 : 0;
  return whole + fraction;
}

export function parseAuditLine(line: string): AuditEvent | null {
  if (!line.trim()) return null;
  let raw: any;
  try {
    raw = JSON.parse(line);
  } catch {
    return null; // the line being written while we read
  }
  if (raw?.kind !== 'Event' || typeof raw.auditID !== 'string') return null;
  return {
    auditID: raw.auditID,
    stage: String(raw.stage ?? ''),
    verb: String(raw.verb ?? ''),
    requestURI: String(raw.requestURI ?? ''),
    userAgent: String(raw.userAgent ?? ''),
    username: String(raw.user?.username ?? ''),
    receivedMs: parseAuditTimestamp(String(raw.requestReceivedTimestamp ?? '')),
    resource: raw.objectRef?.resource ?? null,
    namespace: raw.objectRef?.namespace ?? null,
  };
}

export interface RequestFilter {
  username: string;
  fromMs: number;
  toMs: number;
}

/** One entry per request: long-running requests (watches) log ResponseStarted and ResponseComplete under one ID. */
export function requestsOf(events: readonly AuditEvent[], filter: RequestFilter): AuditEvent[] {
  const seen = new Set<string>();
  const out: AuditEvent[] = [];
  for (const e of events) {
    if (e.username !== filter.username || e.receivedMs < filter.fromMs || e.receivedMs > filter.toMs) continue;
    if (seen.has(e.auditID)) continue;
    seen.add(e.auditID);
    out.push(e);
  }
  return out;
}

export function classify(event: AuditEvent): RequestClass {
  // Non-resource URLs (/version, /api, /apis, /openapi) and group/version listings carry no resource.
  if (!event.resource) return 'discovery';
  if (event.verb === 'watch' || event.verb === 'list' || event.verb === 'get') return event.verb;
  return 'write';
}

export function countRequests(events: readonly AuditEvent[]): RequestCounts {
  const counts: RequestCounts = { total: 0, discovery: 0, write: 0, get: 0, list: 0, watch: 0 };
  for (const e of events) {
    counts.total++;
    counts[classify(e)]++;
  }
  return counts;
}

/** When the first request of `username` at or after `fromMs` reached the API server, or null if none did. */
export function firstRequestAt(events: readonly AuditEvent[], username: string, fromMs: number): number | null {
  let first: number | null = null;
  for (const e of events) {
    if (e.username !== username || e.receivedMs < fromMs) continue;
    if (first === null || e.receivedMs < first) first = e.receivedMs;
  }
  return first;
}

/** "16 (discovery 5, get 2, write 1, list 4, watch 4)" for the progress log. */
export function describeCounts(c: RequestCounts): string {
  const parts = (['discovery', 'get', 'write', 'list', 'watch'] as const).filter((k) => c[k] > 0).map((k) => `${k} ${c[k]}`);
  return `${c.total}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
