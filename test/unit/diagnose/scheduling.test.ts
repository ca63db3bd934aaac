import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { parseSchedulerMessage } from '../../../src/diagnose/rules/scheduler-message.js';
import { NOW, OLD_RS, ago, deployment, event, node, pod, snapshot } from './fixtures.js';

describe('parseSchedulerMessage', () => {
  it.each([
    [
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      3,
      [{ nodes: 3, text: 'Insufficient cpu' }],
    ],
    [
      "0/5 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
      5,
      [
        { nodes: 1, text: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
        { nodes: 2, text: 'Insufficient memory' },
        { nodes: 2, text: "node(s) didn't match Pod's node affinity/selector" },
      ],
    ],
    [
      "0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 2 node(s) didn't match node selector.",
      3,
      [
        { nodes: 1, text: "node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate" },
        { nodes: 2, text: "node(s) didn't match node selector" },
      ],
    ],
    [
      '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
      2,
      [{ nodes: 2, text: 'pod has unbound immediate PersistentVolumeClaims' }],
    ],
  ])('%s', (message, total, reasons) => {
    expect(parseSchedulerMessage(message)).toEqual({ totalNodes: total, reasons });
  });

  it.each([
    [
      'a message in another shape is one reason',
      '  running PreBind plugin "VolumeBinding": binding volumes: timed out  ',
      null,
      [{ nodes: 0, text: 'running PreBind plugin "VolumeBinding": binding volumes: timed out' }],
    ],
    ['an empty message has no reason', '   ', null, []],
    [
      'a text merely containing the head is not the head',
      'scheduler: 0/3 nodes are available: 3 Insufficient cpu.',
      null,
      [{ nodes: 0, text: 'scheduler: 0/3 nodes are available: 3 Insufficient cpu.' }],
    ],
    [
      'node counts of several digits',
      '0/120 nodes are available: 100 Insufficient memory, 20 Too many pods.',
      120,
      [
        { nodes: 100, text: 'Insufficient memory' },
        { nodes: 20, text: 'Too many pods' },
      ],
    ],
    ['a head without reasons', '0/3 nodes are available: .', 3, []],
    [
      'a PreFilter rejection without a count applies to every node',
      '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
      4,
      [{ nodes: 4, text: 'pod has unbound immediate PersistentVolumeClaims' }],
    ],
    [
      'a reason with a comma is not split unless a count follows',
      "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules, or had a conflict.",
      2,
      [{ nodes: 2, text: "node(s) didn't match pod anti-affinity rules, or had a conflict" }],
    ],
    ['no space after the head', '0/1 nodes are available:1 Insufficient cpu.', 1, [{ nodes: 1, text: 'Insufficient cpu' }]],
    [
      'a pod group preemption tail is cut off too',
      '0/2 nodes are available: 2 Insufficient cpu. pod group preemption: 0/2 nodes are available: 2 No victims.',
      2,
      [{ nodes: 2, text: 'Insufficient cpu' }],
    ],
    [
      'a preemption tail right after the reasons, without a period',
      '0/2 nodes are available: 2 Insufficient cpu preemption: 0/2 nodes are available: 2 No victims.',
      2,
      [{ nodes: 2, text: 'Insufficient cpu' }],
    ],
    ['trailing periods and spaces go', '0/2 nodes are available: 2 Insufficient cpu..  ', 2, [{ nodes: 2, text: 'Insufficient cpu' }]],
    [
      'a reason spanning lines keeps its text',
      '0/2 nodes are available: 2 node(s) had volume node affinity conflict\nsee events.',
      2,
      [{ nodes: 2, text: 'node(s) had volume node affinity conflict\nsee events' }],
    ],
  ] as const)('%s', (_, message, total, reasons) => {
    expect(parseSchedulerMessage(message)).toEqual({ totalNodes: total, reasons });
  });
});

function pendingPod(message: string, o: { scheduledAgo?: number; spec?: Record<string, unknown> } = {}) {
  return pod({
    node: null,
    phase: 'Pending',
    containerStatuses: [],
    createdAgo: o.scheduledAgo ?? 90,
    spec: o.spec,
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
        lastProbeTime: null,
        lastTransitionTime: ago(o.scheduledAgo ?? 90),
      },
    ],
  });
}

const control = node('cp-1', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
const gpu = (n: string) => node(n, { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] });

