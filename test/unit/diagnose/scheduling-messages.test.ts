// What a pod no node takes reads like (rules/scheduling.ts), message for message: which scheduler reason wins, the
// evidence it quotes from the nodes, and what the node autoscalers said.
import { describe, expect, it } from 'vitest';
import { diagnoseWorkload } from '../../../src/diagnose/index.js';
import { NOW, ago, deployment, event, node, pod, snapshot } from './fixtures.js';

function pendingPod(message: string, spec?: Record<string, unknown>, condition: Record<string, unknown> = {}) {
  return pod({
    node: null,
    phase: 'Pending',
    containerStatuses: [],
    createdAgo: 90,
    spec,
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
        lastProbeTime: null,
        lastTransitionTime: ago(90),
        ...condition,
      },
    ],
  });
}
const requests = (resources: Record<string, string>) => ({ containers: [{ name: 'app', image: 'x', resources: { requests: resources } }] });
const PREEMPTION = ' preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const SELECTOR = "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.";

interface Row {
  name: string;
  pod: ReturnType<typeof pendingPod>;
  nodes?: ReturnType<typeof node>[];
  events?: (p: ReturnType<typeof pendingPod>) => ReturnType<typeof event>[];
  want: { category: string; reason: string; message: string; fatal: boolean };
}

const selectorPod = pendingPod(SELECTOR, { nodeSelector: { disk: 'ssd' } });

