// Events as diagnosis needs them: which object and container they are about, how often they happened and when last,
// whichever of the two Event APIs (core/v1 or events.k8s.io/v1) wrote them.
import type { EventSummary } from './finding.js';
import { timeOf } from '../k8s/fields.js';
import { type KubeEvent, type KubeObject } from '../k8s/objects.js';
import { eventsNamed } from './snapshot-index.js';

export interface EventView {
  type: string;
  reason: string;
  message: string;
  count: number;
  lastSeen: string | null;
  lastSeenMs: number;
  /** Where the event sorts among others: see compareEvents. */
  order: EventOrder;
  /** When the first of the `count` occurrences happened. */
  firstSeen: string | null;
  kind: string;
  name: string;
  namespace: string;
  uid: string | null;
  /** The container named in `spec.containers{name}` / `spec.initContainers{name}`, if any. */
  container: string | null;
}

export interface EventOrder {
  /** The whole second of lastSeen: lastTimestamp has no finer resolution, so finer digits of others cannot decide. */
  second: number;
  /** A microsecond time of the event's own (series.lastObservedTime, else eventTime), when it has one. */
  preciseMs: number | null;
  /** The server's order of writes, when the resourceVersion is the usual etcd revision. */
  resourceVersion: bigint | null;
  createdMs: number | null;
}

/**
 * Oldest first, in the events' own order: the time `kubectl events` sorts by (series.lastObservedTime, else
 * lastTimestamp, else eventTime; k8s.io/kubectl/pkg/cmd/events, eventTime()) at whole seconds, because lastTimestamp
 * holds whole seconds only: comparing an event stamped 12:00:00 (written at 12:00:00.95) with one stamped
 * 12:00:00.900000 would put them the wrong way round. Within a second: eventTime when both have it, then the
 * resourceVersion (the order the server wrote them), then the creation time.
 */
export function compareEvents(a: EventView, b: EventView): number {
  const x = a.order;
  const y = b.order;
  if (x.second !== y.second) return x.second - y.second;
  if (x.preciseMs !== null && y.preciseMs !== null && x.preciseMs !== y.preciseMs) return x.preciseMs - y.preciseMs;
  if (x.resourceVersion !== null && y.resourceVersion !== null && x.resourceVersion !== y.resourceVersion)
    return x.resourceVersion < y.resourceVersion ? -1 : 1;
  return (x.createdMs ?? 0) - (y.createdMs ?? 0);
}

function resourceVersionOf(value: string | undefined): bigint | null {
  return value && /^\d{1,30}$/.test(value) ? BigInt(value) : null;
}

/** Views of the objects a live store keeps between passes are built once (a view is never modified). */
const views = new WeakMap<object, EventView>();

export function viewEvent(raw: unknown): EventView {
  if (raw === null || typeof raw !== 'object') return buildView(raw);
  let view = views.get(raw);
  if (!view) views.set(raw, (view = buildView(raw)));
  return view;
}

function buildView(raw: unknown): EventView {
  const e = (raw ?? {}) as KubeEvent;
  const about = e.involvedObject ?? e.regarding ?? {};
  const lastSeen =
    e.series?.lastObservedTime ??
    e.lastTimestamp ??
    e.deprecatedLastTimestamp ??
    e.eventTime ??
    e.firstTimestamp ??
    e.metadata?.creationTimestamp ??
    null;
  const lastSeenMs = timeOf(lastSeen) ?? 0;
  const fieldPath = about.fieldPath ?? '';
  const container = /^spec\.(?:initContainers|containers|ephemeralContainers)\{(.+)\}$/.exec(fieldPath)?.[1] ?? null;
  return {
    type: e.type ?? '',
    reason: e.reason ?? '',
    message: e.message ?? e.note ?? '',
    count: e.series?.count ?? e.count ?? e.deprecatedCount ?? 1,
    lastSeen,
    lastSeenMs,
    order: {
      second: Math.floor(lastSeenMs / 1000),
      preciseMs: timeOf(e.series?.lastObservedTime ?? e.eventTime),
      resourceVersion: resourceVersionOf(e.metadata?.resourceVersion),
      createdMs: timeOf(e.metadata?.creationTimestamp),
    },
    firstSeen: e.firstTimestamp ?? e.eventTime ?? lastSeen,
    kind: about.kind ?? '',
    name: about.name ?? '',
    namespace: about.namespace ?? e.metadata?.namespace ?? '',
    uid: about.uid || null,
    container,
  };
}

/**
 * Events about one object, oldest first (possibly shared with other callers: never modify the array). The kind is
 * passed in because listed items carry none. A uid match wins; a name match counts when the event carries no uid.
 */
export function eventsAbout(events: EventView[], kind: string, obj: KubeObject): EventView[] {
  const name = obj.metadata?.name ?? '';
  const namespace = obj.metadata?.namespace ?? '';
  const uid = obj.metadata?.uid ?? null;
  const named = eventsNamed(events, kind, namespace, name);
  const about = (e: EventView) => !e.uid || !uid || e.uid === uid;
  return named.every(about) ? named : named.filter(about);
}

export function summarize(e: EventView): EventSummary {
  return { type: e.type, reason: e.reason, message: e.message, count: e.count, lastSeen: e.lastSeen };
}

export function latest<T>(items: T[]): T | undefined {
  return items[items.length - 1];
}

/** The most recent events, newest last, at most `limit`. */
export function lastEvents(events: EventView[], limit = 5): EventSummary[] {
  return events.slice(-limit).map(summarize);
}
