// Issue 16, family 4: pods stuck on a node that stopped reporting. The node lifecycle controller sets Ready Unknown
// ("Kubelet stopped posting node status."), the taint manager deletes the pods after 300 s, and with no kubelet to
// confirm, they stay Terminating. A StatefulSet cannot create that ordinal again meanwhile; a Deployment has already
// replaced the pod.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { NOW, ago, deployment, node, pod, running, snapshot } from './fixtures.js';

const LOST = { ready: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', transitionAgo: 560 };

function statefulSet(updateRevision = 'db-7c9f'): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'shop', uid: 'sts-uid', generation: 2 },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [] } },
    },
    status: { observedGeneration: 2, replicas: 3, readyReplicas: 2, updateRevision, currentRevision: 'db-5a1b' },
  };
}

function stsPod(ordinal: number, nodeName: string, o: { ready?: boolean; revision?: string; deletedAgo?: number } = {}): any {
  const p = pod({
    name: `db-${ordinal}`,
    node: nodeName,
    ready: o.ready ?? true,
    metadata: {
      labels: { app: 'db', 'controller-revision-hash': o.revision ?? 'db-7c9f' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'sts-uid', controller: true }],
      ...(o.deletedAgo !== undefined ? { deletionTimestamp: ago(o.deletedAgo), deletionGracePeriodSeconds: 30 } : {}),
    },
    containerStatuses: [running('app', true)],
  });
  if (o.ready === false)
    p.status.conditions = p.status.conditions.map((c: any) =>
      c.type === 'Ready' ? { ...c, status: 'False', reason: undefined, message: undefined } : c,
    );
  return p;
}

const nodes = () => [node('worker-1'), node('worker-2', LOST), node('worker-3')];

describe('a StatefulSet pod stuck terminating on a lost node', () => {
  const pods = () => [stsPod(0, 'worker-1'), stsPod(1, 'worker-2', { ready: false, deletedAgo: 240 }), stsPod(2, 'worker-3')];

  it('is terminating-stuck and node-not-ready, both fatal: the ordinal cannot be recreated until it is gone', () => {
    const snap = snapshot({ statefulSets: [statefulSet()], pods: pods(), nodes: nodes() });
    const findings = diagnoseWorkload(statefulSet(), snap, NOW);
    expect(findings.map((f) => [f.category, f.fatal, f.node, f.pod])).toEqual([
      ['node-not-ready', true, 'worker-2', 'db-1'],
      ['terminating-stuck', true, 'worker-2', 'db-1'],
    ]);
    expect(findings[1].message).toBe(
      `The pod should have been gone 240s ago (deletionTimestamp ${ago(240)}); node worker-2 stopped reporting, so nothing confirms that its containers stopped`,
    );
    // When a force delete is safe, and when it is not.
    expect(findings[1].hint).toMatch(
      /Force-delete \(kubectl delete pod db-1 -n shop --grace-period=0 --force\) only once the machine is really off or gone/,
    );
    expect(findings[1].hint).toMatch(
      /while only its kubelet or runtime is down the containers may still run, and a second db-1 would run beside them/,
    );
    // The ready pods do not keep the gate waiting: the rollout cannot finish.
    expect(isDoomed(statefulSet(), snap, NOW)).toBe(true);
  });

  it('with the container runtime down instead: terminating-stuck and node-runtime-down', () => {
    const down = node('worker-2', { ready: 'False', reason: 'KubeletNotReady', message: 'container runtime is down', transitionAgo: 400 });
    const snap = snapshot({ statefulSets: [statefulSet()], pods: pods(), nodes: [node('worker-1'), down, node('worker-3')] });
    expect(diagnoseWorkload(statefulSet(), snap, NOW).map((f) => [f.category, f.fatal])).toEqual([
      ['node-runtime-down', true],
      ['terminating-stuck', true],
    ]);
  });

  it('an old-revision pod on the lost node holds the update: the StatefulSet waits for it', () => {
    const old = [stsPod(0, 'worker-1', { revision: 'db-5a1b' }), stsPod(1, 'worker-2', { ready: false, revision: 'db-5a1b' })];
    const updated = stsPod(2, 'worker-3');
    const snap = snapshot({ statefulSets: [statefulSet()], pods: [...old, updated], nodes: nodes() });
    const findings = diagnoseWorkload(statefulSet(), snap, NOW);
    expect(findings.map((f) => [f.category, f.fatal, f.pod, f.count])).toEqual([['node-not-ready', true, 'db-1', '1/3 pods']]);
    expect(findings[0].message).toMatch(
      /the StatefulSet updates no further until this pod of the previous revision is Ready again or gone$/,
    );
  });

  it('with no new pod yet, an old pod on the lost node decides the wait', () => {
    const old = [
      stsPod(0, 'worker-1', { revision: 'db-5a1b' }),
      stsPod(1, 'worker-2', { ready: false, revision: 'db-5a1b', deletedAgo: 200 }),
    ];
    const snap = snapshot({ statefulSets: [statefulSet()], pods: old, nodes: nodes() });
    expect(diagnoseWorkload(statefulSet(), snap, NOW).map((f) => [f.category, f.fatal])).toEqual([
      ['node-not-ready', true],
      ['terminating-stuck', true],
    ]);
    expect(isDoomed(statefulSet(), snap, NOW)).toBe(true);
  });

  it('just deleted on the lost node: already stuck, nothing there can complete the deletion', () => {
    const deleting = stsPod(1, 'worker-2', { ready: false, deletedAgo: -20 });
    const snap = snapshot({
      statefulSets: [statefulSet()],
      pods: [stsPod(0, 'worker-1'), deleting, stsPod(2, 'worker-3')],
      nodes: nodes(),
    });
    const findings = diagnoseWorkload(statefulSet(), snap, NOW);
    expect(findings.map((f) => [f.category, f.fatal])).toEqual([
      ['node-not-ready', true],
      ['terminating-stuck', true],
    ]);
    expect(findings[1].message).toMatch(/^The pod is being deleted \(grace period ends in 20s\)/);
  });

  it('a Ready pod of the previous revision on a node whose runtime just went down does not hold the update yet', () => {
    const down = node('worker-2', { ready: 'False', reason: 'KubeletNotReady', message: 'container runtime is down', transitionAgo: 100 });
    const snap = snapshot({
      statefulSets: [statefulSet()],
      pods: [stsPod(0, 'worker-1', { revision: 'db-5a1b' }), stsPod(1, 'worker-2', { revision: 'db-5a1b' }), stsPod(2, 'worker-3')],
      nodes: [node('worker-1'), down, node('worker-3')],
    });
    expect(diagnoseWorkload(statefulSet(), snap, NOW)).toEqual([]);
  });
});

