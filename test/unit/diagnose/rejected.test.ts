// Issue 16, family 5: pods the kubelet rejected at admission (rejectPod in pkg/kubelet/kubelet.go: phase Failed, the
// reason, "Pod was rejected: <message>", no container statuses) or stopped for a graceful node shutdown. Never
// container-creating-slow, never silence; fatal when every node refuses the template (SysctlForbidden) or when the
// ReplicaSet's replacements keep being rejected the same way.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload, isDoomed } from '../../../src/diagnose/index.js';
import { NOW, ago, deployment, pod, running, snapshot, terminated } from './fixtures.js';

function rejected(name: string, reason: string, message: string, o: { node?: string; failedAgo?: number; prefix?: boolean } = {}): any {
  const p = pod({
    name,
    node: o.node ?? 'worker-1',
    phase: 'Failed',
    createdAgo: (o.failedAgo ?? 60) + 1,
    conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: ago((o.failedAgo ?? 60) + 1) }],
    status: { reason, message: o.prefix === false ? message : `Pod was rejected: ${message}`, startTime: ago(o.failedAgo ?? 60) },
  });
  delete p.status.containerStatuses;
  delete p.status.hostIP;
  return p;
}

const readyElsewhere = () => pod({ name: 'web-7d9f8c6b5-r1', node: 'worker-2', ready: true });

describe('a pod the kubelet rejected', () => {
  it.each([
    [
      'OutOfcpu',
      "Node didn't have enough resource: cpu, requested: 250, used: 3750, capacity: 3920",
      /counted more cpu in use than the scheduler/,
    ],
    [
      'OutOfmemory',
      "Node didn't have enough resource: memory, requested: 2147483648, used: 6400507904, capacity: 7466852352",
      /counted more memory in use/,
    ],
    ['OutOfpods', "Node didn't have enough resource: pods, requested: 1, used: 29, capacity: 29", /counted more pods in use/],
    [
      'OutOfephemeral-storage',
      "Node didn't have enough resource: ephemeral-storage, requested: 1073741824, used: 0, capacity: 0",
      /ephemeral-storage/,
    ],
    [
      'OutOfnvidia.com/gpu',
      "Node didn't have enough resource: nvidia.com/gpu, requested: 1, used: 1, capacity: 1",
      /device plugin .* \(nvidia.com\/gpu\)/,
    ],
    ['NodeAffinity', 'Predicate NodeAffinity failed', /no longer matched the pod when its kubelet checked it/],
    ['NodeAffinity', "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector", /no longer matched the pod/],
    ['TaintToleration', 'Predicate TaintToleration failed: node(s) had untolerated taint {dedicated: gpu}', /labels or taints changed/],
    [
      'UnexpectedAdmissionError',
      'Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected',
      /device plugin or topology manager on worker-1/,
    ],
    ['TopologyAffinityError', 'Resources cannot be allocated with Topology locality', /topology manager/],
    ['NodeShutdown', 'Pod was rejected as the node is shutting down.', /was shutting down \(a spot\/preemptible VM/],
    ['PodOSNotSupported', "Failed to admit pod as the OS field doesn't match node OS", /Read the kubelet's reason above/],
  ])('%s: pod-rejected, not fatal while the replacement may run elsewhere', (reason, message, hint) => {
    const findings = diagnoseWorkload(
      deployment(),
      snapshot({ pods: [rejected('web-7d9f8c6b5-x1', reason, message), readyElsewhere()] }),
      NOW,
    );
    expect(findings.map((f) => [f.category, f.fatal, f.node, f.reason])).toEqual([['pod-rejected', false, 'worker-1', reason]]);
    expect(findings[0].message).toBe(`The kubelet rejected the pod at admission (${reason}): ${message}`);
    expect(findings[0].hint).toMatch(hint);
  });

  it('an older status without the "Pod was rejected: " prefix is still a rejection', () => {
    const p = rejected('web-7d9f8c6b5-x1', 'UnexpectedAdmissionError', 'Update plugin resources failed due to boom, which is unexpected.', {
      prefix: false,
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'pod-rejected', reason: 'UnexpectedAdmissionError' });
  });

  it('a pod stopped for a graceful node shutdown', () => {
    const p = pod({
      name: 'web-7d9f8c6b5-x1',
      phase: 'Failed',
      conditions: [
        {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'TerminationByKubelet',
          message: 'Pod was terminated in response to imminent node shutdown.',
          lastTransitionTime: ago(600),
        },
        { type: 'Ready', status: 'False', reason: 'PodFailed', lastTransitionTime: ago(600) },
      ],
      containerStatuses: [{ ...running('app', false), state: terminated(143, 'Error', undefined, 600) }],
      status: { reason: 'Terminated', message: 'Pod was terminated in response to imminent node shutdown.' },
    });
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p, readyElsewhere()] }), NOW);
    expect(findings.map((f) => [f.category, f.fatal, f.reason])).toEqual([['pod-rejected', false, 'Terminated']]);
    expect(findings[0].message).toBe(
      'The kubelet stopped the pod for a graceful node shutdown: Pod was terminated in response to imminent node shutdown.',
    );
  });

  it('a pod the kubelet stopped to admit a critical pod', () => {
    const p = pod({
      name: 'web-7d9f8c6b5-x1',
      phase: 'Failed',
      status: { reason: 'Preempting', message: 'Preempted in order to admit critical pod' },
      containerStatuses: [{ ...running('app', false), state: terminated(137, 'Error') }],
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p, readyElsewhere()] }), NOW);
    expect(f).toMatchObject({ category: 'pod-rejected', reason: 'Preempting', fatal: false });
    expect(f.hint).toMatch(/to admit a critical pod/);
  });

  it('is never read as a pod still being created, however long ago', () => {
    const p = rejected(
      'web-7d9f8c6b5-x1',
      'OutOfcpu',
      "Node didn't have enough resource: cpu, requested: 250, used: 3750, capacity: 3920",
      {
        failedAgo: 3600,
      },
    );
    const categories = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW).map((f) => f.category);
    expect(categories).toEqual(['pod-rejected']);
  });

  it('a failed pod nothing recognises is unknown, not still creating', () => {
    const p = rejected('web-7d9f8c6b5-x1', 'SomethingNew', 'a reason from a future kubelet', { prefix: false });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW);
    expect(f).toMatchObject({ category: 'unknown', reason: 'SomethingNew' });
    expect(f.message).toMatch(/^Pod is Failed and not ready/);
  });
});

