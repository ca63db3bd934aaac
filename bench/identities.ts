// Each tool runs as its own ServiceAccount, so the audit log tells its requests apart from everyone else's (other
// tests may use the same cluster, and the gate's user agent is shared by every gate process). The accounts live in a
// namespace of their own per bench run: a namespace still terminating from the last run cannot take new accounts.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { api, apiOk, type KubeAccess } from './kube-api.js';
import { BENCH_LABEL } from './lib/manifests.js';

export interface Identity {
  name: string;
  /** The audit log's user.username for this identity. */
  username: string;
  kubeconfig: string;
  kubeconfigText: string;
}

const identityNamespace = (runId: string) => `kdg-bench-${runId}`;

export async function createIdentities(
  admin: KubeAccess,
  names: readonly string[],
  dir: string,
  runId: string,
): Promise<Record<string, Identity>> {
  const namespace = identityNamespace(runId);
  const labels = { [BENCH_LABEL]: runId };
  await create(admin, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } });
  for (const name of names) {
    await create(admin, `/api/v1/namespaces/${namespace}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name },
    });
  }
  // The bench deploys into fresh namespaces and adds nodes, as an operator's CI credentials would.
  await create(admin, '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: namespace, labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: names.map((name) => ({ kind: 'ServiceAccount', name, namespace })),
  });
  const out: Record<string, Identity> = {};
  for (const name of names) {
    const token = await apiOk(admin, 'POST', `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`, {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 4 * 3600 },
    });
    const kubeconfigText = YAML.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'bench',
      clusters: [{ name: 'bench', cluster: { server: admin.server, 'certificate-authority-data': admin.caData } }],
      users: [{ name, user: { token: token.status.token } }],
      contexts: [{ name: 'bench', context: { cluster: 'bench', user: name, namespace: 'default' } }],
    });
    const kubeconfig = path.join(dir, `${name}.kubeconfig`);
    fs.writeFileSync(kubeconfig, kubeconfigText, { mode: 0o600 });
    out[name] = { name, username: `system:serviceaccount:${namespace}:${name}`, kubeconfig, kubeconfigText };
  }
  return out;
}

/** Removes this run's accounts, or (without a run) every bench binding an interrupted run left behind. */
export async function deleteIdentities(admin: KubeAccess, runId?: string): Promise<void> {
  const selector = encodeURIComponent(runId ? `${BENCH_LABEL}=${runId}` : BENCH_LABEL);
  await api(admin, 'DELETE', `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings?labelSelector=${selector}`);
  if (runId) await api(admin, 'DELETE', `/api/v1/namespaces/${identityNamespace(runId)}`);
}

async function create(admin: KubeAccess, collection: string, obj: any): Promise<void> {
  const res = await api(admin, 'POST', collection, obj);
  if (res.status !== 201)
    throw new Error(`create ${obj.kind} ${obj.metadata.name}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
}
