// The test cluster's kubelet failures that happen outside the containers: a pod sandbox the CNI cannot set up, pods
// the kubelet refuses at admission, and an eviction under memory pressure. Each is checked for the shapes a real
// kubelet writes (pod status, node condition, Events), which the diagnosis tests then rely on.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  apply,
  condition,
  containerStatus,
  createNamespace,
  deleteNamespace,
  deployment,
  findEvent,
  getJson,
  kubectl,
  kubeletEvent,
  nodeScript,
  podsOf,
  waitFor,
} from '../e2e/support/index.js';

const namespaces: string[] = [];
afterAll(async () => {
  await Promise.all(namespaces.map(deleteNamespace));
});

async function namespace(): Promise<string> {
  const ns = await createNamespace('kubelet-fail');
  namespaces.push(ns);
  return ns;
}

const memoryPressureOf = (node: any) => (node.status?.conditions ?? []).find((c: any) => c.type === 'MemoryPressure');

describe('a pod sandbox the CNI cannot set up', () => {
  it('sandbox-cni: Pending in ContainerCreating, no pod IP, FailedCreatePodSandBox with the plugin message on each retry', async () => {
    const ns = await namespace();
    await apply(ns, deployment('web', { scenario: 'sandbox-cni' }));
    const pod = await waitFor(
      'a pod in ContainerCreating',
      async () => {
        const [p] = await podsOf(ns, 'web');
        return containerStatus(p)?.state?.waiting?.reason === 'ContainerCreating' ? p : undefined;
      },
      20_000,
    );
    expect(pod.status).toMatchObject({ phase: 'Pending', hostIP: expect.any(String) });
    expect(pod.status.podIP).toBeUndefined();
    expect(containerStatus(pod)).toMatchObject({
      ready: false,
      started: false,
      imageID: '',
      state: { waiting: { reason: 'ContainerCreating' } },
    });
    expect(condition(pod, 'PodReadyToStartContainers')?.status).toBe('False');
    expect(condition(pod, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
    await kubeletEvent(
      pod,
      'Warning',
      'FailedCreatePodSandBox',
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="cilium-cni" failed \(add\): unable to connect to Cilium agent: .* Is the agent running\?$/,
      null,
    );
    // The pod worker retries after 10-15 s, with a new sandbox ID: a second Event, not a higher count.
    const again = await waitFor(
      'a second FailedCreatePodSandBox',
      async () => {
        const all = (await getJson(['get', 'events', '-n', ns])).items.filter((e: any) => e.reason === 'FailedCreatePodSandBox');
        return all.length >= 2 ? all : undefined;
      },
      25_000,
    );
    expect(new Set(again.map((e: any) => e.message)).size).toBe(again.length);
  });

  it('sandbox-no-ip on one node only: host-local IPAM has no address left there, the other pods run', async () => {
    const ns = await namespace();
    const spread = {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ],
    };
    await apply(ns, deployment('web', { scenario: 'sandbox-no-ip-on-node=worker-3', replicas: 3, podSpec: spread }));
    const pods = await waitFor(
      'two Ready pods and one creating on worker-3',
      async () => {
        const all = await podsOf(ns, 'web');
        const ready = all.filter((p) => condition(p, 'Ready')?.status === 'True');
        const stuck = all.filter((p) => containerStatus(p)?.state?.waiting?.reason === 'ContainerCreating');
        return ready.length === 2 && stuck.length === 1 ? { ready, stuck: stuck[0] } : undefined;
      },
      30_000,
    );
    expect(pods.stuck.spec.nodeName).toBe('worker-3');
    expect(pods.ready.map((p: any) => p.spec.nodeName).sort()).toEqual(['worker-1', 'worker-2']);
    await kubeletEvent(
      pods.stuck,
      'Warning',
      'FailedCreatePodSandBox',
      /failed \(add\): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10\.244\.3\.1-10\.244\.3\.254$/,
      null,
    );
  });
});

describe('pods the kubelet refuses at admission', () => {
  it('an unsafe sysctl: SysctlForbidden, and the ReplicaSet keeps creating pods that are refused the same way', async () => {
    const ns = await namespace();
    await apply(ns, deployment('web', { podSpec: { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } } }));
    const rejected = await waitFor(
      'three rejected pods',
      async () => {
        const failed = (await podsOf(ns, 'web')).filter((p) => p.status.phase === 'Failed');
        return failed.length >= 3 ? failed : undefined;
      },
      30_000,
    );
    // The loop goes on until the template changes: stop it here.
    await kubectl(['delete', 'deployment', 'web', '-n', ns, '--wait=false']);
    const pod = rejected[0];
    expect(pod.status).toMatchObject({
      phase: 'Failed',
      reason: 'SysctlForbidden',
      message: 'Pod was rejected: forbidden sysctl: "kernel.msgmax" not allowlisted',
    });
    expect(pod.status.containerStatuses).toBeUndefined();
    expect(pod.status.hostIP).toBeUndefined();
    expect(condition(pod, 'PodScheduled')?.status).toBe('True');
    await kubeletEvent(pod, 'Warning', 'SysctlForbidden', 'forbidden sysctl: "kernel.msgmax" not allowlisted', null);
  });

  it('out-of-cpu: OutOfcpu with the request in millicores and the node allocatable as capacity', async () => {
    const ns = await namespace();
    await apply(ns, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cpu', annotations: { 'kwok.kube-deploy-gate.dev/scenario': 'out-of-cpu' } },
      spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', resources: { requests: { cpu: '500m' } } }] },
    });
    const pod = await waitFor(
      'the pod refused',
      async () => {
        const p = await getJson(['get', 'pod', 'cpu', '-n', ns]);
        return p.status.phase === 'Failed' ? p : undefined;
      },
      20_000,
    );
    expect(pod.status).toMatchObject({
      reason: 'OutOfcpu',
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 500, used: 3750, capacity: 4000",
    });
    await kubeletEvent(
      pod,
      'Warning',
      'OutOfcpu',
      "Node didn't have enough resource: cpu, requested: 500, used: 3750, capacity: 4000",
      null,
    );
  });
});