describe('a Deployment pod stuck terminating on a lost node', () => {
  it('is reported, not fatal: the replacement already runs elsewhere', () => {
    const stuck = pod({
      name: 'web-7d9f8c6b5-a',
      node: 'worker-2',
      metadata: { deletionTimestamp: ago(380), deletionGracePeriodSeconds: 30 },
    });
    const replacements = ['b', 'c', 'd'].map((s) => pod({ name: `web-7d9f8c6b5-${s}`, node: 'worker-1', ready: true }));
    const snap = snapshot({ pods: [stuck, ...replacements], nodes: nodes() });
    expect(diagnoseWorkload(deployment(), snap, NOW).map((f) => [f.category, f.fatal, f.node])).toEqual([
      ['node-not-ready', false, 'worker-2'],
      ['terminating-stuck', false, 'worker-2'],
    ]);
    expect(isDoomed(deployment(), snap, NOW)).toBe(false);
  });

  it('a pod on a node that stopped a minute ago and is not deleted yet: node-not-ready alone', () => {
    const p = pod({ name: 'web-7d9f8c6b5-a', node: 'worker-2', containerStatuses: [running('app', false)] });
    const snap = snapshot({ pods: [p], nodes: [node('worker-1'), node('worker-2', { ...LOST, transitionAgo: 30 })] });
    expect(diagnoseWorkload(deployment(), snap, NOW).map((f) => [f.category, f.fatal])).toEqual([['node-not-ready', false]]);
  });

  it('a pod held by a finalizer on a healthy node is terminating-stuck alone, naming the finalizer', () => {
    const p = pod({
      name: 'web-7d9f8c6b5-a',
      ready: true,
      metadata: { deletionTimestamp: ago(300), deletionGracePeriodSeconds: 30, finalizers: ['example.com/drain-connections'] },
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'terminating-stuck', fatal: false });
    expect(f.hint).toBe(
      'Finalizers example.com/drain-connections hold web-7d9f8c6b5-a: fix or wait for the controller that owns them; remove them by hand only if that controller is gone.',
    );
  });
});
