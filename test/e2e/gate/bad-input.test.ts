// Issue 8's bad-input corpus: every case ends with one clear message naming the file/object and what to do, exit 2,
// no stack trace, and nothing applied when validation fails before the apply.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { deployment, kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';
import { serverUrl, writeKubeconfig } from './credentials.js';

const client = testClient();
const ns = useNamespace(client, 'bad');
let notKube: https.Server;
let notKubeUrl: string;
beforeAll(async () => {
  // An HTTPS server the kubeconfig's CA trusts (it reuses the test apiserver's certificate) that is a web server.
  const pki = path.join(path.dirname(kubeconfigPath), 'pki');
  notKube = https.createServer(
    { cert: fs.readFileSync(path.join(pki, 'apiserver.crt')), key: fs.readFileSync(path.join(pki, 'apiserver.key')) },
    (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome to nginx!</body></html>');
    },
  );
  await new Promise<void>((r) => notKube.listen(0, '127.0.0.1', r));
  notKubeUrl = `https://127.0.0.1:${(notKube.address() as any).port}`;
});
afterAll(async () => {
  notKube.close();
});

const CANARY = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: canary\ndata: {a: b}\n';
const good = () => writeManifests({ 'a.yaml': CANARY, 'b.yaml': deployment('ok') });

async function deploy(args: string[], kubeconfig = kubeconfigPath) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['deploy', '--output', 'json', '--kubeconfig', kubeconfig, '--timeout', '20s', '-n', ns.name, ...args], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  const text = out.join('');
  const json = text.trim().startsWith('{') ? JSON.parse(text) : null;
  return { code, json, stderr: err.join(''), message: json?.error ?? err.join('') };
}

function expectClean(r: { code: number; message: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.message).toMatch(pattern);
  expect(r.message).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

async function canaryApplied(): Promise<boolean> {
  return (await client.get('v1', 'ConfigMap', ns.name, 'canary')) !== null;
}

const files = (f: Record<string, string>) => writeManifests(f);

describe('bad input: one clear message, exit 2, nothing applied', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['empty manifest list', () => [], /no manifests given/],
    ['glob matching nothing', () => ['-f', `${good()}/*.nothing`], /the glob ".*\*\.nothing" matched no manifest files/],
    ['missing path', () => ['-f', '/nonexistent/app.yaml'], /manifest path "\/nonexistent\/app.yaml" does not exist/],
    [
      'invalid YAML',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'kind: [Deployment\n' })],
      /invalid YAML in .*b\.yaml at line \d+, column \d+: Flow sequence in block collection/,
    ],
    [
      'a document that is not an object',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': '42\n' })],
      /b\.yaml, document 1 \(line 1\) is not a Kubernetes object/,
    ],
    [
      'missing apiVersion and kind',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'metadata: {name: x}\n' })],
      /has no apiVersion and kind/,
    ],
    [
      'missing name',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\n' })],
      /ConfigMap has no metadata.name/,
    ],
    [
      'duplicate objects',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': CANARY })],
      /ConfigMap .*canary .* is declared twice: also in .*a\.yaml, document 1/,
    ],
    [
      'a 5 MB manifest',
      () => [
        '-f',
        files({
          'a.yaml': CANARY,
          'b.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "${'y'.repeat(5_000_000)}"}\n`,
        }),
      ],
      /ConfigMap big is 5\.0 MB/,
    ],
    [
      'a binary file',
      () => {
        const dir = files({ 'a.yaml': CANARY });
        fs.writeFileSync(path.join(dir, 'b.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
        return ['-f', dir];
      },
      /b\.yaml is a binary file/,
    ],
    [
      'unknown kind',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: Deploymnet\nmetadata: {name: x}\n' })],
      /Deploymnet x .*b\.yaml, document 1\): no matches for kind "Deploymnet" in version "v1"/,
    ],
    [
      'CRD not installed',
      () => [
        '-f',
        files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: x}\n' }),
      ],
      /no matches for kind "ServiceMonitor" in version "monitoring.coreos.com\/v1": is the CRD installed/,
    ],
    [
      'namespace missing',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }), '-n', 'does-not-exist'],
      /namespace "does-not-exist" does not exist .* nothing was applied/,
    ],
    [
      'wrong namespace with a fixed namespace input',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: other}\n' })],
      /declares namespace "other" but the namespace input is "bad-/,
    ],
    ['invalid timeout', () => ['-f', good(), '--timeout', 'forever'], /input timeout: "forever" is not a duration/],
    [
      'invalid images',
      () => ['-f', good(), '--image', 'nginx=nginx:not a tag'],
      /images: "nginx=nginx:not a tag" is not a valid image substitution/,
    ],
    [
      'unknown input value',
      () => ['-f', good(), '--rollback-scope', 'everything'],
      /input rollback-scope: "everything" is not one of all-changed, failed-only/,
    ],
    ['unknown flag', () => ['-f', good(), '--dry-run'], /unknown option --dry-run/],
  ];
  it.each(cases)('%s', async (_name, args, pattern) => {
    const r = await deploy(args());
    expectClean(r, pattern);
    if (r.json) expect(r.json.verdict).toBe('error');
    expect(await canaryApplied()).toBe(false);
  });

  it('an invalid object is refused by the API with its reason', async () => {
    const r = await deploy([
      '-f',
      files({ 'b.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nosel}\nspec: {template: {spec: {containers: []}}}\n' }),
    ]);
    expectClean(r, /Deployment .*nosel .* is invalid: .*spec\.selector: Required value/);
  });

  it('a field another apply owner holds stops the deploy, naming owner, time and values, and conflicts: force', async () => {
    await client.apply(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owned', namespace: ns.name }, data: { k: 'theirs' } },
      'someone-else',
      false,
    );
    const r = await deploy(['-f', files({ 'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: owned}\ndata: {k: ours}\n' })]);
    expectClean(
      r,
      /\.data\.k is held by "someone-else" \(Apply at [\dT:-]+Z\), another declarative owner: it is "theirs", this deploy sets "ours"\n.*set conflicts: force \(force-conflicts: true\) to take them over\. Nothing was applied\./s,
    );
  });
});

