// The snapshot index must answer exactly what the plain filters it replaces answer, in the same order, for every
// shape of owner reference a live cluster or an offline dump can hold.
import { describe, expect, it } from 'vitest';
import { viewEvent, type EventView } from '../../../src/diagnose/events.js';
import { isOwnedBy, sameNamespace } from '../../../src/k8s/owners.js';
import { type KubeObject } from '../../../src/k8s/objects.js';
import { eventsNamed, eventsOfKind, ownedBy, ownedOrClaimed } from '../../../src/diagnose/snapshot-index.js';

type Ref = { kind: string; name: string; uid?: string; controller?: boolean };
const obj = (name: string, namespace: string, refs?: Ref[], labels?: Record<string, string>): KubeObject =>
  ({ metadata: { name, namespace, ownerReferences: refs, labels } }) as KubeObject;

const ITEMS: KubeObject[] = [
  obj('a-1', 'prod', [{ kind: 'ReplicaSet', name: 'a', uid: 'u-a', controller: true }]),
  obj('b-1', 'prod', [{ kind: 'ReplicaSet', name: 'b', uid: 'u-b' }]),
  obj('a-2', 'prod', [{ kind: 'ReplicaSet', name: 'a' }]), // a dump that dropped uids
  obj('a-3', 'prod', [{ kind: 'ReplicaSet', name: 'a', uid: 'u-old-a' }]), // an older object of the same name
  obj('a-4', 'staging', [{ kind: 'ReplicaSet', name: 'a', uid: 'u-a' }]), // same uid, other namespace
  obj('bare-1', 'prod', undefined, { app: 'a' }),
  obj('bare-2', 'prod', [], { app: 'b' }),
  obj('bare-3', 'staging', undefined, { app: 'a' }),
  obj('two-refs', 'prod', [
    { kind: 'ReplicaSet', name: 'a', uid: 'u-a' },
    { kind: 'ReplicaSet', name: 'a', uid: 'u-a' },
  ]),
  obj('job-1', 'prod', [{ kind: 'Job', name: 'a', uid: 'u-job' }]),
];

const OWNERS: [string, KubeObject][] = [
  ['with a uid', { kind: 'ReplicaSet', metadata: { name: 'a', namespace: 'prod', uid: 'u-a' } }],
  ['without a uid', { kind: 'ReplicaSet', metadata: { name: 'a', namespace: 'prod' } }],
  ['in another namespace', { kind: 'ReplicaSet', metadata: { name: 'a', namespace: 'staging', uid: 'u-a' } }],
  ['of another kind', { kind: 'Job', metadata: { name: 'a', namespace: 'prod', uid: 'u-job' } }],
  ['that owns nothing', { kind: 'ReplicaSet', metadata: { name: 'zzz', namespace: 'prod', uid: 'u-zzz' } }],
];

const names = (items: KubeObject[]) => items.map((i) => i.metadata?.name);

describe('ownedBy and ownedOrClaimed answer what the plain filters answer', () => {
  it.each(OWNERS)('an owner %s', (_, owner) => {
    const plainOwned = ITEMS.filter((i) => sameNamespace(i, owner) && isOwnedBy(i, owner));
    expect(names(ownedBy(ITEMS, owner))).toEqual(names(plainOwned));
    const claims = (i: KubeObject) => i.metadata?.labels?.app === 'a';
    const plainClaimed = ITEMS.filter(
      (i) => sameNamespace(i, owner) && (i.metadata?.ownerReferences?.length ? isOwnedBy(i, owner) : claims(i)),
    );
    expect(names(ownedOrClaimed(ITEMS, owner, claims))).toEqual(names(plainClaimed));
  });

  it('lists an object with two references to the same owner once', () => {
    expect(names(ownedBy(ITEMS, OWNERS[0][1]))).toEqual(['a-1', 'a-2', 'two-refs']);
  });

  it('answers from the array it is given, not from an earlier one', () => {
    const owner = OWNERS[0][1];
    expect(ownedBy(ITEMS, owner)).toHaveLength(3);
    expect(ownedBy(ITEMS.slice(0, 1), owner)).toHaveLength(1);
  });
});

describe('eventsNamed and eventsOfKind', () => {
  const event = (kind: string, name: string, namespace: string, lastTimestamp: string, reason: string): EventView =>
    viewEvent({ involvedObject: { kind, name, namespace }, reason, lastTimestamp });
  const EVENTS = [
    event('Pod', 'p', 'prod', '2026-01-01T00:00:05Z', 'Started'),
    event('Pod', 'p', 'prod', '2026-01-01T00:00:01Z', 'Scheduled'),
    event('Pod', 'p', 'staging', '2026-01-01T00:00:02Z', 'Pulling'),
    event('PersistentVolumeClaim', 'data', 'prod', '2026-01-01T00:00:03Z', 'ProvisioningFailed'),
    event('Pod', 'q', 'prod', '2026-01-01T00:00:01Z', 'Scheduled'),
    event('Pod', 'p', 'prod', '2026-01-01T00:00:05Z', 'Pulled'),
  ];
  const byTime = (a: EventView, b: EventView) => a.lastSeenMs - b.lastSeenMs;

  it('returns the events about one object, oldest first, ties in array order', () => {
    const plain = EVENTS.filter((e) => e.kind === 'Pod' && e.namespace === 'prod' && e.name === 'p').sort(byTime);
    expect(eventsNamed(EVENTS, 'Pod', 'prod', 'p')).toEqual(plain);
    expect(eventsNamed(EVENTS, 'Pod', 'prod', 'p').map((e) => e.reason)).toEqual(['Scheduled', 'Started', 'Pulled']);
  });

  it('returns every event about objects of one kind in one namespace', () => {
    expect(eventsOfKind(EVENTS, 'Pod', 'prod').map((e) => e.name)).toEqual(['p', 'q', 'p', 'p']);
    expect(eventsOfKind(EVENTS, 'PersistentVolumeClaim', 'prod').map((e) => e.reason)).toEqual(['ProvisioningFailed']);
    expect(eventsOfKind(EVENTS, 'Node', 'prod')).toEqual([]);
  });

  it('builds one view per event object', () => {
    const raw = { involvedObject: { kind: 'Pod', name: 'p', namespace: 'prod' }, reason: 'Killing' };
    expect(viewEvent(raw)).toBe(viewEvent(raw));
    expect(viewEvent({ ...raw })).not.toBe(viewEvent(raw));
  });
});
