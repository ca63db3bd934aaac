// dist/cli.js leaves out the parts of @kubernetes/client-node the gate does not call (scripts/build.mjs): prove
// the bundle still authenticates the way users' kubeconfigs do, here through an exec credential plugin (as EKS,
// GKE and AKS kubeconfigs do), with the token the plugin prints and nothing else.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNamespace, deployment, freshNamespace, projectRoot, testClient, writeManifests } from './harness.js';
import { serverUrl, serviceAccountToken, writeKubeconfig } from './credentials.js';

const client = testClient();
let ns: string;
beforeAll(async () => {
  ns = await freshNamespace(client, 'bundle');
});
afterAll(async () => {
  await deleteNamespace(client, ns);
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the bundle', () => {
  it('deploys with credentials from an exec plugin', async () => {
    const sa = 'exec-gate';
    const token = await serviceAccountToken(client, ns, sa);
    await client.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: sa, namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns }],
    }, 'e2e', true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-exec-'));
    const plugin = path.join(dir, 'credential-plugin.mjs');
    const calls = path.join(dir, 'calls');
    fs.writeFileSync(plugin, [
      `import fs from 'node:fs';`,
      `fs.appendFileSync(${JSON.stringify(calls)}, 'called\\n');`,
      `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(token)} } }));`,
    ].join('\n'));
    const kubeconfig = writeKubeconfig(serverUrl(), {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin], interactiveMode: 'Never' },
    } as unknown as Record<string, string>);

    const run = await runCli(['deploy', '-f', writeManifests({ 'd.yaml': deployment('exec-app') }), '-n', ns, '--kubeconfig', kubeconfig, '--timeout', '60s', '--output', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'healthy', workloads: [{ name: 'exec-app', done: true }] });
    expect(fs.readFileSync(calls, 'utf8')).toMatch(/called/);
    expect(run.stdout + run.stderr).not.toContain(token);
  });
});
