import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { NOW, crashLooping, deployment, node, pod, running, snapshot, terminated, waiting } from './fixtures.js';

describe('the node under the pod', () => {
  it('a node that stopped reporting: node-not-ready, fatal 60 s after the transition', () => {
    const p = pod({ node: 'worker-2', containerStatuses: [running('app', false)] });
    const lost = (transitionAgo: number) =>
      node('worker-2', { ready: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', transitionAgo });
    const fresh = diagnoseWorkload(deployment(), snapshot({ pods: [p], nodes: [node('worker-1'), lost(30)] }), NOW);
    const old = diagnoseWorkload(deployment(), snapshot({ pods: [p], nodes: [node('worker-1'), lost(90)] }), NOW);
    expect(fresh[0]).toMatchObject({ category: 'node-not-ready', node: 'worker-2', reason: 'NodeStatusUnknown', fatal: false });
    expect(old[0]).toMatchObject({ category: 'node-not-ready', fatal: true });
    expect(old[0].message).toBe(
      "Node worker-2 is not ready (Ready=Unknown (NodeStatusUnknown): Kubelet stopped posting node status.): its kubelet or the machine is down, so the pod's status there is stale",
    );
    expect(old[0].hint).toMatch(/kubectl drain worker-2 --ignore-daemonsets/);
  });

  it.each([
    ['container runtime is down'],
    [
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    ],
    ['[container runtime is down, PLEG is not healthy: pleg was last seen active 3m0s ago; threshold is 3m0s]'],
  ])('KubeletNotReady "%s" is node-runtime-down', (message) => {
    const p = pod({ node: 'worker-2', containerStatuses: [waiting('app', 'ContainerCreating', undefined)] });
    const [f] = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [p], nodes: [node('worker-2', { ready: 'False', reason: 'KubeletNotReady', message })] }),
      NOW,
    );
    expect(f).toMatchObject({ category: 'node-runtime-down', node: 'worker-2', reason: 'KubeletNotReady', fatal: true });
    expect(f.hint).toMatch(/container runtime and CNI on node worker-2/);
  });

  it('a bound node that no longer exists', () => {
    const p = pod({ node: 'worker-9', containerStatuses: [running('app', false)] });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'node-not-ready', reason: 'NodeNotFound', node: 'worker-9' });
  });

  it('pressure on the node explains a pod stuck creating', () => {
    const p = pod({ node: 'worker-1', containerStatuses: [waiting('app', 'ContainerCreating', undefined)] });
    p.status.conditions = p.status.conditions.map((c: any) => ({ ...c, lastTransitionTime: '2026-11-23T12:09:50Z' }));
    const pressured = node('worker-1', { conditions: [] });
    pressured.status.conditions[1] = {
      type: 'DiskPressure',
      status: 'True',
      reason: 'KubeletHasDiskPressure',
      message: 'kubelet has disk pressure',
      lastTransitionTime: '2026-11-23T12:00:00Z',
    };
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], nodes: [pressured] }), NOW);
    expect(f).toMatchObject({
      category: 'node-pressure',
      fatal: false,
      message: 'Node worker-1 is under DiskPressure: kubelet has disk pressure',
    });
  });
});

