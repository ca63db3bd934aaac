// Ported from kubectl pkg/polymorphichelpers: TestStatefulSetApplyRevision, TestApplyDaemonSetHistory,
// TestViewHistory ("should get history") and the branches of StatefulSetRollbacker/DaemonSetRollbacker.Rollback.
import { describe, expect, it } from 'vitest';
import { applyRevision, matchesRevision, revisionHistory, templatePatch } from '../../../src/k8s/controller-revisions.js';
import { findHistory, planControllerRevisionRollback } from '../../../src/rollback/controller-revision.js';
import type { Workload } from '../../../src/k8s/objects.js';
import { semanticEqual } from '../../../src/k8s/semantic-equal.js';
import { controllerRevision, statefulSet } from './fixtures.js';

const withTemplate = (kind: string, metadata: Record<string, unknown>, spec: Record<string, unknown>): Workload => ({
  kind,
  spec: { template: { metadata, spec } },
});

// The three shapes of kubectl's apply tables: the revision has fewer fields, more fields, the same fields.
const applyTables = [
  {
    name: 'test_less',
    source: { annotations: { version: 'v3' } },
    sourceSpec: {
      initContainers: [{ name: 'i0' }],
      containers: [{ name: 'c0' }],
      volumes: [{ name: 'v0' }],
      nodeSelector: { '1dsa': 'n0' },
      imagePullSecrets: [{ name: 'ips0' }],
      tolerations: [{ key: 't0' }],
      hostAliases: [{ ip: 'h0' }],
      readinessGates: [{ conditionType: 'PodScheduled' }],
    },
    expected: {},
    expectedSpec: { containers: [{ name: 'c1' }], initContainers: [] },
  },
  {
    name: 'test_more',
    source: {},
    sourceSpec: { initContainers: [{ name: 'i0' }] },
    expected: { annotations: { version: 'v3' } },
    expectedSpec: { initContainers: [{ name: 'i1' }], containers: [{ name: 'c1' }], volumes: [{ name: 'v1' }] },
  },
  {
    name: 'test_equal',
    source: { annotations: { version: 'v3' } },
    sourceSpec: { containers: [{ name: 'c1' }], initContainers: [{ name: 'i0' }], volumes: [{ name: 'v0' }] },
    expected: { annotations: { version: 'v2' } },
    expectedSpec: { initContainers: [{ name: 'i1' }], containers: [{ name: 'c1' }], volumes: [{ name: 'v1' }] },
  },
];

describe.each(['StatefulSet', 'DaemonSet'])('apply a %s revision', (kind) => {
  it.each(applyTables)('$name', ({ source, sourceSpec, expected, expectedSpec }) => {
    const want = withTemplate(kind, expected, expectedSpec);
    const revision = { data: templatePatch(want) };
    const applied = applyRevision(withTemplate(kind, source, sourceSpec), revision);
    expect(semanticEqual(applied.spec, want.spec)).toBe(true);
    expect(matchesRevision(applied, revision)).toBe(true);
  });
});

describe('history', () => {
  it('maps each controlled revision to the object it makes (TestViewHistory "should get history")', () => {
    const sts = statefulSet('nginx');
    const history = revisionHistory(sts, [controllerRevision(1, 'nginx'), controllerRevision(2, 'other', { ownerUid: 'x' })]);
    expect([...history.keys()]).toEqual([1]);
    expect(semanticEqual(history.get(1), sts)).toBe(true);
  });

  it('replays each revision over the DaemonSet', () => {
    const ds = statefulSet('nginx:2', {}, 'DaemonSet');
    const history = revisionHistory(ds, [
      controllerRevision(1, 'nginx:1', { kind: 'DaemonSet' }),
      controllerRevision(2, 'nginx:2', { kind: 'DaemonSet' }),
    ]);
    expect([...history.entries()].map(([n, d]) => [n, (d.spec?.template?.spec as any).containers[0].image])).toEqual([
      [1, 'nginx:1'],
      [2, 'nginx:2'],
    ]);
  });

  it.each([
    [0, [1, 3, 2], 2],
    [0, [5], null],
    [3, [1, 3, 2], 3],
    [4, [1, 3, 2], null],
  ])('findHistory(%i) in %j -> %s', (to, revisions, found) => {
    expect(
      findHistory(
        to,
        revisions.map((r) => controllerRevision(r, `img:${r}`)),
      )?.revision ?? null,
    ).toBe(found);
  });
});

describe.each(['StatefulSet', 'DaemonSet'])('%s rollback', (kind) => {
  const plan = planControllerRevisionRollback;
  const cr = (n: number, image: string, ownerUid?: string) => controllerRevision(n, image, { kind, ownerUid });
  const set = (image: string) => statefulSet(image, {}, kind);
  const history = [cr(1, 'nginx:1'), cr(2, 'nginx:2'), cr(3, 'nginx:3')];

  it.each([
    {
      name: 'toRevision 0 goes to the second highest',
      obj: set('nginx:3'),
      revs: [...history].reverse(),
      to: 0,
      message: 'rolled back',
      revision: 2,
    },
    { name: 'a given revision', obj: set('nginx:3'), revs: history, to: 1, message: 'rolled back', revision: 1 },
    { name: 'only one revision', obj: set('nginx:1'), revs: [cr(1, 'nginx:1')], to: 0, message: 'no last revision to roll back to' },
    {
      name: "another object's revisions do not count",
      obj: set('nginx:1'),
      revs: [cr(1, 'nginx:1'), cr(2, 'nginx:2', 'x')],
      to: 0,
      message: 'no last revision to roll back to',
    },
    { name: 'a missing revision', obj: set('nginx:3'), revs: history, to: 9, message: 'unable to find specified revision 9 in history' },
    { name: 'a negative revision', obj: set('nginx:3'), revs: history, to: -2, message: 'unable to find specified revision -2 in history' },
    {
      name: 'the template already matches',
      obj: set('nginx:2'),
      revs: history,
      to: 2,
      message: 'skipped rollback (current template already matches revision 2)',
      revision: 2,
    },
  ])('$name', ({ obj, revs, to, message, revision }) => {
    const step = plan(obj, revs, to);
    expect(step.message).toBe(message);
    expect(step.outcome === 'error' ? undefined : step.revision).toBe(revision);
  });

  it('sends the stored patch itself as a strategic merge patch', () => {
    const step = plan(set('nginx:3'), history, 1);
    expect(step.outcome).toBe('patch');
    if (step.outcome !== 'patch') return;
    expect(step.contentType).toBe('application/strategic-merge-patch+json');
    expect(step.patch).toBe(history[0].data);
    expect(JSON.stringify(step.patch)).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"foo":"bar"}},' +
        '"spec":{"containers":[{"name":"test","image":"nginx:1","resources":{}}],"restartPolicy":"Always"}}}}',
    );
    expect((step.template as any).spec.containers[0].image).toBe('nginx:1');
  });
});
