// One watch of the namespace's events, or one per object of the run: the namespace's stored events decide.
import { describe, expect, it } from 'vitest';
import { eventFieldSelector, eventMode, MAX_EVENT_WATCHES, QUIET_NAMESPACE_EVENTS } from '../../../src/watch/event-mode.js';

describe('eventMode', () => {
  it.each<[string, number | null, number, 'namespace' | 'targeted']>([
    ['an empty namespace', 0, 9, 'namespace'],
    ['a quiet one', QUIET_NAMESPACE_EVENTS, 1, 'namespace'],
    ['a count the server did not give', null, 9, 'namespace'],
    ['a busy namespace and a small run', 8000, 9, 'targeted'],
    ['a busy namespace and a run with more objects than watches allowed', 8000, MAX_EVENT_WATCHES + 1, 'namespace'],
    ['a run with no bound on its pods (a DaemonSet)', 8000, Infinity, 'namespace'],
    ['events not many more than the run’s objects', 350, 38, 'namespace'],
  ])('%s', (_, stored, subjects, want) => {
    expect(eventMode(stored, subjects)).toBe(want);
  });
});

describe('eventFieldSelector', () => {
  it('selects one object by kind and name, or a whole kind', () => {
    expect(eventFieldSelector('Pod', 'web-7d4b9-x2x9q')).toBe('involvedObject.kind=Pod,involvedObject.name=web-7d4b9-x2x9q');
    expect(eventFieldSelector('PersistentVolumeClaim', '')).toBe('involvedObject.kind=PersistentVolumeClaim');
  });
});
