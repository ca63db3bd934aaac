// The node scripts (npm run cluster:node -- OP NODE) against the real node-lifecycle controller: a stopped kubelet
// makes the node Unknown and tainted and its pods unready; a runtime that is down makes it NotReady; start restores
// both; cordon and drain go through the real API. One at a time, and every node is restored afterwards.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  apply,
  condition,
  createNamespace,
  deleteNamespace,
  deployment,
  findEvent,
  getJson,
  kubectl,
  kubeletEvent,
  nodeScript,
  onlyPod,
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});
afterEach(async () => {
  for (const node of ['worker-2', 'worker-3']) {
    await nodeScript('start', node).catch(() => {});
    await nodeScript('uncordon', node).catch(() => {});
  }
  await waitFor(
    'worker-2 and worker-3 Ready and without fault taints',
    async () => {
      const nodes = (await getJson(['get', 'nodes'])).items.filter((n: any) => ['worker-2', 'worker-3'].includes(n.metadata.name));
      return nodes.every(
        (n: any) => readyOf(n)?.status === 'True' && !taintsOf(n).some((t: string) => t.startsWith('node.kubernetes.io/')),
      );
    },
    60_000,
  );
});

const readyOf = (node: any) => (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
const taintsOf = (node: any) => (node.spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}`).sort();

/** A Ready pod on `node`: pinned there, or only preferring it (so a replacement can go elsewhere). */
async function podOn(node: string, pinned = true): Promise<{ ns: string; pod: any }> {
  const ns = await createNamespace('nodes');
  namespaces.push(ns);
  const onNode = { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] };
  const podSpec = pinned
    ? { nodeSelector: { 'kubernetes.io/hostname': node } }
    : { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: onNode }] } } };
  await apply(ns, deployment('web', { podSpec }));
  const pod = await waitFor(
    `a Ready pod on ${node}`,
    async () => {
      const p = await onlyPod(ns, 'web');
      return condition(p, 'Ready')?.status === 'True' ? p : undefined;
    },
    20_000,
  );
  expect(pod.spec.nodeName).toBe(node);
  return { ns, pod };
}

describe('node faults', () => {
  it("stop: the node turns Unknown with the controller's reason and taints, its pods unready; start restores it", async () => {
    const { ns, pod } = await podOn('worker-2');
    await nodeScript('stop', 'worker-2');
    const lost = await waitFor(
      'worker-2 Unknown and tainted',
      async () => {
        const node = await getJson(['get', 'node', 'worker-2']);
        return readyOf(node)?.status === 'Unknown' && taintsOf(node).length === 2 ? node : undefined;
      },
      30_000,
    );
    expect(readyOf(lost)).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(taintsOf(lost)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    await waitFor('the pod marked not ready', async () => condition(await onlyPod(ns, 'web'), 'Ready')?.status === 'False', 20_000);
    const notReady = await waitFor('NodeNotReady on the pod', () => findEvent(ns, pod.metadata.name, 'Warning', 'NodeNotReady'), 20_000);
    expect(notReady.message).toBe('Node is not ready');

    await nodeScript('start', 'worker-2');
    await waitFor(
      'worker-2 Ready without taints',
      async () => {
        const node = await getJson(['get', 'node', 'worker-2']);
        return readyOf(node)?.status === 'True' && taintsOf(node).length === 0;
      },
      30_000,
    );
    await waitFor('the pod Ready again', async () => condition(await onlyPod(ns, 'web'), 'Ready')?.status === 'True', 20_000);
  });

  it('runtime-down: Ready=False "container runtime is down" and the not-ready taints; start restores it', async () => {
    await nodeScript('runtime-down', 'worker-2');
    const down = await waitFor(
      'worker-2 NotReady',
      async () => {
        const node = await getJson(['get', 'node', 'worker-2']);
        return readyOf(node)?.status === 'False' && taintsOf(node).length === 2 ? node : undefined;
      },
      30_000,
    );
    expect(readyOf(down)).toMatchObject({ reason: 'KubeletNotReady', message: 'container runtime is down' });
    expect(taintsOf(down)).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
    expect(await kubectl(['get', 'node', 'worker-2', '--no-headers'])).toMatch(/^worker-2\s+NotReady\s/);

    await nodeScript('start', 'worker-2');
    await waitFor('worker-2 Ready', async () => readyOf(await getJson(['get', 'node', 'worker-2']))?.status === 'True', 30_000);
  });

  it('cordon marks the node unschedulable; drain evicts its pods, which come back elsewhere', async () => {
    const { ns, pod } = await podOn('worker-3', false);
    await nodeScript('cordon', 'worker-3');
    const cordoned = await getJson(['get', 'node', 'worker-3']);
    expect(cordoned.spec.unschedulable).toBe(true);
    await waitFor(
      'the unschedulable taint',
      async () => taintsOf(await getJson(['get', 'node', 'worker-3'])).includes('node.kubernetes.io/unschedulable:NoSchedule'),
      10_000,
    );

    await nodeScript('drain', 'worker-3');
    await kubeletEvent(pod, 'Normal', 'Killing', 'Stopping container app');
    const moved = await waitFor(
      'a Ready pod off worker-3',
      async () => {
        const p = await onlyPod(ns, 'web');
        return p && p.spec.nodeName !== 'worker-3' && condition(p, 'Ready')?.status === 'True' ? p : undefined;
      },
      40_000,
    );
    expect(moved.metadata.uid).not.toBe(pod.metadata.uid);
    await nodeScript('uncordon', 'worker-3');
    expect((await getJson(['get', 'node', 'worker-3'])).spec.unschedulable).toBeUndefined();
  });
});