describe('node-concentrated', () => {
  const crash = () => crashLooping('app', terminated(1, 'Error'), 4);

  it('failures on one node while replicas elsewhere are Ready name the node', () => {
    const pods = [
      pod({ name: 'web-7d9f8c6b5-a', node: 'worker-3', containerStatuses: [crash()] }),
      pod({ name: 'web-7d9f8c6b5-b', node: 'worker-1', ready: true }),
      pod({ name: 'web-7d9f8c6b5-c', node: 'worker-2', ready: true }),
    ];
    const snap = snapshot({ pods, nodes: [node('worker-1'), node('worker-2'), node('worker-3')] });
    const [f, cause] = diagnoseWorkload(deployment(), snap, NOW);
    expect(f).toMatchObject({ category: 'node-concentrated', node: 'worker-3', container: null, fatal: true, count: '1/3 pods' });
    expect(f.message).toBe('Only node worker-3 fails: 1 pod there is not ready (crash-loop) while 2 are Ready on other nodes');
    // The cause stays a finding of its own: the reader sees both "it is worker-3" and what breaks there.
    expect(cause).toMatchObject({
      category: 'crash-loop',
      node: 'worker-3',
      container: 'app',
      fatal: true,
      exitCode: 1,
      count: '1/3 pods',
    });
    expect(f.hint).toMatch(/kubectl cordon worker-3.*kubernetes.io\/hostname NotIn \[worker-3\]/);
    // Ready replicas elsewhere mean the rollout is not doomed: the deadline decides.
    expect(isDoomed(deployment(), snap, NOW)).toBe(false);
  });

  it('the same failure on several nodes is the template, not a node', () => {
    const pods = [
      pod({ name: 'web-7d9f8c6b5-a', node: 'worker-1', containerStatuses: [crash()] }),
      pod({ name: 'web-7d9f8c6b5-b', node: 'worker-2', containerStatuses: [crash()] }),
      pod({ name: 'web-7d9f8c6b5-c', node: 'worker-3', ready: true }),
    ];
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods, nodes: [node('worker-1'), node('worker-2'), node('worker-3')] }), NOW);
    expect(f).toMatchObject({ category: 'crash-loop', count: '2/3 pods', node: 'worker-1, worker-2' });
  });

  it('without a Ready replica elsewhere it stays the cause itself', () => {
    const pods = [pod({ name: 'web-7d9f8c6b5-a', node: 'worker-3', containerStatuses: [crash()] })];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, nodes: [node('worker-3')] }), NOW);
    expect(findings.map((f) => f.category)).toEqual(['crash-loop']);
  });

  it('two causes on one node: node-concentrated groups both, each cause stays a finding of its own', () => {
    const startError = waiting(
      'app',
      'RunContainerError',
      'failed to create containerd task: OCI runtime create failed: exec: "/app/run": stat /app/run: no such file or directory: unknown',
      {
        restartCount: 4,
        lastState: terminated(
          128,
          'StartError',
          'failed to create containerd task: OCI runtime create failed: exec: "/app/run": stat /app/run: no such file or directory: unknown',
        ),
      },
    );
    const pods = [
      pod({
        name: 'web-7d9f8c6b5-a',
        node: 'worker-3',
        containerStatuses: [crashLooping('app', terminated(127, 'Error', '/bin/sh: 1: envsubst: not found'), 5)],
      }),
      pod({ name: 'web-7d9f8c6b5-b', node: 'worker-3', containerStatuses: [startError] }),
      pod({ name: 'web-7d9f8c6b5-c', node: 'worker-1', ready: true }),
    ];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, nodes: [node('worker-1'), node('worker-3')] }), NOW);
    expect(findings.map((f) => [f.category, f.fatal, f.node, f.count])).toEqual([
      ['node-concentrated', true, 'worker-3', '2/3 pods'],
      ['crash-loop', true, 'worker-3', '1/3 pods'],
      ['container-start-error', true, 'worker-3', '1/3 pods'],
    ]);
    expect(findings[0].message).toBe(
      'Only node worker-3 fails: 2 pods there are not ready (crash-loop, container-start-error) while 1 is Ready on other nodes',
    );
    expect(findings[1].message).toBe(
      'Container app keeps crashing with exit code 127 (command not found): /bin/sh: 1: envsubst: not found; restarted 5 times',
    );
  });

  it('is as fatal as its causes: a pull that only times out on that node is not fatal', () => {
    const pull = waiting(
      'app',
      'ErrImagePull',
      'rpc error: code = DeadlineExceeded desc = failed to pull and unpack image "ghcr.io/acme/web:1.4.2": failed to resolve reference "ghcr.io/acme/web:1.4.2": failed to do request: Head "https://ghcr.io/v2/acme/web/manifests/1.4.2": dial tcp 140.82.121.34:443: i/o timeout',
    );
    const pods = [
      pod({ name: 'web-7d9f8c6b5-a', node: 'worker-3', containerStatuses: [pull] }),
      pod({ name: 'web-7d9f8c6b5-b', node: 'worker-1', ready: true }),
    ];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, nodes: [node('worker-1'), node('worker-3')] }), NOW);
    expect(findings.map((f) => [f.category, f.fatal])).toEqual([
      ['node-concentrated', false],
      ['image-pull-transient', false],
    ]);
  });

  it('a first crash before any back-off is not conclusive, on one node as anywhere', () => {
    const first = { ...running('app', false), state: terminated(1, 'Error'), restartCount: 0 };
    const pods = [
      pod({ name: 'web-7d9f8c6b5-a', node: 'worker-3', containerStatuses: [first] }),
      pod({ name: 'web-7d9f8c6b5-b', node: 'worker-1', ready: true }),
    ];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, nodes: [node('worker-1'), node('worker-3')] }), NOW);
    expect(findings.map((f) => [f.category, f.fatal])).toEqual([
      ['node-concentrated', false],
      ['crash-loop', false],
    ]);
  });

  it('a kubelet rejection names its node already and is not also node-concentrated', () => {
    const rejected = pod({
      name: 'web-7d9f8c6b5-a',
      node: 'worker-3',
      phase: 'Failed',
      status: {
        reason: 'OutOfcpu',
        message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 250, used: 1800, capacity: 1930",
      },
    });
    delete rejected.status.containerStatuses;
    const pods = [rejected, pod({ name: 'web-7d9f8c6b5-b', node: 'worker-1', ready: true })];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods, nodes: [node('worker-1'), node('worker-3')] }), NOW);
    expect(findings.map((f) => [f.category, f.node])).toEqual([['pod-rejected', 'worker-3']]);
  });
});
