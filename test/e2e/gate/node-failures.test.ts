// Issue 16 end to end: failures whose cause lives on a node, through the whole gate. A pod sandbox the CNI cannot set
// up (everywhere, or on one node only), pods the kubelet refuses at admission, pods evicted under memory pressure, and
// a StatefulSet update held by a pod on a node whose kubelet stopped or whose runtime is down. Manifests as users write
// them: no readiness probe, default strategy; replicas are spread over the nodes where the test needs a pod on each.
// The node faults are undone after each test.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model.js';
import { gate, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'nodefail');

const SCENARIO = 'kwok.kube-deploy-gate.dev/scenario';

function cluster(args: string[]): string {
  return execFileSync(process.execPath, [path.join(projectRoot, 'test/cluster/cluster.mjs'), ...args], { encoding: 'utf8' });
}
const kubectl = (...args: string[]) => cluster(['kubectl', ...args]);
const nodeOp = (op: string, node: string) => cluster(['node', op, node]);

function spread(app: string): Record<string, unknown> {
  return {
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app } } },
    ],
  };
}

interface Shape {
  image?: string;
  replicas?: number;
  scenario?: string;
  podSpec?: Record<string, unknown>;
  container?: Record<string, unknown>;
  minReadySeconds?: number;
}

function workload(kind: 'Deployment' | 'StatefulSet', name: string, s: Shape): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name },
    spec: {
      replicas: s.replicas ?? 2,
      minReadySeconds: s.minReadySeconds,
      ...(kind === 'StatefulSet' ? { serviceName: name } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: s.scenario ? { [SCENARIO]: s.scenario } : undefined },
        spec: { ...s.podSpec, containers: [{ name: 'app', image: s.image ?? 'ghcr.io/acme/app:2.0.0', ...s.container }] },
      },
    },
  });
}

async function deploy(kind: 'Deployment' | 'StatefulSet', name: string, s: Shape, timeout: string, extra: Record<string, string> = {}) {
  return gate({ manifests: [writeManifests({ [`${name}.yaml`]: workload(kind, name, s) })], namespace: ns.name, timeout, extra });
}

/** The findings as [category, fatal, node], one per distinct finding, in the report's order. */
const shapeOf = (findings: Finding[]) => findings.map((f) => [f.category, f.fatal, f.node]);

function podsOf(app: string): any[] {
  return JSON.parse(kubectl('get', 'pods', '-n', ns.name, '-l', `app=${app}`, '-o', 'json')).items;
}

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

const readyOf = (node: string) =>
  JSON.parse(kubectl('get', 'node', node, '-o', 'json')).status.conditions.find((c: any) => c.type === 'Ready')?.status;

describe('pod sandbox failures', () => {
  it('a CNI that fails on every node: sandbox-failed naming the plugin, not fatal in its first two minutes', async () => {
    const run = await deploy('Deployment', 'cni', { scenario: 'sandbox-cni' }, '25s', { rollback: 'false' });
    expect(run.result.verdict).toBe('timeout');
    expect(shapeOf(run.result.findings)).toHaveLength(1);
    const [f] = run.result.findings;
    expect(f).toMatchObject({ category: 'sandbox-failed', fatal: false, reason: 'FailedCreatePodSandBox', count: '2/2 pods' });
    expect(f.node?.split(', ').every((n) => /^worker-[123]$/.test(n))).toBe(true);
    expect(f.message).toMatch(
      /^The CNI plugin cilium-cni cannot set up the pod network: unable to connect to Cilium agent: .* Is the agent running\?$/,
    );
    expect(f.hint).toMatch(
      /^The CNI plugin cilium-cni on worker-\d fails to set up pod networking: check the cilium-cni agent pod on worker-\d/,
    );
  });

  it('no pod IP left on one node: node-concentrated and sandbox-failed, both naming that node', async () => {
    const run = await deploy(
      'Deployment',
      'ipam',
      { scenario: 'sandbox-no-ip-on-node=worker-3', replicas: 3, podSpec: spread('ipam') },
      '25s',
      {
        rollback: 'false',
      },
    );
    expect(run.result.verdict).toBe('timeout');
    expect(shapeOf(run.result.findings)).toEqual([
      ['node-concentrated', false, 'worker-3'],
      ['sandbox-failed', false, 'worker-3'],
    ]);
    const [concentrated, sandbox] = run.result.findings;
    expect(concentrated.message).toBe(
      'Only node worker-3 fails: 1 pod there is not ready (sandbox-failed) while 2 are Ready on other nodes',
    );
    expect(sandbox.message).toBe(
      'The CNI plugin flannel has no IP address left for the pod: failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.3.1-10.244.3.254',
    );
  });
});

