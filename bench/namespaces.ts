// Fresh namespaces per tool and repetition, so no run sees another's objects, and a wait for their deletion so the
// next run starts on a quiet cluster.
import { api, type KubeAccess } from './kube-api.js';
import { BENCH_LABEL } from './lib/manifests.js';

export async function createNamespace(admin: KubeAccess, name: string, runId: string): Promise<void> {
  const res = await api(admin, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [BENCH_LABEL]: runId } } });
  if (res.status !== 201) throw new Error(`create namespace ${name}: HTTP ${res.status}`);
}

export async function deleteNamespaces(admin: KubeAccess, names: readonly string[], waitMs = 0): Promise<boolean> {
  await Promise.all(names.map((n) => api(admin, 'DELETE', `/api/v1/namespaces/${n}`)));
  const until = Date.now() + waitMs;
  let pending = [...names];
  while (pending.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const gone = await Promise.all(pending.map(async (n) => (await api(admin, 'GET', `/api/v1/namespaces/${n}`)).status === 404));
    pending = pending.filter((_, i) => !gone[i]);
  }
  return pending.length === 0;
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