describe('bad kubeconfig: one clear message, exit 2', () => {
  const tmp = (text: string) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-kc-')), 'config');
    fs.writeFileSync(f, text);
    return f;
  };
  const cases: [string, () => string, RegExp][] = [
    ['empty', () => tmp(''), /is not a valid kubeconfig|names no current cluster/],
    ['invalid', () => tmp('{{{ not yaml'), /is not a valid kubeconfig/],
    ['missing file', () => '/nonexistent/kubeconfig', /kubeconfig file \/nonexistent\/kubeconfig does not exist/],
    [
      'expired or invalid token',
      () => writeKubeconfig(serverUrl(), { token: 'expired.token.value' }),
      /rejected the credentials \(401 Unauthorized\).*expired or invalid/,
    ],
    [
      'wrong CA',
      () => writeKubeconfig(serverUrl(), { token: 'x' }, Buffer.from(selfSignedCa()).toString('base64')),
      /certificate the kubeconfig's CA does not trust/,
    ],
    [
      'plain http without insecure-skip-tls-verify',
      () => writeKubeconfig('http://127.0.0.1:1', { token: 'x' }),
      /server http:\/\/127\.0\.0\.1:1 uses plain HTTP/,
    ],
    [
      'unreachable server',
      () => writeKubeconfig('https://127.0.0.1:1', { token: 'x' }),
      /cannot reach the Kubernetes API at https:\/\/127\.0\.0\.1:1: connection refused/,
    ],
    ['a server that is not Kubernetes', () => writeKubeconfig(notKubeUrl, { token: 'x' }), /is not a Kubernetes API server/],
  ];
  it.each(cases)('%s', async (_name, kubeconfig, pattern) => {
    const r = await deploy(['-f', good()], kubeconfig());
    expectClean(r, pattern);
    expect(await canaryApplied()).toBe(false);
  });

  it('an unknown context', async () => {
    const r = await deploy(['-f', good(), '--context', 'prod-eu']);
    expectClean(r, /context "prod-eu" is not in the kubeconfig \(contexts: kdg-test\)/);
  });
});

function selfSignedCa(): string {
  // Any valid CA that did not sign the apiserver's certificate.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-ca-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/k`, '-out', `${dir}/c`, '-days', '1', '-subj', '/CN=other-ca'],
    { stdio: 'ignore' },
  );
  return fs.readFileSync(`${dir}/c`, 'utf8');
}
