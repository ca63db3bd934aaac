// Ported from kubectl pkg/polymorphichelpers rollback_test.go (TestGetDeploymentPatch) and history_test.go
// (TestViewDeploymentHistory), plus the branches of DeploymentRollbacker.Rollback and deploymentRevision.
import { describe, expect, it } from 'vitest';
import { deploymentHistory, deploymentReplicaSets } from '../../../src/k8s/replicasets.js';
import { deploymentRollbackPatch, planDeploymentRollback, restoredAnnotations } from '../../../src/rollback/deployment.js';
import { equalIgnoreHash } from '../../../src/k8s/template-equal.js';
import { undoErrorLine, undoOutputLine } from '../../../src/rollback/kubectl-results.js';
import { deployment, podTemplate, replicaSet } from './fixtures.js';

// kubectl's fixture: four ReplicaSets foo:1..foo:4, the Deployment running foo:1 (so moons-1 is the "new" one).
const moons = [1, 2, 3, 4].map((i) => replicaSet(String(i), `foo:${i}`));

describe('getDeploymentPatch', () => {
  it('builds the JSON patch byte for byte like kubectl', () => {
    const patch = deploymentRollbackPatch(
      { metadata: {}, spec: { containers: [{ name: '', image: 'foo', resources: {} }] } },
      { a: 'true' },
    );
    expect(JSON.stringify(patch)).toBe(
      '[' +
        '{"op":"replace","path":"/spec/template","value":{"metadata":{},"spec":{"containers":[{"name":"","image":"foo","resources":{}}]}}},' +
        '{"op":"replace","path":"/metadata/annotations","value":{"a":"true"}}' +
        ']',
    );
  });
});

