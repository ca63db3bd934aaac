// Fresh namespaces per tool and repetition, so no run sees another's objects, and a wait for their deletion so the
// next run starts on a quiet cluster.
import { waitUntil } from './clock.js';
import { api, type KubeAccess } from './kube-api.js';
import { BENCH_LABEL } from './lib/manifests.js';

export async function createNamespace(admin: KubeAccess, name: string, runId: string): Promise<void> {
  const res = await api(admin, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [BENCH_LABEL]: runId } },
  });
  if (res.status !== 201) throw new Error(`create namespace ${name}: HTTP ${res.status}`);
}

export async function deleteNamespaces(admin: KubeAccess, names: readonly string[], waitMs = 0): Promise<boolean> {
  await Promise.all(names.map((n) => api(admin, 'DELETE', `/api/v1/namespaces/${n}`)));
  let pending = [...names];
  return waitUntil(async () => {
    const gone = await Promise.all(pending.map(async (n) => (await api(admin, 'GET', `/api/v1/namespaces/${n}`)).status === 404));
    pending = pending.filter((_, i) => !gone[i]);
    return pending.length === 0;
  }, waitMs);
}

/**
 * Deletes namespaces of thousands of pods without waiting for the simulated kubelets to confirm each pod's end (minutes):
 * once a namespace is terminating nothing recreates its pods, so they are removed at once.
 */
export async function deleteCrowdedNamespaces(admin: KubeAccess, names: readonly string[], waitMs: number): Promise<boolean> {
  const deleting = deleteNamespaces(admin, names, waitMs);
  for (const n of names) {
    await waitUntil(async () => (await api(admin, 'GET', `/api/v1/namespaces/${n}`)).body?.status?.phase !== 'Active', 30_000, 200);
    const pods = ((await api(admin, 'GET', `/api/v1/namespaces/${n}/pods`)).body?.items ?? []).map((p: any) => p.metadata.name as string);
    // One request per pod, a few at a time: a single deletecollection of thousands outlives any request deadline.
    for (let i = 0; i < pods.length; i += 20) {
      const batch = pods
        .slice(i, i + 20)
        .map((p: string) => api(admin, 'DELETE', `/api/v1/namespaces/${n}/pods/${p}?gracePeriodSeconds=0`));
      await Promise.all(batch.map((r: Promise<unknown>) => r.catch(() => {})));
    }
  }
  return deleting;
}

/** Namespaces an interrupted earlier run left behind (they carry the bench label). */
export async function leftoverNamespaces(admin: KubeAccess): Promise<string[]> {
  const res = await api(admin, 'GET', `/api/v1/namespaces?labelSelector=${encodeURIComponent(BENCH_LABEL)}`);
  return (res.body?.items ?? []).filter((ns: any) => !ns.metadata.deletionTimestamp).map((ns: any) => ns.metadata.name);
}

let counter = 0;
export function namespaceName(row: string, tool: string, rep: number): string {
  return `bench-${row}-${tool}-${rep}-${(Date.now() % 1e6).toString(36)}${counter++}`;
}

/**
 * The kube-system namespace's UID: it changes when the test cluster is torn down and started again, which would
 * silently mix two clusters' numbers in one table (other work shares this cluster).
 */
export async function clusterIdentity(admin: KubeAccess): Promise<string> {
  const res = await api(admin, 'GET', '/api/v1/namespaces/kube-system');
  return res.status === 200 ? String(res.body.metadata.uid) : `unreachable (HTTP ${res.status})`;
}