describe('scheduling findings', () => {
  it.each([
    {
      name: 'insufficient cpu names the request and the largest node',
      scheduler:
        '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
      spec: { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '3' } } }] },
      nodes: [node('worker-1', { cpu: '1930m' }), node('worker-2', { cpu: '3920m' }), node('worker-3', { cpu: '1930m' })],
      category: 'unschedulable-resources',
      message: /requests 3 cpu; the largest node \(worker-2\) has 3920m allocatable/,
      hint: /nodes are full/,
    },
    {
      name: 'a request bigger than every node',
      scheduler:
        '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      spec: { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '8' } } }] },
      nodes: [node('worker-1'), node('worker-2')],
      category: 'unschedulable-resources',
      message: /requests 8 cpu; the largest node \(worker-1\) has 1930m/,
      hint: /Lower requests\.cpu to at most 1930m .*no node can ever fit 8/,
    },
    {
      name: 'old taint format names the key',
      scheduler: "0/1 nodes are available: 1 node(s) had taint {dedicated: batch}, that the pod didn't tolerate.",
      nodes: [node('worker-1')],
      category: 'unschedulable-taint',
      message: /the taint dedicated=batch/,
      hint: /toleration for dedicated=batch/,
    },
    {
      name: 'middle taint format names the key',
      scheduler:
        '0/3 nodes are available: 3 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      nodes: [gpu('g1'), gpu('g2'), gpu('g3')],
      category: 'unschedulable-taint',
      message: /3 node\(s\) have the taint nvidia.com\/gpu=present/,
      hint: /toleration for nvidia.com\/gpu=present/,
    },
    {
      name: 'newest taint format: the key is read from the nodes',
      scheduler:
        '0/3 nodes are available: 3 node(s) had untolerated taint(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      nodes: [gpu('g1'), gpu('g2'), control],
      category: 'unschedulable-taint',
      message: /2 node\(s\) have the taint nvidia.com\/gpu=present:NoSchedule/,
      hint: /toleration for nvidia.com\/gpu=present:NoSchedule/,
    },
    {
      name: 'newest taint format with only not-ready nodes is a node condition',
      scheduler:
        '0/2 nodes are available: 2 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
      nodes: [
        node('w1', { ready: 'Unknown', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] }),
        node('w2', { ready: 'False', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }),
      ],
      category: 'unschedulable-node-condition',
      message: /node.kubernetes.io\/unreachable:NoSchedule/,
      hint: /uncordon/,
    },
    {
      name: 'a tolerated taint does not count',
      scheduler: '0/2 nodes are available: 2 node(s) had untolerated taint(s).',
      spec: { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] },
      nodes: [gpu('g1'), control],
      category: 'unschedulable-taint',
      message: /1 node\(s\) have the taint node-role.kubernetes.io\/control-plane:NoSchedule/,
      hint: /control-plane/,
    },
    {
      name: 'cordoned nodes',
      scheduler:
        '0/2 nodes are available: 2 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
      nodes: [node('w1', { unschedulable: true }), node('w2', { unschedulable: true })],
      category: 'unschedulable-node-condition',
      message: /2 node\(s\) were unschedulable/,
      hint: /uncordon/,
    },
    {
      name: 'node selector',
      scheduler:
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      spec: { nodeSelector: { disktype: 'ssd' } },
      nodes: [node('worker-1')],
      category: 'unschedulable-node-selector',
      message: /didn't match Pod's node affinity\/selector/,
      hint: /disktype=ssd/,
    },
    {
      name: 'mixed reasons: the one with the most nodes wins',
      scheduler:
        "0/5 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 Insufficient memory, 3 node(s) didn't match pod anti-affinity rules. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.",
      nodes: [node('worker-1')],
      category: 'unschedulable-affinity',
      message: /anti-affinity/,
      hint: /Relax the pod \(anti-\)affinity/,
    },
    {
      name: 'resource reasons of one kind add up before comparing',
      scheduler:
        "0/5 nodes are available: 2 Insufficient cpu, 2 Insufficient memory, 3 node(s) didn't match pod topology spread constraints.",
      nodes: [node('worker-1')],
      category: 'unschedulable-resources',
      message: /Insufficient cpu/,
      hint: /requests\./,
    },
    {
      name: 'host ports',
      scheduler:
        "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
      nodes: [node('worker-1')],
      category: 'unschedulable-affinity',
      message: /free ports/,
      hint: /hostPort/,
    },
    {
      name: 'volume zone conflict',
      scheduler:
        '0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      nodes: [node('worker-1')],
      category: 'unschedulable-volume',
      message: /volume node affinity conflict/,
      hint: /zone or node affinity/,
    },
  ])('$name', ({ scheduler, spec, nodes, category, message: text, hint }) => {
    const p = pendingPod(scheduler, { spec: spec as Record<string, unknown> | undefined });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], nodes }), NOW);
    expect(f).toMatchObject({ category, pod: p.metadata.name, node: null, reason: 'Unschedulable', fatal: true });
    expect(f.message).toMatch(text);
    expect(f.hint).toMatch(hint);
  });

  it('is fatal only 60 s after the pod became unschedulable', () => {
    const message = '0/2 nodes are available: 2 Insufficient memory.';
    const young = diagnoseWorkload(deployment(), snapshot({ pods: [pendingPod(message, { scheduledAgo: 20 })] }), NOW);
    const old = diagnoseWorkload(deployment(), snapshot({ pods: [pendingPod(message, { scheduledAgo: 61 })] }), NOW);
    expect(young[0]).toMatchObject({ category: 'unschedulable-resources', fatal: false });
    expect(old[0]).toMatchObject({ category: 'unschedulable-resources', fatal: true });
  });

  it('reads the FailedScheduling event when the condition has no message', () => {
    const p = pod({
      node: null,
      phase: 'Pending',
      containerStatuses: [],
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', lastTransitionTime: ago(90) }],
    });
    const e = event(
      p,
      'Warning',
      'FailedScheduling',
      '0/2 nodes are available: 2 Too many pods. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], events: [e] }), NOW);
    expect(f).toMatchObject({ category: 'unschedulable-resources' });
    expect(f.hint).toMatch(/maxPods/);
    expect(f.events).toEqual([expect.objectContaining({ reason: 'FailedScheduling', count: 1 })]);
  });

  it('names the unbound claim and what its provisioner said', () => {
    const p = pendingPod(
      '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
      {
        spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web' } }] },
      },
    );
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data-web', namespace: 'shop', uid: 'pvc-1' },
      spec: { storageClassName: 'fast' },
      status: { phase: 'Pending' },
    };
    const e = event(pvc, 'Warning', 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast" not found', {
      kind: 'PersistentVolumeClaim',
      count: 4,
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p], pvcs: [pvc], events: [e] }), NOW);
    expect(f).toMatchObject({ category: 'pvc-not-bound', fatal: true, reason: 'ProvisioningFailed' });
    expect(f.message).toMatch(
      /PersistentVolumeClaim data-web is Pending \(storageClassName fast\); ProvisioningFailed: storageclass.storage.k8s.io "fast" not found/,
    );
    expect(f.hint).toMatch(/kubectl describe pvc data-web -n shop/);
  });

  it('says nothing about a pod the scheduler has not looked at for a few seconds, then scheduling-pending', () => {
    const fresh = pod({ node: null, phase: 'Pending', containerStatuses: [], conditions: [], createdAgo: 3 });
    const stale = pod({ node: null, phase: 'Pending', containerStatuses: [], conditions: [], createdAgo: 40 });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [fresh] }), NOW)).toEqual([]);
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [stale] }), NOW)[0]).toMatchObject({
      category: 'scheduling-pending',
      fatal: false,
    });
  });
});

