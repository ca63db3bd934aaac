// A Deployment's history as the controller and kubectl read it from its ReplicaSets: which ones it controls, in which
// order, which one is "new", and which revision the Deployment runs.
import { describe, expect, it } from 'vitest';
import {
  byCreation,
  compareBytes,
  controlledReplicaSets,
  controllerCaughtUp,
  deploymentHistory,
  deploymentReplicaSets,
  deploymentRevision,
  newReplicaSet,
} from '../../../src/k8s/replicasets.js';
import type { Workload } from '../../../src/k8s/objects.js';
import { deployment, replicaSet } from '../rollback/fixtures.js';

const names = (list: readonly Workload[]) => list.map((rs) => rs.metadata?.name);
const rev = (n: string) => ({ 'deployment.kubernetes.io/revision': n });

describe('compareBytes (Go string order, not locale order)', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['B', 'a', -1],
    ['web-10', 'web-9', -1],
    ['', 'a', -1],
  ])('%j vs %j -> %i', (a, b, order) => {
    expect(compareBytes(a, b)).toBe(order);
  });
});

describe('byCreation', () => {
  it('orders by creation time, then by name; an unreadable or missing time sorts first', () => {
    const list = [
      replicaSet('1', 'x', { name: 'c', created: '2024-01-03T00:00:00Z' }),
      replicaSet('1', 'x', { name: 'b', created: '2024-01-02T00:00:00Z' }),
      replicaSet('1', 'x', { name: 'a', created: '2024-01-02T00:00:00Z' }),
      replicaSet('1', 'x', { name: 'z', created: 'yesterday' }),
      { ...replicaSet('1', 'x', { name: 'y' }), metadata: { name: 'y' } },
    ];
    expect(names([...list].sort(byCreation))).toEqual(['y', 'z', 'a', 'b', 'c']);
    expect(names([...list].reverse().sort(byCreation))).toEqual(['y', 'z', 'a', 'b', 'c']);
  });
});

describe('controlledReplicaSets', () => {
  it('keeps the ReplicaSets whose controller is this Deployment, oldest first', () => {
    const list = [
      replicaSet('3', 'foo:3'),
      replicaSet('2', 'foo:2', { ownerUid: 'someone-else' }),
      replicaSet('4', 'foo:4', { controller: false }),
      replicaSet('1', 'foo:1'),
    ];
    expect(names(controlledReplicaSets(deployment('foo:3'), list))).toEqual(['moons-1', 'moons-3']);
  });
});

describe('newReplicaSet (FindNewReplicaSet)', () => {
  it('is the oldest ReplicaSet whose template equals the Deployment, whatever the input order', () => {
    const list = [
      replicaSet('3', 'foo:2', { name: 'newer', created: '2024-01-05T00:00:00Z' }),
      replicaSet('1', 'foo:1'),
      replicaSet('2', 'foo:2', { name: 'older', created: '2024-01-04T00:00:00Z' }),
    ];
    expect(newReplicaSet(deployment('foo:2'), list)?.metadata?.name).toBe('older');
    expect(newReplicaSet(deployment('foo:9'), list)).toBeNull();
  });

  it("falls back to the ReplicaSet stamped with the Deployment's revision only in a dump trimmed of templates", () => {
    const trimmed = (n: string) => {
      const rs = replicaSet(n, 'unused');
      return { ...rs, spec: { replicas: 1 } };
    };
    const dep = deployment('foo:2', { annotations: rev('2') });
    expect(newReplicaSet(dep, [trimmed('1'), trimmed('2'), trimmed('3')])?.metadata?.name).toBe('moons-2');
    expect(newReplicaSet(dep, [trimmed('1'), trimmed('3')])).toBeNull();
    expect(newReplicaSet(deployment('foo:2'), [trimmed('2')])).toBeNull();
    // One ReplicaSet with a template means the templates were not trimmed: no fallback.
    expect(newReplicaSet(dep, [trimmed('2'), replicaSet('1', 'foo:1')])).toBeNull();
  });
});

describe('deploymentReplicaSets (GetAllReplicaSets order)', () => {
  it('puts the ReplicaSet of the current template last, the others oldest first', () => {
    const list = [replicaSet('3', 'foo:3'), replicaSet('1', 'foo:1'), replicaSet('2', 'foo:2')];
    expect(names(deploymentReplicaSets(deployment('foo:1'), list))).toEqual(['moons-2', 'moons-3', 'moons-1']);
    expect(names(deploymentReplicaSets(deployment('foo:9'), list))).toEqual(['moons-1', 'moons-2', 'moons-3']);
  });
});

describe('deploymentHistory', () => {
  it('maps each readable revision to its ReplicaSet; the current template wins a duplicate revision', () => {
    const list = [
      replicaSet('1', 'foo:1'),
      replicaSet('2', 'foo:2', { name: 'current', created: '2024-01-01T00:00:00Z' }),
      replicaSet('2', 'foo:3', { name: 'stale', created: '2024-01-05T00:00:00Z' }),
      replicaSet('x', 'foo:4', { name: 'unreadable' }),
      replicaSet(null, 'foo:5', { name: 'unstamped' }),
    ];
    const history = deploymentHistory(deployment('foo:2'), list);
    expect([...history.keys()]).toEqual([1, 0, 2]);
    expect(history.get(1)?.metadata?.name).toBe('moons-1');
    expect(history.get(0)?.metadata?.name).toBe('unstamped');
    expect(history.get(2)?.metadata?.name).toBe('current');
  });
});

describe('controllerCaughtUp', () => {
  const obj = (generation: unknown, observedGeneration: unknown) =>
    ({ metadata: { generation }, status: { observedGeneration } }) as unknown as Workload;
  it.each([
    [1, 1, true],
    [2, 3, true],
    [3, 2, false],
    [undefined, 1, false],
    [1, undefined, false],
    ['1', 1, false],
    [1, '1', false],
  ])('generation %j, observed %j -> %s', (generation, observed, caughtUp) => {
    expect(controllerCaughtUp(obj(generation, observed))).toBe(caughtUp);
  });

  it('is false for an object without metadata or status', () => {
    expect(controllerCaughtUp({})).toBe(false);
  });
});

describe('deploymentRevision while the controller lags', () => {
  const lagging = (image: string) => deployment(image, { annotations: rev('4'), generation: 3, observedGeneration: 2 });

  it("takes the current template's ReplicaSet revision, not the last one's", () => {
    expect(deploymentRevision(lagging('foo:2'), [replicaSet('5', 'foo:2'), replicaSet('6', 'foo:9')])).toBe(5);
  });

  it('keeps the annotation when that ReplicaSet is not stamped yet or no ReplicaSet is given', () => {
    expect(deploymentRevision(lagging('foo:2'), [replicaSet(null, 'foo:2')])).toBe(4);
    expect(deploymentRevision(lagging('foo:2'))).toBe(4);
  });

  it('ignores a ReplicaSet with the template once the controller caught up', () => {
    expect(deploymentRevision(deployment('foo:2', { annotations: rev('4') }), [replicaSet('5', 'foo:2')])).toBe(4);
  });
});