describe('rejections that will not stop', () => {
  const sysctl = (name: string, node: string, message = 'forbidden sysctl: "kernel.msgmax" not allowlisted') =>
    rejected(name, 'SysctlForbidden', message, { node });

  it.each([
    ['forbidden sysctl: "kernel.msgmax" not allowlisted', /or allow it on the kubelets that run the pod \(--allowed-unsafe-sysctls\)/],
    ['forbidden sysctl: "kernel.shm_rmid_forced" not whitelisted', /Remove sysctl kernel.shm_rmid_forced/],
    ['forbidden sysctl: "net.ipv4.ip_local_port_range" not allowed with host net enabled', /with hostNetwork .* never allows it/],
  ])('SysctlForbidden (%s) is fatal at once: every node refuses the template', (message, hint) => {
    const snap = snapshot({ pods: [sysctl('web-7d9f8c6b5-x1', 'worker-1', message)] });
    const [f] = diagnoseWorkload(deployment(), snap, NOW);
    expect(f).toMatchObject({ category: 'pod-rejected', fatal: true, reason: 'SysctlForbidden' });
    expect(f.hint).toMatch(hint);
    expect(isDoomed(deployment(), snap, NOW)).toBe(true);
  });

  it('SysctlForbidden with a Ready pod of the revision somewhere is a node that allows it: not at once', () => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [sysctl('web-7d9f8c6b5-x1', 'worker-1'), readyElsewhere()] }), NOW);
    expect(f).toMatchObject({ category: 'pod-rejected', fatal: false });
  });

  it('the ReplicaSet keeps creating pods that are rejected the same way: fatal, even with a fresh replacement pending', () => {
    const message = "Node didn't have enough resource: cpu, requested: 1000, used: 7800, capacity: 8000";
    const pods = [
      ...[50, 40, 30, 20].map((s, i) => rejected(`web-7d9f8c6b5-x${i}`, 'OutOfcpu', message, { failedAgo: s })),
      pod({ name: 'web-7d9f8c6b5-p1', node: 'worker-1', phase: 'Pending', createdAgo: 1, conditions: [], containerStatuses: [] }),
    ];
    const snap = snapshot({ pods });
    const [f] = diagnoseWorkload(deployment(), snap, NOW);
    expect(f).toMatchObject({ category: 'pod-rejected', fatal: true, count: '4/5 pods', node: 'worker-1' });
    expect(f.hint).toMatch(/keeps rejecting the new pods \(4 so far\).*kubectl delete pods --field-selector=status.phase=Failed -n shop/);
    expect(isDoomed(deployment(), snap, NOW)).toBe(true);
  });

  it('two rejections are not yet a loop', () => {
    const message = "Node didn't have enough resource: cpu, requested: 1000, used: 7800, capacity: 8000";
    const pods = [30, 20].map((s, i) => rejected(`web-7d9f8c6b5-x${i}`, 'OutOfcpu', message, { failedAgo: s }));
    expect(diagnoseWorkload(deployment(), snapshot({ pods }), NOW)[0]).toMatchObject({ category: 'pod-rejected', fatal: false });
  });

  it('different reasons are not the same rejection', () => {
    const pods = [
      rejected('web-7d9f8c6b5-x1', 'OutOfcpu', "Node didn't have enough resource: cpu, requested: 1, used: 2, capacity: 2"),
      rejected('web-7d9f8c6b5-x2', 'NodeAffinity', 'Predicate NodeAffinity failed'),
      rejected('web-7d9f8c6b5-x3', 'OutOfpods', "Node didn't have enough resource: pods, requested: 1, used: 29, capacity: 29"),
    ];
    const findings = diagnoseWorkload(deployment(), snapshot({ pods }), NOW);
    expect(findings.map((f) => [f.category, f.reason, f.fatal])).toEqual([
      ['pod-rejected', 'OutOfcpu', false],
      ['pod-rejected', 'NodeAffinity', false],
      ['pod-rejected', 'OutOfpods', false],
    ]);
  });
});

