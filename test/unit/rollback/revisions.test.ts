import { describe, expect, it } from 'vitest';
import { daemonSetRevision, statefulSetRevision } from '../../../src/k8s/controller-revisions.js';
import { deploymentRevision } from '../../../src/k8s/replicasets.js';
import { workloadRevision } from '../../../src/k8s/history.js';
import { controllerRevision, deployment, replicaSet, statefulSet } from './fixtures.js';

const rev = (n: string) => ({ 'deployment.kubernetes.io/revision': n });

describe('deploymentRevision', () => {
  it.each([
    { name: 'the annotation once the controller caught up', dep: deployment('foo:2', { annotations: rev('4') }), rss: [], expected: 4 },
    { name: 'no annotation yet', dep: deployment('foo:2'), rss: [], expected: null },
    { name: 'an unreadable annotation', dep: deployment('foo:2', { annotations: rev('four') }), rss: [], expected: null },
    {
      name: 'the ReplicaSet of the current template while the controller lags',
      dep: deployment('foo:2', { annotations: rev('4'), generation: 3, observedGeneration: 2 }),
      rss: [replicaSet('4', 'foo:1'), replicaSet('5', 'foo:2')],
      expected: 5,
    },
    {
      name: 'the annotation when the lagging controller has no ReplicaSet for the template yet',
      dep: deployment('foo:3', { annotations: rev('4'), generation: 3, observedGeneration: 2 }),
      rss: [replicaSet('4', 'foo:1')],
      expected: 4,
    },
  ])('$name', ({ dep, rss, expected }) => expect(deploymentRevision(dep, rss)).toBe(expected));
});

describe('statefulSetRevision', () => {
  const revisions = [controllerRevision(1, 'nginx:1'), controllerRevision(2, 'nginx:2')];
  it.each([
    {
      name: 'updateRevision by name',
      sts: statefulSet('nginx:2', { currentRevision: 'moons-1', updateRevision: 'moons-2' }),
      which: 'update' as const,
      expected: 2,
    },
    {
      name: 'currentRevision by name',
      sts: statefulSet('nginx:2', { currentRevision: 'moons-1', updateRevision: 'moons-2' }),
      which: 'current' as const,
      expected: 1,
    },
    {
      name: 'the stored template when the named revision is gone',
      sts: statefulSet('nginx:1', { updateRevision: 'moons-7' }),
      which: 'update' as const,
      expected: 1,
    },
    {
      name: 'the stored template while the controller lags',
      sts: { ...statefulSet('nginx:2', { updateRevision: 'moons-1' }), metadata: { ...statefulSet('x').metadata, generation: 2 } },
      which: 'update' as const,
      expected: 2,
    },
    { name: 'nothing stored yet', sts: statefulSet('nginx:9'), which: 'update' as const, expected: null },
  ])('$name', ({ sts, which, expected }) => expect(statefulSetRevision(sts, revisions, which)).toBe(expected));
});

describe('daemonSetRevision', () => {
  const cr = (n: number, image: string, ownerUid?: string) =>
    controllerRevision(n, image, { kind: 'DaemonSet', ownerUid, name: `moons-${n}` });
  it.each([
    { name: 'the newest revision storing the template', revs: [cr(1, 'nginx:1'), cr(3, 'nginx:1'), cr(2, 'nginx:2')], expected: 3 },
    { name: "another DaemonSet's revision does not count", revs: [cr(1, 'nginx:1'), cr(4, 'nginx:1', 'x')], expected: 1 },
    { name: 'no revision stores the template', revs: [cr(2, 'nginx:2')], expected: null },
  ])('$name', ({ revs, expected }) => expect(daemonSetRevision(statefulSet('nginx:1', {}, 'DaemonSet'), revs)).toBe(expected));
});

describe('workloadRevision', () => {
  it('dispatches by kind', () => {
    expect(workloadRevision('Deployment', deployment('a', { annotations: rev('2') }), [])).toBe(2);
    expect(workloadRevision('StatefulSet', statefulSet('nginx:1', { updateRevision: 'moons-1' }), [controllerRevision(1, 'nginx:1')])).toBe(
      1,
    );
    expect(workloadRevision('Job', deployment('a', { annotations: rev('2') }), [])).toBeNull();
  });
});