describe('a pod no node can fit, and the node autoscalers', () => {
  const tooBig = { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '8' } } }] };
  const fullNodes = { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '1' } } }] };
  const message =
    '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';
  const nodes = [node('worker-1'), node('worker-2')];
  const world = (p: ReturnType<typeof pendingPod>, events: ReturnType<typeof event>[] = []) => snapshot({ pods: [p], nodes, events });

  it('a request larger than every node, with no autoscaler speaking up, is fatal after 15 s (not 60 s)', () => {
    expect(diagnoseWorkload(deployment(), world(pendingPod(message, { scheduledAgo: 14, spec: tooBig })), NOW)[0]).toMatchObject({
      category: 'unschedulable-resources',
      fatal: false,
    });
    const [f] = diagnoseWorkload(deployment(), world(pendingPod(message, { scheduledAgo: 16, spec: tooBig })), NOW);
    expect(f).toMatchObject({ fatal: true });
    expect(f.message).toMatch(/; no node can ever fit it and no scale-up is in sight$/);
  });

  it('waits, however long, while the cluster autoscaler adds a node (TriggeredScaleUp)', () => {
    const p = pendingPod(message, { scheduledAgo: 600, spec: tooBig });
    const scaleUp = event(p, 'Normal', 'TriggeredScaleUp', 'pod triggered scale-up: [{eks-big-2ab4 0->1 (max: 5)}]', { lastAgo: 30 });
    const [f] = diagnoseWorkload(deployment(), world(p, [scaleUp]), NOW);
    expect(f).toMatchObject({ category: 'unschedulable-resources', fatal: false });
    expect(f.message).toMatch(/; a node is being added: pod triggered scale-up: \[\{eks-big-2ab4 0->1 \(max: 5\)\}\]$/);
  });

  it('Karpenter nominating a node counts as a scale-up under way', () => {
    const p = pendingPod(message, { scheduledAgo: 600, spec: tooBig });
    const nominated = event(p, 'Normal', 'Nominated', 'Pod should schedule on: nodeclaim/default-x7k2q', { lastAgo: 10 });
    expect(diagnoseWorkload(deployment(), world(p, [nominated]), NOW)[0]).toMatchObject({ fatal: false });
  });

  it("the autoscaler's NotTriggerScaleUp makes a pod no node fits fatal at once", () => {
    const p = pendingPod(message, { scheduledAgo: 5, spec: tooBig });
    const refused = event(p, 'Normal', 'NotTriggerScaleUp', "pod didn't trigger scale-up: 2 Insufficient cpu", { lastAgo: 1 });
    const [f] = diagnoseWorkload(deployment(), world(p, [refused]), NOW);
    expect(f).toMatchObject({ fatal: true });
    expect(f.message).toMatch(/; no scale-up: pod didn't trigger scale-up: 2 Insufficient cpu$/);
  });

  it.each([
    ["3 node(s) didn't match Pod's node affinity/selector", 'unschedulable-node-selector'],
    ['3 node(s) had untolerated taint {dedicated: gpu}', 'unschedulable-taint'],
  ])('a pod waiting for a node pool the autoscaler is scaling up (%s) waits past the minute', (reason, category) => {
    const msg = `0/3 nodes are available: ${reason}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`;
    const p = pendingPod(msg, { scheduledAgo: 180, spec: fullNodes });
    expect(diagnoseWorkload(deployment(), world(p), NOW)[0]).toMatchObject({ category, fatal: true });
    const scaleUp = event(p, 'Normal', 'TriggeredScaleUp', 'pod triggered scale-up: [{gpu-pool 0->1 (max: 4)}]', { lastAgo: 100 });
    const [f] = diagnoseWorkload(deployment(), world(p, [scaleUp]), NOW);
    expect(f).toMatchObject({ category, fatal: false });
    expect(f.message).toMatch(/; a node is being added: pod triggered scale-up/);
  });

  it('full nodes (the pod fits an empty one) keep the 60 s wait: pods of the rollout may still free room', () => {
    const p = pendingPod(message, { scheduledAgo: 30, spec: fullNodes });
    expect(diagnoseWorkload(deployment(), world(p), NOW)[0]).toMatchObject({ fatal: false });
  });
});

