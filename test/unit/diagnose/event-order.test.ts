// Events in their own order (issue 21): lastTimestamp holds whole seconds, eventTime and series.lastObservedTime
// microseconds. Sorting by the raw times put a scheduler event stamped 12:00:00.900000 after a kubelet event stamped
// 12:00:00 that was written later; the whole second first, then eventTime, then the resourceVersion, keeps the order
// the events happened in.
import { describe, expect, it } from 'vitest';
import { compareEvents, viewEvent } from '../../../src/diagnose/events.js';
import { eventsNamed } from '../../../src/diagnose/snapshot-index.js';

const about = { kind: 'Pod', name: 'web-0', namespace: 'shop', uid: 'p1' };
const kubelet = (reason: string, lastTimestamp: string, resourceVersion: string) => ({
  metadata: { name: `web-0.${reason}`, namespace: 'shop', resourceVersion },
  involvedObject: about,
  reason,
  type: 'Normal',
  message: reason,
  count: 1,
  firstTimestamp: lastTimestamp,
  lastTimestamp,
});
const scheduler = (eventTime: string, resourceVersion: string) => ({
  metadata: { name: 'web-0.Scheduled', namespace: 'shop', resourceVersion },
  involvedObject: about,
  reason: 'Scheduled',
  type: 'Normal',
  message: 'Successfully assigned shop/web-0 to worker-1',
  eventTime,
  firstTimestamp: null,
  lastTimestamp: null,
});

const order = (raw: unknown[]) => eventsNamed(raw.map(viewEvent), 'Pod', 'shop', 'web-0').map((e) => e.reason);

describe('event order', () => {
  it('within a second, a microsecond time does not outrank a whole-second one: the resourceVersion decides', () => {
    const events = [kubelet('Pulled', '2026-11-23T12:00:00Z', '1207'), scheduler('2026-11-23T12:00:00.900000Z', '1201')];
    expect(order(events)).toEqual(['Scheduled', 'Pulled']);
    expect(order([...events].reverse())).toEqual(['Scheduled', 'Pulled']);
  });

  it('the whole second comes first, whatever the resourceVersions say (a kubelet event written late)', () => {
    const events = [kubelet('Started', '2026-11-23T12:00:01Z', '1100'), kubelet('Pulled', '2026-11-23T12:00:00Z', '1200')];
    expect(order(events)).toEqual(['Pulled', 'Started']);
  });

  it('two microsecond times in one second: eventTime decides', () => {
    const a = viewEvent(scheduler('2026-11-23T12:00:00.100000Z', '9'));
    const b = viewEvent({ ...scheduler('2026-11-23T12:00:00.700000Z', '5'), reason: 'Later' });
    expect(compareEvents(a, b)).toBeLessThan(0);
  });

  it('a series sorts by its last observation', () => {
    const series = viewEvent({
      ...scheduler('2026-11-23T12:00:00.100000Z', '3'),
      series: { count: 4, lastObservedTime: '2026-11-23T12:00:09.500000Z' },
    });
    const pulled = viewEvent(kubelet('Pulled', '2026-11-23T12:00:05Z', '4'));
    expect(compareEvents(pulled, series)).toBeLessThan(0);
  });
});
