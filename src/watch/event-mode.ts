// How to follow the events of one namespace. Events have field selectors on involvedObject.kind and .name, but none
// that says "one of these names", so there are two ways: one watch of the namespace, whose list and stream carry every
// event of every team there (an event is about 1 KiB), or one watch per object of the run (a list and a watch request
// each, and a connection held open: about the price of 10 events). The namespace's stored events (the Event TTL keeps
// about an hour of them) decide; see docs/benchmarks.md for the measurements behind the numbers.

/** Below this many stored events a namespace is watched whole, whatever the run: its list costs less than a few watches. */
export const QUIET_NAMESPACE_EVENTS = 300;
/** A watch of its own costs about this many events' worth of bytes and work. */
export const EVENTS_PER_WATCH = 10;
/** More objects than this, and the run is watched through the namespace after all (a connection each is too many). */
export const MAX_EVENT_WATCHES = 40;

export type EventMode = 'namespace' | 'targeted';

/** `stored`: the namespace's events (null: unknown); `subjects`: objects of the run whose events matter, at most. */
export function eventMode(stored: number | null, subjects: number): EventMode {
  if (stored === null || stored <= QUIET_NAMESPACE_EVENTS) return 'namespace';
  if (!Number.isFinite(subjects) || subjects > MAX_EVENT_WATCHES) return 'namespace';
  return stored > subjects * EVENTS_PER_WATCH ? 'targeted' : 'namespace';
}

/** The field selector of one object's events; a kind alone (no name) follows every object of that kind. */
export function eventFieldSelector(kind: string, name: string): string {
  return name ? `involvedObject.kind=${kind},involvedObject.name=${name}` : `involvedObject.kind=${kind}`;
}