describe('pods the kubelet refuses at admission', () => {
  it('an unsafe sysctl in the new template: pod-rejected, fatal at once, and the gate rolls back', async () => {
    expect((await deploy('Deployment', 'mq', {}, '30s')).result.verdict).toBe('healthy');
    const run = await deploy(
      'Deployment',
      'mq',
      { image: 'ghcr.io/acme/app:2.1.0', podSpec: { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } } },
      '60s',
    );
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings.map((f) => [f.category, f.fatal, f.reason])).toEqual([['pod-rejected', true, 'SysctlForbidden']]);
    expect(run.result.findings[0].message).toBe(
      'The kubelet rejected the pod at admission (SysctlForbidden): forbidden sysctl: "kernel.msgmax" not allowlisted',
    );
    expect(run.result.findings[0].hint).toMatch(/^Remove sysctl kernel.msgmax from the pod's securityContext.sysctls/);
    expect(run.result.rollback?.workloads[0]).toMatchObject({ name: 'mq', done: true });
  });

  it('every node counts more CPU than the scheduler: the ReplicaSet keeps creating rejected pods, fatal after three', async () => {
    expect((await deploy('Deployment', 'render', { container: { resources: { requests: { cpu: '500m' } } } }, '30s')).result.verdict).toBe(
      'healthy',
    );
    const run = await deploy(
      'Deployment',
      'render',
      { image: 'ghcr.io/acme/app:2.1.0', scenario: 'out-of-cpu', container: { resources: { requests: { cpu: '500m' } } } },
      '60s',
    );
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings.map((f) => [f.category, f.fatal, f.reason])).toEqual([['pod-rejected', true, 'OutOfcpu']]);
    expect(run.result.findings[0].message).toBe(
      "The kubelet rejected the pod at admission (OutOfcpu): Node didn't have enough resource: cpu, requested: 500, used: 3750, capacity: 4000",
    );
    expect(run.result.findings[0].hint).toMatch(/keeps rejecting the new pods \(\d+ so far\)/);
  });
});