describe('pod-rejected messages, exactly', () => {
  const failedPod = (status: Record<string, unknown>) => {
    const p = pod({ name: 'web-7d9f8c6b5-x1', phase: 'Failed', status });
    delete p.status.containerStatuses;
    return p;
  };
  it.each([
    [
      'a preemption message without the Preempting reason',
      { message: 'Preempted in order to admit critical pod' },
      {
        category: 'pod-rejected',
        reason: 'Preempting',
        message: 'The kubelet stopped the pod to make room for a critical pod: Preempted in order to admit critical pod',
      },
    ],
    [
      'Preempting without a message',
      { reason: 'Preempting' },
      {
        category: 'pod-rejected',
        reason: 'Preempting',
        message: 'The kubelet stopped the pod to make room for a critical pod: Preempted in order to admit critical pod',
      },
    ],
    [
      'Shutdown by the node shutdown manager',
      { reason: 'Shutdown', message: 'Pod was terminated by the node shutdown manager' },
      {
        category: 'pod-rejected',
        reason: 'Shutdown',
        message: 'The kubelet stopped the pod for a graceful node shutdown: Pod was terminated by the node shutdown manager',
      },
    ],
    [
      'an admission reason without a message',
      { reason: 'NodeAffinity' },
      { category: 'pod-rejected', reason: 'NodeAffinity', message: 'The kubelet rejected the pod at admission (NodeAffinity): no message' },
    ],
    [
      'the prefix without a reason',
      { message: 'Pod was rejected: Allocate failed due to no healthy devices present; cannot allocate unhealthy devices nvidia.com/gpu' },
      {
        category: 'pod-rejected',
        reason: null,
        message:
          'The kubelet rejected the pod at admission: Allocate failed due to no healthy devices present; cannot allocate unhealthy devices nvidia.com/gpu',
      },
    ],
    [
      'a Terminated pod that is no shutdown',
      { reason: 'Terminated', message: 'Pod was terminated for some other cause' },
      {
        category: 'unknown',
        reason: 'Terminated',
        message: 'Pod is Failed and not ready (containers with unready status: [app])',
      },
    ],
  ])('%s', (_, status, want) => {
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [failedPod(status)] }), NOW);
    expect({ category: f.category, reason: f.reason, message: f.message }).toEqual(want);
  });

  it('a running pod with a rejection-like message is no rejection', () => {
    const p = pod({ name: 'web-7d9f8c6b5-x1', ready: true, status: { reason: 'OutOfcpu', message: 'Pod was rejected: stale' } });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW)).toEqual([]);
  });
});
