// Room for the 100 x 10 row: the test cluster has three KWOK nodes of 110 pods. The bench adds Node objects built by
// the cluster's own node definition (KWOK takes over anything labelled type=kwok) and deletes them afterwards.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitUntil } from './clock.js';
import { api, apiOk, type KubeAccess } from './kube-api.js';

const PREFIX = 'bench-node-';
const PODS_PER_NODE = 110;

interface ClusterNodeLib {
  workerNode(name: string, index: number, kubernetesVersion: string, kubeletPort?: number): any;
}

/** Adds enough nodes for `pods` more pods next to what already runs; returns the names it created. */
export async function addNodesFor(admin: KubeAccess, root: string, pods: number, log: (l: string) => void): Promise<string[]> {
  const free = await freePodSlots(admin);
  const missing = pods - free;
  if (missing <= 0) return [];
  const count = Math.ceil(missing / PODS_PER_NODE) + 1;
  // Plain JavaScript modules of the cluster scripts; imported by URL so the type checker does not need their types.
  const nodes = (await import(pathToFileURL(path.join(root, 'test/cluster/lib/nodes.mjs')).href)) as ClusterNodeLib;
  const version = (await apiOk(admin, 'GET', '/version')).gitVersion as string;
  // Pod logs go to the kubelet port the cluster's workers announce; the added nodes announce the same one.
  const workers = await apiOk(admin, 'GET', '/api/v1/nodes?labelSelector=type%3Dkwok');
  const kubeletPort = workers.items
    .map((n: any) => n.status?.daemonEndpoints?.kubeletEndpoint?.Port)
    .find((p: unknown) => typeof p === 'number' && p > 0);
  const names = Array.from({ length: count }, (_, i) => `${PREFIX}${i + 1}`);
  log(`adding ${count} KWOK node(s) for ${pods} pods (${free} free pod slots now)`);
  for (const [i, name] of names.entries()) {
    const res = await api(admin, 'POST', '/api/v1/nodes', nodes.workerNode(name, i, version, kubeletPort));
    if (res.status !== 201 && res.status !== 409) throw new Error(`create node ${name}: HTTP ${res.status}`);
  }
  const ready = await waitUntil(async () => {
    const readyNow = await readyNames(admin);
    return names.every((n) => readyNow.has(n));
  }, 60_000);
  if (ready) return names;
  throw new Error(`the added nodes did not become Ready within 60 s: ${names.join(', ')}`);
}

export async function removeNodes(admin: KubeAccess, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((n) => api(admin, 'DELETE', `/api/v1/nodes/${n}`)));
}

/** Nodes a bench run that was interrupted left behind. */
export async function leftoverNodes(admin: KubeAccess): Promise<string[]> {
  const list = await apiOk(admin, 'GET', '/api/v1/nodes');
  return list.items.map((n: any) => n.metadata.name as string).filter((n: string) => n.startsWith(PREFIX));
}

async function freePodSlots(admin: KubeAccess): Promise<number> {
  const [nodes, pods] = await Promise.all([apiOk(admin, 'GET', '/api/v1/nodes'), apiOk(admin, 'GET', '/api/v1/pods')]);
  const used = new Map<string, number>();
  for (const p of pods.items) {
    if (!p.spec?.nodeName || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    used.set(p.spec.nodeName, (used.get(p.spec.nodeName) ?? 0) + 1);
  }
  let free = 0;
  for (const n of nodes.items) {
    if (n.spec?.unschedulable || !isReady(n)) continue;
    free += Math.max(0, Number(n.status?.allocatable?.pods ?? 0) - (used.get(n.metadata.name) ?? 0));
  }
  return free;
}

async function readyNames(admin: KubeAccess): Promise<Set<string>> {
  const list = await apiOk(admin, 'GET', '/api/v1/nodes');
  return new Set(list.items.filter(isReady).map((n: any) => n.metadata.name as string));
}

function isReady(node: any): boolean {
  const tainted = (node.spec?.taints ?? []).some((t: any) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  return !tainted && (node.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}
