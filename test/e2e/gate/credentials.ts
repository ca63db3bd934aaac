// Kubeconfigs for tests that need other credentials than the admin's: a ServiceAccount's token (real RBAC), a
// broken token, a wrong CA, another server.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { KubeClient } from '../../../src/kube/client.js';
import { kubeconfigPath } from './harness.js';
import { tempDir } from '../../support/temp-dir.js';

export function adminConfig(): any {
  return parse(fs.readFileSync(kubeconfigPath, 'utf8'));
}

export function writeKubeconfig(
  server: string,
  user: Record<string, string>,
  caData?: string,
  cluster: Record<string, string> = {},
): string {
  const admin = adminConfig();
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'test',
    clusters: [
      {
        name: 'test',
        cluster: { server, 'certificate-authority-data': caData ?? admin.clusters[0].cluster['certificate-authority-data'], ...cluster },
      },
    ],
    users: [{ name: 'test', user }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'test' } }],
  };
  const file = path.join(tempDir('kdg-kc'), 'kubeconfig');
  fs.writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
  return file;
}

export async function serviceAccountToken(client: KubeClient, namespace: string, name: string): Promise<string> {
  await client.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }, 'e2e', true);
  const res = await client.http.request<{ status: { token: string } }>(`/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`, {
    method: 'POST',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 3600 } },
  });
  return res.status.token;
}

export async function bindRole(client: KubeClient, namespace: string, sa: string, rules: unknown[]): Promise<void> {
  await client.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: sa, namespace }, rules }, 'e2e', true);
  await client.apply(
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: sa, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: sa },
      subjects: [{ kind: 'ServiceAccount', name: sa, namespace }],
    },
    'e2e',
    true,
  );
}

export const serverUrl = () => adminConfig().clusters[0].cluster.server as string;
