// Issue 8, load: 100 Deployments x 10 pods gated in one run on the test cluster. The verdict must be right, the API
// requests of the wait must not grow with workloads or pods (counted on the server side, in the audit log), and the
// peak RSS of the gate process is recorded.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import { clusterDir } from '../support/kube.js';
import { serverUrl, serviceAccountToken, writeKubeconfig } from './credentials.js';

const client = testClient();
const ns = useNamespace(client, 'load');
const extraNodes = Array.from({ length: 9 }, (_, i) => `load-node-${i + 1}`);

beforeAll(async () => {
  const lib = await import(pathToFileURL(path.join(projectRoot, 'test/cluster/lib/nodes.mjs')).href);
  // The node's status as the kubelet reports it: the port it listens on and its version.
  const worker = await client.get<{
    status: { daemonEndpoints?: { kubeletEndpoint?: { Port?: number } }; nodeInfo: { kubeletVersion: string } };
  }>('v1', 'Node', undefined, 'worker-1');
  const port = worker!.status.daemonEndpoints?.kubeletEndpoint?.Port;
  for (const [i, name] of extraNodes.entries())
    await client.apply(lib.workerNode(name, i, worker!.status.nodeInfo.kubeletVersion, port), 'e2e', true);
}, 120_000);
afterAll(async () => {
  for (const name of extraNodes) await client.delete('v1', 'Node', undefined, name).catch(() => {});
});

function deployments(count: number, replicas: number, tag: string): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `svc-${String(i).padStart(3, '0')}` },
      spec: {
        replicas,
        selector: { matchLabels: { app: `svc-${i}` } },
        template: { metadata: { labels: { app: `svc-${i}` } }, spec: { containers: [{ name: 'app', image: `ghcr.io/acme/svc:${tag}` }] } },
      },
    }),
  ).join('\n---\n');
}

/** Runs dist/cli.js deploy as its own process, sampling its peak RSS (VmHWM) until it exits. */
function deployProcess(dir: string, kubeconfig: string): Promise<{ json: any; peakRssMb: number }> {
  const child = spawn(process.execPath, [
    path.join(projectRoot, 'dist/cli.js'),
    'deploy',
    '-f',
    dir,
    '-n',
    ns.name,
    '--kubeconfig',
    kubeconfig,
    '--timeout',
    '5m',
    '--output',
    'json',
  ]);
  let stdout = '';
  let peakKb = 0;
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', () => {});
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 100);
  return new Promise((resolve) =>
    child.on('close', () => {
      clearInterval(sample);
      resolve({ json: JSON.parse(stdout), peakRssMb: Math.round(peakKb / 1024) });
    }),
  );
}

/** The wait's requests are lists and watches; the apply's are gets and patches, one pair per object. */
function requestsBy(user: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  for (const line of fs.readFileSync(path.join(clusterDir, 'logs', 'audit.log'), 'utf8').split('\n')) {
    if (!line.includes(user)) continue;
    const e = JSON.parse(line);
    if (e.user?.username !== user || seen.has(e.auditID)) continue;
    seen.add(e.auditID);
    counts[e.verb] = (counts[e.verb] ?? 0) + 1;
  }
  return counts;
}

describe('load', () => {
  it('gates 100 Deployments x 10 pods with a constant number of wait requests', async () => {
    const sa = 'load-gate';
    await client.apply(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `${ns.name}-gate` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns.name }],
      },
      'e2e',
      true,
    );
    const kubeconfig = writeKubeconfig(serverUrl(), { token: await serviceAccountToken(client, ns.name, sa) });
    const user = `system:serviceaccount:${ns.name}:${sa}`;
    try {
      const small = await deployProcess(writeManifests({ 'a.yaml': deployments(10, 10, 'small') }), kubeconfig);
      expect(small.json.verdict).toBe('healthy');
      const afterSmall = requestsBy(user);
      const big = await deployProcess(writeManifests({ 'a.yaml': deployments(100, 10, 'big') }), kubeconfig);
      expect(big.json.verdict).toBe('healthy');
      expect(big.json.workloads).toHaveLength(100);
      expect(big.json.workloads.every((w: any) => w.done)).toBe(true);
      const all = requestsBy(user);
      const waitSmall = (afterSmall.list ?? 0) + (afterSmall.watch ?? 0);
      const waitBig = (all.list ?? 0) + (all.watch ?? 0) - waitSmall;
      console.log(
        `load: 10x10 wait requests ${waitSmall}, 100x10 wait requests ${waitBig}; 100x10 in ${big.json.durationMs} ms, peak RSS ${big.peakRssMb} MB (10x10: ${small.peakRssMb} MB)`,
      );
      // Ten times the workloads and pods: the wait's requests stay within a few re-watches of each other.
      expect(waitBig).toBeLessThanOrEqual(waitSmall + 10);
      expect(waitBig).toBeLessThan(40);
    } finally {
      await client.delete('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', undefined, `${ns.name}-gate`).catch(() => {});
    }
  }, 600_000);
});