describe('an eviction under memory pressure', () => {
  afterEach(async () => {
    for (const node of ['worker-1', 'worker-2', 'worker-3']) await nodeScript('start', node);
  });

  it('memory-hog: MemoryPressure on the node, the pod Failed/Evicted with the eviction message, then the pressure clears', async () => {
    const ns = await namespace();
    await apply(ns, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'hog', annotations: { 'kwok.kube-deploy-gate.dev/scenario': 'memory-hog' } },
      spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/app:1.0.0', resources: { requests: { memory: '256Mi' } } }] },
    });
    const pod = await waitFor(
      'the pod evicted',
      async () => {
        const p = await getJson(['get', 'pod', 'hog', '-n', ns]);
        return p.status.phase === 'Failed' ? p : undefined;
      },
      20_000,
    );
    const message = pod.status.message;
    expect(message).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Ki\. Container app was using \d+Ki, request is 256Mi, has larger consumption of memory\. $/,
    );
    expect(pod.status.reason).toBe('Evicted');
    expect(condition(pod, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet', message });
    expect(condition(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(containerStatus(pod).state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    await kubeletEvent(pod, 'Warning', 'Evicted', message, null);
    await kubeletEvent(pod, 'Normal', 'Killing', 'Stopping container app');

    const nodeName = pod.spec.nodeName;
    const node = await getJson(['get', 'node', nodeName]);
    expect(memoryPressureOf(node)).toMatchObject({
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
      message: 'kubelet has insufficient memory available',
    });
    const nodeEvent = await waitFor(
      'NodeHasInsufficientMemory',
      () =>
        findEvent(
          'default',
          nodeName,
          'Normal',
          'NodeHasInsufficientMemory',
          (m) => m === `Node ${nodeName} status is now: NodeHasInsufficientMemory`,
        ),
      10_000,
    );
    expect(nodeEvent).toMatchObject({ source: { component: 'kubelet', host: nodeName }, involvedObject: { kind: 'Node', name: nodeName } });
    expect(
      await findEvent('default', nodeName, 'Warning', 'EvictionThresholdMet', (m) => m === 'Attempting to reclaim memory'),
    ).toBeDefined();
    await waitFor(
      'the memory-pressure taint',
      async () =>
        ((await getJson(['get', 'node', nodeName])).spec.taints ?? []).some((t: any) => t.key === 'node.kubernetes.io/memory-pressure'),
      15_000,
    );
    // The helper reports the pressure 20 s after the last eviction there, then clears it.
    await waitFor(
      'MemoryPressure False again',
      async () => memoryPressureOf(await getJson(['get', 'node', nodeName]))?.status === 'False',
      40_000,
    );
  });
});
