// Issue 21: the inputs Azure/k8s-deploy users bring. image-pull-secrets lands in every applied pod template and a
// wrong Secret stops the run before anything is applied; a manifest served over https by a local server (with a
// private CA, trusted the way users trust one: NODE_EXTRA_CA_CERTS) is deployed; a URL that hangs or is too large,
// or whose certificate is not trusted, is one clear exit-2 error. The CLI runs as users run it: a bundle of the
// sources (esbuild, in a temp folder; dist/ is the lead's to rebuild), spawned with the environment a step gives it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { deployment, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import type { Pod, Workload } from '../../../src/k8s/objects.js';

const client = testClient();
const ns = useNamespace(client, 'inputs');
const CANARY = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: canary\ndata: {a: b}\n';

let work: string;
let cli: string;
let caFile: string;
let server: https.Server;
let base: string;

/** A CA and a certificate it signs for 127.0.0.1, made now: nothing is trusted that the test did not make. */
function makePki(dir: string): { ca: string; cert: string; key: string } {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=kdg-e2e-ca',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr'));
  fs.writeFileSync(file('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('ext.cnf'),
    '-out',
    file('server.pem'),
  );
  return { ca: file('ca.pem'), cert: fs.readFileSync(file('server.pem'), 'utf8'), key: fs.readFileSync(file('server.key'), 'utf8') };
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-inputs-'));
  const pki = makePki(work);
  caFile = pki.ca;
  server = https.createServer({ cert: pki.cert, key: pki.key }, (req, res) => {
    switch (req.url) {
      case '/k8s/web.yaml':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end(`${CANARY.replace('canary', 'from-url-config')}---\n${deployment('from-url', { replicas: 1 })}\n`);
      case '/k8s/moved.yaml':
        res.writeHead(301, { location: '/k8s/web.yaml' });
        return res.end();
      case '/k8s/huge.yaml':
        // 11 MiB of comments, sent without a content-length: the limit must hold while reading.
        for (let i = 0; i < 11; i++) res.write(`# ${'x'.repeat(1024 * 1024 - 3)}\n`);
        return res.end();
      case '/k8s/hangs.yaml':
        return; // never answers
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  cli = path.join(work, 'cli.cjs');
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: ['src/cli-entry.ts'],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile: cli,
    logLevel: 'error',
  });
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; json: any; stderr: string }> {
  const child = spawn(process.execPath, [cli, 'deploy', '--output', 'json', '--kubeconfig', kubeconfigPath, '-n', ns.name, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, json: stdout.trim().startsWith('{') ? JSON.parse(stdout) : null, stderr })),
  );
}

async function deployInProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['deploy', '--output', 'json', '--kubeconfig', kubeconfigPath, '--timeout', '30s', '-n', ns.name, ...args], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, json: JSON.parse(out.join('')), stderr: err.join('') };
}

const pullSecret = (name: string, type = 'kubernetes.io/dockerconfigjson') => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: ns.name },
  type,
  data:
    type === 'kubernetes.io/dockerconfigjson'
      ? { '.dockerconfigjson': Buffer.from(JSON.stringify({ auths: { 'ghcr.io': { auth: 'dTpw' } } })).toString('base64') }
      : { token: 'c2VjcmV0' },
});