describe('a StatefulSet update held by a pod on a broken node', () => {
  afterEach(async () => {
    for (const node of ['worker-2', 'worker-3']) nodeOp('start', node);
    await until('worker-2 and worker-3 Ready', () => readyOf('worker-2') === 'True' && readyOf('worker-3') === 'True', 60_000);
  });

  it('a kubelet that stopped, and the pod deleted there: terminating-stuck and node-not-ready, fatal: the ordinal cannot come back', async () => {
    expect((await deploy('StatefulSet', 'ledger', { replicas: 3, podSpec: spread('ledger') }, '40s')).result.verdict).toBe('healthy');
    const lost = podsOf('ledger').find((p) => p.spec.nodeName === 'worker-2');
    nodeOp('stop', 'worker-2');
    await until('worker-2 Unknown', () => readyOf('worker-2') === 'Unknown', 40_000);
    // What an operator tries first: a plain delete, which no kubelet will ever confirm.
    kubectl('delete', 'pod', lost.metadata.name, '-n', ns.name, '--wait=false');
    const run = await deploy('StatefulSet', 'ledger', { replicas: 3, image: 'ghcr.io/acme/app:2.1.0', podSpec: spread('ledger') }, '150s', {
      rollback: 'false',
    });
    expect(run.result.verdict).toBe('failed');
    expect(shapeOf(run.result.findings)).toEqual([
      ['node-not-ready', true, 'worker-2'],
      ['terminating-stuck', true, 'worker-2'],
    ]);
    expect(run.result.findings.every((f) => f.pod === lost.metadata.name)).toBe(true);
    expect(run.result.findings[1].hint).toMatch(/only once the machine is really off or gone/);
  });

  it('a container runtime that is down under one pod: the update deletes it, it cannot stop: terminating-stuck and node-runtime-down, fatal', async () => {
    expect((await deploy('StatefulSet', 'cache', { replicas: 3, podSpec: spread('cache') }, '40s')).result.verdict).toBe('healthy');
    const held = podsOf('cache').find((p) => p.spec.nodeName === 'worker-3');
    // The kubelet cannot sync pods without a runtime: their status stays as it was (Ready), so the StatefulSet goes on
    // updating until it deletes this one, which then never goes away.
    nodeOp('runtime-down', 'worker-3');
    await until('worker-3 NotReady', () => readyOf('worker-3') === 'False', 30_000);
    const run = await deploy('StatefulSet', 'cache', { replicas: 3, image: 'ghcr.io/acme/app:2.1.0', podSpec: spread('cache') }, '120s', {
      rollback: 'false',
    });
    expect(run.result.verdict).toBe('failed');
    expect(shapeOf(run.result.findings)).toEqual([
      ['node-runtime-down', true, 'worker-3'],
      ['terminating-stuck', true, 'worker-3'],
    ]);
    expect(run.result.findings.every((f) => f.pod === held.metadata.name)).toBe(true);
    expect(run.result.findings[1].message).toMatch(
      /node worker-3 reports its container runtime down, so nothing confirms that its containers stopped/,
    );
  });
});

describe('evictions under memory pressure', () => {
  afterEach(async () => {
    kubectl('delete', 'deployment', '--all', '-n', ns.name, '--wait=false');
    for (const node of ['worker-1', 'worker-2', 'worker-3']) nodeOp('start', node);
  });

  it('every new pod uses far more memory than it requests: evicted, fatal once replacements keep being evicted, and node-pressure', async () => {
    // A pod with no readiness probe is Ready the moment it runs, and its memory grows later: without minReadySeconds
    // the Deployment counts as rolled out before the first eviction, for kubectl and for the gate alike (README, "Fail
    // fast"). The README's examples set minReadySeconds; here it outlasts the helper's 3 s until the node runs short.
    const shape = { container: { resources: { requests: { memory: '256Mi' } } }, minReadySeconds: 10 };
    expect((await deploy('Deployment', 'recommender', shape, '40s')).result.verdict).toBe('healthy');
    const run = await deploy('Deployment', 'recommender', { ...shape, image: 'ghcr.io/acme/app:2.1.0', scenario: 'memory-hog' }, '90s', {
      rollback: 'false',
    });
    expect(run.result.verdict).toBe('failed');
    const categories = [...new Set(run.result.findings.map((f) => f.category))];
    expect(categories).toEqual(['evicted', 'node-pressure']);
    const evicted = run.result.findings.find((f) => f.category === 'evicted')!;
    expect(evicted).toMatchObject({ fatal: true, reason: 'Evicted', container: 'app' });
    expect(evicted.message).toMatch(
      /^The kubelet evicted the pod: the node was low on memory \(eviction threshold 100Mi, available \d+Ki\); container app used the most: \d+Ki against a request of 256Mi$/,
    );
    const pressure = run.result.findings.filter((f) => f.category === 'node-pressure');
    expect(pressure.every((f) => !f.fatal && /^worker-[123]$/.test(f.node ?? '') && f.reason === 'KubeletHasInsufficientMemory')).toBe(
      true,
    );
  });
});
