// Pods the real scheduler cannot place, with no simulation: more cpu than any node has, a nodeSelector no node
// matches, a taint the pod does not tolerate. Pending with PodScheduled=False/Unschedulable and FailedScheduling.
// One at a time: the taint case changes what the scheduler says about worker-3.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  apply,
  condition,
  createNamespace,
  deleteNamespace,
  deployment,
  findEvent,
  kubectl,
  onlyPod,
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});
afterEach(async () => {
  await kubectl(['taint', 'node', 'worker-3', 'dedicated=gpu:NoSchedule-']).catch(() => {});
});

const cases = [
  {
    title: 'a pod that requests more cpu than any node has',
    podSpec: {},
    containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', resources: { requests: { cpu: '64' } } }],
    message:
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  },
  {
    title: 'a nodeSelector no node matches',
    podSpec: { nodeSelector: { disktype: 'ssd' } },
    message:
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  },
  {
    title: 'a taint the pod does not tolerate',
    taint: true,
    podSpec: { nodeSelector: { 'kubernetes.io/hostname': 'worker-3' } },
    message:
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  },
];

describe('unschedulable pods', () => {
  it.each(cases)('$title: Pending, Unschedulable, FailedScheduling from the scheduler', async ({ podSpec, containers, message, taint }) => {
    if (taint) await kubectl(['taint', 'node', 'worker-3', 'dedicated=gpu:NoSchedule', '--overwrite']);
    const ns = await createNamespace('sched');
    namespaces.push(ns);
    await apply(ns, deployment('web', { podSpec, containers }));
    const pod = await waitFor(
      'PodScheduled=False',
      async () => {
        const p = await onlyPod(ns, 'web');
        return condition(p, 'PodScheduled')?.status === 'False' ? p : undefined;
      },
      20_000,
    );
    expect(pod.status.phase).toBe('Pending');
    expect(pod.spec.nodeName).toBeUndefined();
    expect(condition(pod, 'PodScheduled')).toMatchObject({ reason: 'Unschedulable', message });
    const event = await waitFor('FailedScheduling', () => findEvent(ns, pod.metadata.name, 'Warning', 'FailedScheduling'), 20_000);
    expect(event.message).toBe(message);
    expect(event).toMatchObject({ reportingComponent: 'default-scheduler', involvedObject: { kind: 'Pod', name: pod.metadata.name } });
  });
});