const table: Row[] = [
  {
    name: 'an unnamed taint without node objects to name it',
    pod: pendingPod(`0/3 nodes are available: 3 node(s) had untolerated taint(s).${PREEMPTION}`),
    want: {
      category: 'unschedulable-taint',
      reason: 'Unschedulable',
      message: `3 node(s) have a taint the pod does not tolerate. Scheduler: 0/3 nodes are available: 3 node(s) had untolerated taint(s).${PREEMPTION}`,
      fatal: true,
    },
  },
  {
    name: 'scheduling gates, without a message of their own',
    pod: pendingPod('', undefined, { reason: 'SchedulingGated' }),
    want: {
      category: 'scheduling-pending',
      reason: 'SchedulingGated',
      message: "Scheduling is blocked by the pod's scheduling gates",
      fatal: false,
    },
  },
  {
    name: 'scheduling gates, with the message the API server wrote',
    pod: pendingPod('Scheduling is blocked due to non-empty scheduling gates', undefined, { reason: 'SchedulingGated' }),
    want: {
      category: 'scheduling-pending',
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
      fatal: false,
    },
  },
  {
    name: 'a reason the gate does not know is quoted as it is',
    pod: pendingPod('0/2 nodes are available: 2 node(s) did not have enough widgets.'),
    want: {
      category: 'unknown',
      reason: 'Unschedulable',
      message: 'Scheduler: 0/2 nodes are available: 2 node(s) did not have enough widgets.',
      fatal: false,
    },
  },
  {
    name: 'full nodes: the largest schedulable node is quoted, a cordoned bigger one is not',
    pod: pendingPod('0/2 nodes are available: 2 Insufficient cpu.', requests({ cpu: '1' })),
    nodes: [node('worker-1', { cpu: '4', unschedulable: true }), node('worker-2')],
    want: {
      category: 'unschedulable-resources',
      reason: 'Unschedulable',
      message:
        'The pod requests 1 cpu; the largest node (worker-2) has 1930m allocatable, so the nodes are full rather than too small. Scheduler: 0/2 nodes are available: 2 Insufficient cpu.',
      fatal: true,
    },
  },
  {
    name: 'a tie between two reasons goes to the one the scheduler printed first',
    pod: pendingPod(
      '0/2 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) had untolerated taint {dedicated: gpu}.',
    ),
    want: {
      category: 'unschedulable-node-condition',
      reason: 'Unschedulable',
      message:
        '1 node(s) have the taint node.kubernetes.io/not-ready. Scheduler: 0/2 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) had untolerated taint {dedicated: gpu}.',
      fatal: true,
    },
  },
  {
    name: 'a taint with a value',
    pod: pendingPod('0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}.'),
    want: {
      category: 'unschedulable-taint',
      reason: 'Unschedulable',
      message:
        '2 node(s) have the taint dedicated=gpu. Scheduler: 0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}.',
      fatal: true,
    },
  },
  {
    name: 'reasons of one category add up (1 cpu + 2 memory beat 2 selector), the evidence from the larger; a not-ready node is no candidate',
    pod: pendingPod(
      "0/5 nodes are available: 1 Insufficient cpu, 2 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector.",
      requests({ cpu: '100m', memory: '9Gi' }),
    ),
    nodes: [node('worker-1'), node('worker-2', { ready: 'False', memory: '64Gi' })],
    want: {
      category: 'unschedulable-resources',
      reason: 'Unschedulable',
      message:
        "The pod requests 9Gi memory; the largest node (worker-1) has 7.3Gi allocatable. Scheduler: 0/5 nodes are available: 1 Insufficient cpu, 2 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector.; no node can ever fit it and no scale-up is in sight",
      fatal: true,
    },
  },
  {
    name: 'too many pods',
    pod: pendingPod('0/2 nodes are available: 2 Too many pods.'),
    nodes: [node('worker-1')],
    want: {
      category: 'unschedulable-resources',
      reason: 'Unschedulable',
      message: 'Every node already runs as many pods as it allows. Scheduler: 0/2 nodes are available: 2 Too many pods.',
      fatal: true,
    },
  },
  {
    name: 'cordoned nodes',
    pod: pendingPod('0/2 nodes are available: 2 node(s) were unschedulable.'),
    want: {
      category: 'unschedulable-node-condition',
      reason: 'Unschedulable',
      message: '2 node(s) were unschedulable. Scheduler: 0/2 nodes are available: 2 node(s) were unschedulable.',
      fatal: true,
    },
  },
  {
    name: 'a selector no node matches, and the autoscaler says no node group would',
    pod: selectorPod,
    events: (p) => [
      event(p, 'Normal', 'NotTriggerScaleUp', "pod didn't trigger scale-up: 1 node(s) didn't match Pod's node affinity/selector", {
        lastAgo: 10,
      }),
    ],
    want: {
      category: 'unschedulable-node-selector',
      reason: 'Unschedulable',
      message: `2 node(s) didn't match Pod's node affinity/selector. Scheduler: ${SELECTOR}; no scale-up: pod didn't trigger scale-up: 1 node(s) didn't match Pod's node affinity/selector`,
      fatal: true,
    },
  },
  {
    name: 'a scale-up and a refusal seen at the same moment: the scale-up is news, so the pod waits',
    pod: selectorPod,
    events: (p) => [
      event(p, 'Normal', 'NotTriggerScaleUp', "pod didn't trigger scale-up: 1 max node group size reached", { lastAgo: 10 }),
      event(p, 'Normal', 'TriggeredScaleUp', 'pod triggered scale-up: [{pool-a 0->1 (max: 3)}]', { lastAgo: 10 }),
    ],
    want: {
      category: 'unschedulable-node-selector',
      reason: 'Unschedulable',
      message: `2 node(s) didn't match Pod's node affinity/selector. Scheduler: ${SELECTOR}; a node is being added: pod triggered scale-up: [{pool-a 0->1 (max: 3)}]`,
      fatal: false,
    },
  },
  {
    name: 'a refusal newer than the scale-up wins',
    pod: selectorPod,
    events: (p) => [
      event(p, 'Normal', 'TriggeredScaleUp', 'pod triggered scale-up: [{pool-a 0->1 (max: 3)}]', { lastAgo: 20 }),
      event(p, 'Normal', 'NotTriggerScaleUp', "pod didn't trigger scale-up: 1 max node group size reached", { lastAgo: 10 }),
    ],
    want: {
      category: 'unschedulable-node-selector',
      reason: 'Unschedulable',
      message: `2 node(s) didn't match Pod's node affinity/selector. Scheduler: ${SELECTOR}; no scale-up: pod didn't trigger scale-up: 1 max node group size reached`,
      fatal: true,
    },
  },
];

describe('scheduling findings, exactly', () => {
  it.each(table)('$name', ({ pod: p, nodes = [], events, want }) => {
    const findings = diagnoseWorkload(deployment(), snapshot({ pods: [p], nodes, events: events ? events(p) : [] }), NOW);
    expect(findings.map((f) => ({ category: f.category, reason: f.reason, message: f.message, fatal: f.fatal }))).toEqual([want]);
  });

  it("a pod already bound to a node is not the scheduler's", () => {
    const p = pendingPod(SELECTOR, { nodeName: 'worker-1', nodeSelector: { disk: 'ssd' } });
    expect(diagnoseWorkload(deployment(), snapshot({ pods: [p] }), NOW).map((f) => f.category)).not.toContain(
      'unschedulable-node-selector',
    );
  });
});