describe('deployment history', () => {
  it('keys the controlled ReplicaSets by revision (TestViewDeploymentHistory "should get history")', () => {
    const history = deploymentHistory(deployment('foo:1'), moons);
    expect([...history.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const i of [1, 2, 3, 4]) expect(history.get(i)).toBe(moons[i - 1]);
  });

  it.each([
    ['another Deployment controls it', replicaSet('5', 'foo:5', { ownerUid: 'other' })],
    ['its owner reference is not the controller', replicaSet('5', 'foo:5', { controller: false })],
    ['its revision annotation does not parse', replicaSet('x5', 'foo:5', { name: 'moons-5' })],
  ])('leaves a ReplicaSet out when %s', (_why, extra) => {
    expect([...deploymentHistory(deployment('foo:1'), [...moons, extra]).keys()].sort()).toEqual([1, 2, 3, 4]);
  });

  it('walks oldest first by creation time then name, with the current template last', () => {
    const order = deploymentReplicaSets(deployment('foo:2'), [
      replicaSet('3', 'foo:3', { created: '2024-01-03T00:00:00Z' }),
      replicaSet('2', 'foo:2', { created: '2024-01-02T00:00:00Z' }),
      replicaSet('1', 'foo:1', { name: 'b', created: '2024-01-01T00:00:00Z' }),
      replicaSet('9', 'foo:9', { name: 'a', created: '2024-01-01T00:00:00Z' }),
    ]).map((rs) => rs.metadata?.name);
    expect(order).toEqual(['a', 'b', 'moons-3', 'moons-2']);
  });
});

describe('equalIgnoreHash', () => {
  it.each([
    ['only the hash label differs', podTemplate('foo:1', { foo: 'bar', 'pod-template-hash': 'abc' }), podTemplate('foo:1'), true],
    [
      'the hash is the only label on one side',
      podTemplate('foo:1', { 'pod-template-hash': 'abc' }),
      { ...podTemplate('foo:1'), metadata: {} },
      true,
    ],
    [
      'an empty list equals an absent one',
      { metadata: {}, spec: { containers: [{ name: 'a' }], volumes: [] } },
      { metadata: {}, spec: { containers: [{ name: 'a' }] } },
      true,
    ],
    ['the image differs', podTemplate('foo:1'), podTemplate('foo:2'), false],
    ['another label differs', podTemplate('foo:1', { foo: 'baz' }), podTemplate('foo:1'), false],
  ])('%s -> %s', (_why, a, b, equal) => expect(equalIgnoreHash(a, b)).toBe(equal));
});

type Case = {
  name: string;
  dep: ReturnType<typeof deployment>;
  rss: ReturnType<typeof replicaSet>[];
  to: number;
  expected: string;
  revision?: number;
};

describe('planDeploymentRollback: revision choice, errors and skips', () => {
  const cases: Case[] = [
    {
      name: 'toRevision 0 picks the second highest revision',
      dep: deployment('foo:4'),
      rss: moons,
      to: 0,
      expected: 'rolled back',
      revision: 3,
    },
    {
      name: 'toRevision 0 ignores the order of the list',
      dep: deployment('foo:4'),
      rss: [...moons].reverse(),
      to: 0,
      expected: 'rolled back',
      revision: 3,
    },
    { name: 'a given revision is found', dep: deployment('foo:4'), rss: moons, to: 2, expected: 'rolled back', revision: 2 },
    { name: 'a missing revision', dep: deployment('foo:4'), rss: moons, to: 5, expected: 'unable to find specified revision 5 in history' },
    {
      name: 'a negative revision',
      dep: deployment('foo:4'),
      rss: moons,
      to: -1,
      expected: 'unable to find specified revision -1 in history',
    },
    {
      name: 'one ReplicaSet has no previous revision',
      dep: deployment('foo:1'),
      rss: [moons[0]],
      to: 0,
      expected: 'no rollout history found for deployment "moons"',
    },
    {
      name: 'no ReplicaSets at all',
      dep: deployment('foo:1'),
      rss: [],
      to: 0,
      expected: 'no rollout history found for deployment "moons"',
    },
    {
      name: 'a ReplicaSet without the annotation counts as revision 0',
      dep: deployment('foo:1'),
      rss: [moons[0], replicaSet(null, 'foo:0', { name: 'moons-0' })],
      to: 0,
      expected: 'rolled back',
      revision: 0,
    },
    {
      name: 'a paused Deployment is refused',
      dep: deployment('foo:4', { paused: true }),
      rss: moons,
      to: 3,
      expected: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    },
    {
      name: 'the missing revision is reported before the pause',
      dep: deployment('foo:4', { paused: true }),
      rss: moons,
      to: 7,
      expected: 'unable to find specified revision 7 in history',
    },
    {
      name: 'the template already matches',
      dep: deployment('foo:3'),
      rss: moons,
      to: 3,
      expected: 'skipped rollback (current template already matches revision 3)',
      revision: 3,
    },
    // kubectl formats the number it was given, so the previous revision reads as "revision 0".
    {
      name: 'toRevision 0 that already matches',
      dep: deployment('foo:3'),
      rss: moons,
      to: 0,
      expected: 'skipped rollback (current template already matches revision 0)',
      revision: 3,
    },
  ];
  it.each(cases)('$name', ({ dep, rss, to, expected, revision }) => {
    const step = planDeploymentRollback(dep, rss, to);
    expect(step.message).toBe(expected);
    if (revision !== undefined) expect(step.outcome !== 'error' && step.revision).toBe(revision);
    else expect(step.outcome).toBe('error');
  });
});

describe('planDeploymentRollback: the patch', () => {
  it('restores the template without the hash label and the annotations as kubectl computes them', () => {
    const dep = deployment('foo:4', {
      annotations: {
        'deployment.kubernetes.io/revision': '4',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        'kubernetes.io/change-cause': 'bar change cause',
        team: 'moon',
      },
    });
    const rss = [
      ...moons.slice(0, 2),
      replicaSet('3', 'foo:3', {
        annotations: {
          'kubernetes.io/change-cause': 'foo change cause',
          'deployment.kubernetes.io/revision-history': '1',
          'deployment.kubernetes.io/desired-replicas': '1',
          'deployment.kubernetes.io/max-replicas': '2',
          'deprecated.deployment.rollback.to': '2',
        },
      }),
      moons[3],
    ];
    const step = planDeploymentRollback(dep, rss, 3);
    expect(step.outcome).toBe('patch');
    if (step.outcome !== 'patch') return;
    expect(step.contentType).toBe('application/json-patch+json');
    expect(JSON.stringify(step.patch)).toBe(
      '[{"op":"replace","path":"/spec/template","value":{"metadata":{"creationTimestamp":null,"labels":{"foo":"bar"}},' +
        '"spec":{"containers":[{"name":"test","image":"foo:3","resources":{}}],"restartPolicy":"Always"}}},' +
        '{"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"4",' +
        '"kubectl.kubernetes.io/last-applied-configuration":"{}","kubernetes.io/change-cause":"foo change cause"}}]',
    );
    expect(undoOutputLine('Deployment', 'moons', step.message)).toBe('deployment.apps/moons rolled back');
  });

  it('drops an emptied label map and leaves its inputs untouched', () => {
    const rs = replicaSet('1', 'foo:1');
    rs.spec!.template = podTemplate('foo:1', { 'pod-template-hash': 'h' });
    const before = structuredClone(rs);
    const step = planDeploymentRollback(deployment('foo:2'), [rs, replicaSet('2', 'foo:2')], 1);
    expect(step.outcome === 'patch' && step.template).toEqual({ metadata: { creationTimestamp: null }, spec: podTemplate('foo:1').spec });
    expect(rs).toEqual(before);
  });

  it('restores to an empty annotation map when neither side has any', () => {
    const step = planDeploymentRollback(deployment('foo:2'), [replicaSet('1', 'foo:1'), replicaSet('2', 'foo:2')], 1);
    expect(step.outcome === 'patch' && (step.patch as any[])[1]).toEqual({ op: 'replace', path: '/metadata/annotations', value: {} });
  });

  it('keeps only the skipped annotations the Deployment has', () => {
    expect(
      restoredAnnotations(
        deployment('x', { annotations: { 'deployment.kubernetes.io/max-replicas': '3', old: 'gone' } }),
        replicaSet('1', 'y', { annotations: { b: '2', a: '1' } }),
      ),
    ).toEqual({ a: '1', b: '2', 'deployment.kubernetes.io/max-replicas': '3' });
  });
});

describe('undo output', () => {
  it.each([
    [
      'StatefulSet',
      'skipped rollback (current template already matches revision 2)',
      'statefulset.apps/moons skipped rollback (current template already matches revision 2)',
    ],
    ['DaemonSet', 'rolled back', 'daemonset.apps/moons rolled back'],
  ] as const)('%s', (kind, message, line) => expect(undoOutputLine(kind, 'moons', message)).toBe(line));
  it('prefixes errors like kubectl', () =>
    expect(undoErrorLine('no last revision to roll back to')).toBe('error: no last revision to roll back to'));
});
