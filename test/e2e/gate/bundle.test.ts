// dist/cli.js leaves out the parts of @kubernetes/client-node the gate does not call, and loads rarely used packages
// from dist/lazy/ on first use (scripts/build.mjs): prove the bundle still connects and authenticates the way users'
// kubeconfigs do, through an exec credential plugin (as EKS, GKE and AKS kubeconfigs do) and a SOCKS5 proxy-url.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployment, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import { serverUrl, serviceAccountToken, writeKubeconfig } from './credentials.js';
import { startSocksProxy } from './socks-proxy.js';
import { tempDir } from '../../support/temp-dir.js';

const client = testClient();
const ns = useNamespace(client, 'bundle');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A token for a service account that may deploy in the test's namespace. */
async function namespaceAdminToken(sa: string): Promise<string> {
  const token = await serviceAccountToken(client, ns.name, sa);
  await client.apply(
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: sa, namespace: ns.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns.name }],
    },
    'e2e',
    true,
  );
  return token;
}

describe('the bundle', () => {
  it('deploys with credentials from an exec plugin', async () => {
    const token = await namespaceAdminToken('exec-gate');
    const dir = tempDir('kdg-exec');
    const plugin = path.join(dir, 'credential-plugin.mjs');
    const calls = path.join(dir, 'calls');
    fs.writeFileSync(
      plugin,
      [
        `import fs from 'node:fs';`,
        `fs.appendFileSync(${JSON.stringify(calls)}, 'called\\n');`,
        `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(token)} } }));`,
      ].join('\n'),
    );
    const kubeconfig = writeKubeconfig(serverUrl(), {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin], interactiveMode: 'Never' },
    } as unknown as Record<string, string>);

    const run = await runCli([
      'deploy',
      '-f',
      writeManifests({ 'd.yaml': deployment('exec-app') }),
      '-n',
      ns.name,
      '--kubeconfig',
      kubeconfig,
      '--timeout',
      '60s',
      '--output',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'healthy', workloads: [{ name: 'exec-app', done: true }] });
    expect(fs.readFileSync(calls, 'utf8')).toMatch(/called/);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('deploys through a SOCKS5 proxy-url, with the proxy agent loaded from dist/lazy/', async () => {
    const proxy = await startSocksProxy();
    try {
      const kubeconfig = writeKubeconfig(serverUrl(), { token: await namespaceAdminToken('socks-gate') }, undefined, {
        'proxy-url': proxy.url,
      });
      const run = await runCli([
        'deploy',
        '-f',
        writeManifests({ 'd.yaml': deployment('socks-app') }),
        '-n',
        ns.name,
        '--kubeconfig',
        kubeconfig,
        '--timeout',
        '60s',
        '--output',
        'json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'healthy', workloads: [{ name: 'socks-app', done: true }] });
      const api = new URL(serverUrl());
      expect(proxy.connects.length).toBeGreaterThan(0);
      expect(new Set(proxy.connects)).toEqual(new Set([`${api.hostname}:${api.port}`]));
    } finally {
      await proxy.close();
    }
  });
});
