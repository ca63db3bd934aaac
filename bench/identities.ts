// Each tool runs as its own ServiceAccount, so the audit log tells its requests apart from everyone else's (other
// tests may use the same cluster, and the gate's user agent is shared by every gate process).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { api, apiOk, type KubeAccess } from './kube-api.js';

export const BENCH_SYSTEM_NAMESPACE = 'kdg-bench-system';
const BINDING = 'kdg-bench-cluster-admin';

export interface Identity {
  name: string;
  /** The audit log's user.username for this identity. */
  username: string;
  kubeconfig: string;
  kubeconfigText: string;
}

export async function createIdentities(admin: KubeAccess, names: readonly string[], dir: string): Promise<Record<string, Identity>> {
  await ensure(admin, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: BENCH_SYSTEM_NAMESPACE } });
  const subjects = names.map((name) => ({ kind: 'ServiceAccount', name, namespace: BENCH_SYSTEM_NAMESPACE }));
  for (const name of names) {
    await ensure(admin, `/api/v1/namespaces/${BENCH_SYSTEM_NAMESPACE}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
  }
  // The bench deploys into fresh namespaces and adds nodes, as an operator's CI credentials would.
  await apiOk(admin, 'PATCH', `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${BINDING}?fieldManager=kdg-bench&force=true`, {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: BINDING },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects,
  }, 'application/apply-patch+yaml');
  const out: Record<string, Identity> = {};
  for (const name of names) {
    const token = await apiOk(admin, 'POST', `/api/v1/namespaces/${BENCH_SYSTEM_NAMESPACE}/serviceaccounts/${name}/token`, {
      apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 4 * 3600 },
    });
    const kubeconfigText = YAML.stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'bench',
      clusters: [{ name: 'bench', cluster: { server: admin.server, 'certificate-authority-data': admin.caData } }],
      users: [{ name, user: { token: token.status.token } }],
      contexts: [{ name: 'bench', context: { cluster: 'bench', user: name, namespace: 'default' } }],
    });
    const kubeconfig = path.join(dir, `${name}.kubeconfig`);
    fs.writeFileSync(kubeconfig, kubeconfigText, { mode: 0o600 });
    out[name] = { name, username: `system:serviceaccount:${BENCH_SYSTEM_NAMESPACE}:${name}`, kubeconfig, kubeconfigText };
  }
  return out;
}

export async function deleteIdentities(admin: KubeAccess): Promise<void> {
  await api(admin, 'DELETE', `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${BINDING}`);
  await api(admin, 'DELETE', `/api/v1/namespaces/${BENCH_SYSTEM_NAMESPACE}`);
}

async function ensure(admin: KubeAccess, collection: string, obj: any): Promise<void> {
  const res = await api(admin, 'POST', collection, obj);
  if (res.status !== 201 && res.status !== 409) throw new Error(`create ${obj.kind} ${obj.metadata.name}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
}