// A rolling update's old pods hold their room until their deletion completes: with a terminationGracePeriodSeconds of
// minutes the new pod waits longer than the 60 s that nodes staying full get, and that is not a doomed rollout.
describe('room that pods being deleted give back', () => {
  const FULL =
    '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.';
  const spec = { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '1' } } }] };
  const leaving = (deletionIn: number) =>
    pod({ rs: OLD_RS, name: 'web-5c4b3a291-old', ready: true, metadata: { deletionTimestamp: ago(-deletionIn) } });

  it.each([
    { name: 'no pod is being deleted: failed after 60 s', old: [], fatal: true },
    { name: 'an old pod with 50 s of its grace period left: waits', old: [leaving(50)], fatal: false },
    { name: 'the grace period ended 30 s ago: still inside the 60 s that count from it', old: [leaving(-30)], fatal: false },
    { name: 'the grace period ended 61 s ago and the pod is still not placed: failed', old: [leaving(-61)], fatal: true },
  ])('$name', ({ old, fatal }) => {
    const p = pendingPod(FULL, { scheduledAgo: 90, spec });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p, ...old], nodes: [node('worker-1'), node('worker-2')] }), NOW);
    expect(f).toMatchObject({ category: 'unschedulable-resources', fatal });
    if (old.length) expect(f.message).toMatch(/; 1 pod being deleted on the nodes frees room by \S+: the wait counts from then$/);
  });

  it.each([
    { name: 'a pod that left its node 30 s ago (the live view saw it go): waits', goneAgo: 30, fatal: false },
    { name: 'one that left 61 s ago, and the pod is still not placed: failed', goneAgo: 61, fatal: true },
  ])('$name', ({ goneAgo, fatal }) => {
    const p = pendingPod(FULL, { scheduledAgo: 150, spec });
    const departedPods = [{ pod: leaving(-100), goneAt: ago(goneAgo) }];
    const live = { ...snapshot({ pods: [p], nodes: [node('worker-1'), node('worker-2')] }), departedPods };
    const [f] = diagnoseWorkload(deployment(), live, NOW);
    expect(f).toMatchObject({ category: 'unschedulable-resources', fatal });
    expect(f.message).toMatch(/; a pod left the nodes at \S+, freeing room: the wait counts from then$/);
  });

  it('a pod larger than every node gains nothing from it', () => {
    const p = pendingPod(FULL, {
      scheduledAgo: 90,
      spec: { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '8' } } }] },
    });
    const [f] = diagnoseWorkload(deployment(), snapshot({ pods: [p, leaving(50)], nodes: [node('worker-1'), node('worker-2')] }), NOW);
    expect(f).toMatchObject({ category: 'unschedulable-resources', fatal: true });
    expect(f.message).not.toMatch(/being deleted/);
  });
});
