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
  /** When the first of the `count` occurrences happened. */
  firstSeen: string | null;
  kind: string;
  name: string;
  namespace: string;
  uid: string | null;
  /** The container named in `spec.containers{name}` / `spec.initContainers{name}`, if any. */
  container: string | null;
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
  const fieldPath = about.fieldPath ?? '';
  const container = /^spec\.(?:initContainers|containers|ephemeralContainers)\{(.+)\}$/.exec(fieldPath)?.[1] ?? null;
  return {
    type: e.type ?? '',
    reason: e.reason ?? '',
    message: e.message ?? e.note ?? '',
    count: e.series?.count ?? e.count ?? e.deprecatedCount ?? 1,
    lastSeen,
    lastSeenMs: timeOf(lastSeen) ?? 0,
    firstSeen: e.firstTimestamp ?? e.eventTime ?? lastSeen,
    kind: about.kind ?? '',
    name: about.name ?? '',
    namespace: about.namespace ?? e.metadata?.namespace ?? '',
    uid: about.uid || null,
    container,
  };
}

/** Events about one object, oldest first (possibly shared with other callers: never modify the array). The kind is passed in because listed items carry none. A uid match wins; a name match counts when the event carries no uid. */
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