describe('image-pull-secrets', () => {
  it('lands in every applied pod template, once, after the ones it lists', async () => {
    await client.apply(pullSecret('regcred'), 'e2e', true);
    await client.apply(pullSecret('mirror'), 'e2e', true);
    const job = JSON.stringify({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: {
        template: {
          spec: { restartPolicy: 'Never', imagePullSecrets: [{ name: 'mirror' }], containers: [{ name: 'm', image: 'ghcr.io/acme/m:1' }] },
        },
      },
    });
    const dir = writeManifests({ 'web.yaml': deployment('pulls', { replicas: 1 }), 'job.yaml': job });
    const r = await deployInProcess(['-f', dir, '--image-pull-secret', 'regcred', '--image-pull-secret', 'mirror']);
    expect(r.code, r.json.error ?? r.stderr).toBe(0);
    const web = await client.get<Workload>('apps/v1', 'Deployment', ns.name, 'pulls');
    expect(web?.spec?.template?.spec?.imagePullSecrets).toEqual([{ name: 'regcred' }, { name: 'mirror' }]);
    const migrate = await client.get<Workload>('batch/v1', 'Job', ns.name, 'migrate');
    expect(migrate?.spec?.template?.spec?.imagePullSecrets).toEqual([{ name: 'mirror' }, { name: 'regcred' }]);
    const pods = await client.list<Pod>('v1', 'Pod', ns.name, { labelSelector: 'app=pulls' });
    expect(pods.map((p) => p.spec?.imagePullSecrets)).toEqual([[{ name: 'regcred' }, { name: 'mirror' }]]);
  });

  it.each([
    [
      'missing',
      () => undefined,
      /^image-pull-secrets: Secret "absent" does not exist in namespace "inputs-[^"]+" \(needed by Deployment inputs-[^ ]+\/refused \(.*refused\.yaml, document 1\)\): create it \(kubectl create secret docker-registry absent -n inputs-\S+ \.\.\.\) or add it to the manifests; nothing was applied$/,
    ],
    [
      'of another type',
      () => client.apply(pullSecret('absent', 'Opaque'), 'e2e', true),
      /^image-pull-secrets: Secret "absent" in namespace "inputs-[^"]+" is of type Opaque, not kubernetes\.io\/dockerconfigjson: create it with kubectl create secret docker-registry absent/,
    ],
  ])('a Secret that is %s: exit 2, one message naming it, nothing applied', async (_, prepare, message) => {
    await prepare();
    const dir = writeManifests({ 'canary.yaml': CANARY, 'refused.yaml': deployment('refused', { replicas: 1 }) });
    const r = await deployInProcess(['-f', dir, '--image-pull-secret', 'absent']);
    expect(r.code).toBe(2);
    expect(r.json.verdict).toBe('error');
    expect(r.json.error).toMatch(message);
    expect(await client.get('v1', 'ConfigMap', ns.name, 'canary')).toBeNull();
    expect(await client.get('apps/v1', 'Deployment', ns.name, 'refused')).toBeNull();
  });
});

describe('manifests from https:// URLs', () => {
  it('a manifest served over https (private CA trusted through NODE_EXTRA_CA_CERTS) is deployed, redirects followed', async () => {
    const r = await spawnCli(['-f', `${base}/k8s/moved.yaml`, '--timeout', '60s'], { NODE_EXTRA_CA_CERTS: caFile });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.verdict).toBe('healthy');
    expect(r.json.workloads).toMatchObject([{ kind: 'Deployment', name: 'from-url', done: true }]);
    expect(r.stderr).toContain('applying 2 object(s) from 1 URL(s)');
    expect(await client.get('v1', 'ConfigMap', ns.name, 'from-url-config')).not.toBeNull();
  });

  it.each([
    ['hangs', ['--timeout', '3s'], "could not fetch manifest BASE/k8s/hangs.yaml: no complete answer before the run's timeout"],
    ['is over 10 MiB', [], 'could not fetch manifest BASE/k8s/huge.yaml: it is larger than 10 MiB, the most a manifest URL may hold'],
    ['is not there', [], 'could not fetch manifest BASE/k8s/gone.yaml: the server answered 404 Not Found'],
  ])('a URL that %s: exit 2, one message naming the URL, nothing applied', async (what, args, message) => {
    const file = { hangs: 'hangs', 'is over 10 MiB': 'huge', 'is not there': 'gone' }[what];
    const dir = writeManifests({ 'canary-url.yaml': CANARY.replace('canary', 'canary-url') });
    const started = Date.now();
    const r = await spawnCli(['-f', dir, '-f', `${base}/k8s/${file}.yaml`, ...args], { NODE_EXTRA_CA_CERTS: caFile });
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ verdict: 'error', error: message.replace('BASE', base) });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (what === 'hangs') expect(Date.now() - started).toBeLessThan(15_000);
    expect(await client.get('v1', 'ConfigMap', ns.name, 'canary-url')).toBeNull();
  });

  it('a certificate nobody said to trust: exit 2, and the message says how to trust a private CA', async () => {
    const r = await spawnCli(['-f', `${base}/k8s/web.yaml`]);
    expect(r.code).toBe(2);
    expect(r.json.error).toMatch(
      new RegExp(
        `^could not fetch manifest ${base.replace(/\./g, '\\.')}/k8s/web\\.yaml: its TLS certificate is not trusted \\(\\w+\\); for a private CA, set NODE_EXTRA_CA_CERTS`,
      ),
    );
  });

  it('plain http:// is refused unless allow-http-manifests', async () => {
    const r = await deployInProcess(['-f', 'http://127.0.0.1:9/k8s/web.yaml']);
    expect(r.code).toBe(2);
    expect(r.json.error).toBe(
      'manifest http://127.0.0.1:9/k8s/web.yaml: plain http:// is refused (anyone on the way can change what is deployed); use https://, or set allow-http-manifests: true',
    );
  });
});
