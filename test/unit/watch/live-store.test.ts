// The live store the wait judges from: watch events and re-lists in, find by name and plain lists out.
import { describe, expect, it } from 'vitest';
import { viewEvent } from '../../../src/diagnose/events.js';
import { LiveStore } from '../../../src/watch/live-store.js';
import type { Pod } from '../../../src/k8s/objects.js';

const pod = (name: string, uid: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'prod', uid, managedFields: [{ manager: 'kubelet' }] },
  ...extra,
});
const TYPE = { apiVersion: 'v1', kind: 'Pod' };

function storeWithPods() {
  let changes = 0;
  const store = new LiveStore(() => changes++);
  const watcher = store.watcher('pods', 'prod', TYPE, () => {});
  return { store, watcher, changes: () => changes };
}

describe('LiveStore', () => {
  it('finds objects by namespace and name after a list, without their managedFields, with kind and apiVersion', () => {
    const { store, watcher, changes } = storeWithPods();
    watcher.onSync([pod('a', 'u1'), pod('b', 'u2')]);
    expect(store.find('pods', 'prod', 'b')).toEqual({ ...TYPE, metadata: { name: 'b', namespace: 'prod', uid: 'u2' } });
    expect(store.find('pods', 'staging', 'b')).toBeUndefined();
    expect(store.find('deployments', 'prod', 'b')).toBeUndefined();
    expect(changes()).toBe(1);
  });

  it.each([
    ['an update replaces the object', [['MODIFIED', pod('a', 'u1', { status: { phase: 'Running' } })]], 'Running'],
    ['a deletion removes it', [['DELETED', pod('a', 'u1')]], undefined],
    [
      'a re-created object (new uid) wins over the deletion of the old one',
      [
        ['ADDED', pod('a', 'u9', { status: { phase: 'Pending' } })],
        ['DELETED', pod('a', 'u1')],
      ],
      'Pending',
    ],
  ] as const)('%s', (_, events, phase) => {
    const { store, watcher } = storeWithPods();
    watcher.onSync([pod('a', 'u1', { status: { phase: 'Old' } })]);
    for (const [type, obj] of events) watcher.onEvent(type, obj);
    expect(store.find('pods', 'prod', 'a')?.status?.phase).toBe(phase);
  });

  it('a re-list replaces what the scope held', () => {
    const { store, watcher } = storeWithPods();
    watcher.onSync([pod('a', 'u1'), pod('b', 'u2')]);
    watcher.onSync([pod('b', 'u2')]);
    expect(store.find('pods', 'prod', 'a')).toBeUndefined();
    expect(store.list('pods').map((p) => p.metadata?.name)).toEqual(['b']);
  });

  it('remembers the pods deleted from a node, and when, for the diagnosis of pods waiting for their room', () => {
    const { store, watcher } = storeWithPods();
    const placed = pod('old', 'u1', { spec: { nodeName: 'worker-1' } });
    watcher.onSync([placed, pod('never-placed', 'u2')]);
    expect(store.snapshot().departedPods).toBeUndefined();
    const before = Date.now();
    watcher.onEvent('DELETED', placed);
    watcher.onEvent('DELETED', pod('never-placed', 'u2'));
    const departed = store.snapshot().departedPods ?? [];
    expect(departed.map((d) => d.pod.metadata?.name)).toEqual(['old']);
    expect(Date.parse(departed[0].goneAt)).toBeGreaterThanOrEqual(before - 1);
  });

  it('hands out the same list until its collection changes, and a fresh one after', () => {
    const { store, watcher } = storeWithPods();
    const nodes = store.watcher('nodes', '', { apiVersion: 'v1', kind: 'Node' }, () => {});
    watcher.onSync([pod('a', 'u1')]);
    nodes.onSync([{ metadata: { name: 'n1', uid: 'n' } }]);
    const first = store.snapshot();
    watcher.onEvent('ADDED', pod('b', 'u2'));
    const second = store.snapshot();
    expect(second.nodes).toBe(first.nodes);
    expect(second.pods).not.toBe(first.pods);
    expect(second.pods.map((p) => p.metadata?.name)).toEqual(['a', 'b']);
    expect(first.pods.map((p) => p.metadata?.name)).toEqual(['a']);
  });

  it.each([
    [
      'a core/v1 Event',
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: 'api-1.18a',
          namespace: 'prod',
          uid: 'e1',
          resourceVersion: '99',
          creationTimestamp: '2026-11-23T10:00:00Z',
          managedFields: [{}],
        },
        involvedObject: {
          kind: 'Pod',
          name: 'api-1',
          namespace: 'prod',
          uid: 'p1',
          apiVersion: 'v1',
          resourceVersion: '7',
          fieldPath: 'spec.containers{api}',
        },
        reason: 'BackOff',
        message: 'Back-off restarting failed container api',
        type: 'Warning',
        count: 4,
        firstTimestamp: '2026-11-23T10:00:00Z',
        lastTimestamp: '2026-11-23T10:01:00Z',
        source: { component: 'kubelet', host: 'worker-1' },
        reportingComponent: 'kubelet',
        reportingInstance: 'worker-1',
      },
    ],
    [
      'an events.k8s.io/v1 Event',
      {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'api-2.18b', namespace: 'prod', uid: 'e2', creationTimestamp: '2026-11-23T10:00:00Z' },
        regarding: { kind: 'Pod', name: 'api-2', namespace: 'prod', uid: 'p2' },
        reason: 'FailedScheduling',
        note: '0/3 nodes are available',
        type: 'Warning',
        eventTime: '2026-11-23T10:00:00.000000Z',
        series: { count: 3, lastObservedTime: '2026-11-23T10:02:00.000000Z' },
        deprecatedCount: 0,
        reportingController: 'default-scheduler',
        action: 'Scheduling',
      },
    ],
  ])('keeps everything the diagnosis reads of %s', (_, event) => {
    const store = new LiveStore(() => {});
    store.watcher('events', 'prod', { apiVersion: event.apiVersion, kind: 'Event' }, () => {}).onEvent('ADDED', event);
    const kept = store.list('events')[0];
    expect(viewEvent(kept)).toEqual(viewEvent(structuredClone(event)));
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(event).length);
  });

  it('counts the changes its predicate calls alarming, on events and on re-lists, and never on deletions', () => {
    const store = new LiveStore(
      () => {},
      (o) => (o as Pod).status?.phase === 'Failed',
    );
    const watcher = store.watcher('pods', 'prod', TYPE, () => {});
    watcher.onSync([pod('a', 'u1'), pod('b', 'u2')]);
    expect(store.alarms).toBe(0);
    watcher.onEvent('MODIFIED', pod('a', 'u1', { status: { phase: 'Running' } }));
    expect(store.alarms).toBe(0);
    watcher.onEvent('MODIFIED', pod('a', 'u1', { status: { phase: 'Failed' } }));
    expect(store.alarms).toBe(1);
    watcher.onEvent('DELETED', pod('a', 'u1', { status: { phase: 'Failed' } }));
    expect(store.alarms).toBe(1);
    watcher.onSync([pod('b', 'u2', { status: { phase: 'Failed' } }), pod('c', 'u3', { status: { phase: 'Failed' } })]);
    expect(store.alarms).toBe(2);
  });

  it("gives watch objects without kind the collection's kind, so predicates can dispatch on it", () => {
    const kinds: (string | undefined)[] = [];
    const store = new LiveStore(
      () => {},
      (o) => (kinds.push(o.kind), false),
    );
    store.watcher('pods', 'prod', TYPE, () => {}).onEvent('ADDED', pod('a', 'u1'));
    expect(kinds).toEqual(['Pod']);
  });

  it('drops what its filter calls irrelevant, and lets an object that stops being relevant leave as if deleted', () => {
    let changes = 0;
    const store = new LiveStore(() => changes++);
    const mine = (o: unknown) => (o as { metadata: { name: string } }).metadata.name.startsWith('web-');
    const watcher = store.watcher('pods', 'prod', TYPE, () => {}, mine);
    watcher.onSync([pod('web-1', 'u1'), pod('cart-1', 'u2')]);
    expect(store.list('pods').map((p) => p.metadata?.name)).toEqual(['web-1']);
    watcher.onEvent('ADDED', pod('cart-2', 'u3'));
    watcher.onEvent('DELETED', pod('cart-1', 'u2'));
    expect(changes).toBe(1); // another team's pods come and go without waking the wait
    watcher.onEvent('MODIFIED', { metadata: { name: 'renamed', namespace: 'prod', uid: 'u1' } });
    expect(store.list('pods')).toEqual([]);
    expect(changes).toBe(2);
  });

  it('forgets what one scope brought, and nothing of the others', () => {
    const store = new LiveStore(() => {});
    const EVENT = { apiVersion: 'v1', kind: 'Event' };
    store.watcher('events', 'prod#Pod/web-1', EVENT, () => {}).onSync([{ metadata: { name: 'e1', namespace: 'prod', uid: 'e1' } }]);
    store.watcher('events', 'prod#Pod/web-2', EVENT, () => {}).onSync([{ metadata: { name: 'e2', namespace: 'prod', uid: 'e2' } }]);
    store.drop('events', 'prod#Pod/web-1');
    expect(store.list('events').map((e) => e.metadata?.name)).toEqual(['e2']);
    expect(store.find('events', 'prod', 'e1')).toBeUndefined();
  });
});
