// Issue 8's bad-input corpus: every case ends with one clear message naming the file/object and what to do, exit 2,
// no stack trace, and nothing applied when validation fails before the apply.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { deployment, kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';
import { serverUrl, writeKubeconfig } from './credentials.js';
import { tempDir } from '../../support/temp-dir.js';

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
    // Issue 22: the hardening corpus, one or more cases per class.
    ['a switch given "no" (item 3)', () => ['-f', good(), '--force-conflicts=no'], /--force-conflicts=no: a switch is true or false/],
    [
      'a switch given a separate value (item 3)',
      () => ['-f', good(), '--rollback', 'false'],
      /--rollback takes no separate value: write --rollback=false/,
    ],
    ['a manifest as a positional argument (item 20)', () => [good()], /unexpected argument ".*": pass manifests with -f/],
    ['a flag value that is another flag (item 20)', () => ['-n', '-f', good()], /-n needs a value, not the option "-f"/],
    [
      'an invalid name in the middle of a file (item 5)',
      () => [
        '-f',
        files({
          'a.yaml': `${CANARY}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name}\n---\n${CANARY.replace('canary', 'c2')}`,
        }),
      ],
      /a\.yaml, document 2 \(line \d+\): ConfigMap name "Bad_Name" is invalid: it must be a lowercase RFC 1123 subdomain/,
    ],
    [
      'a Service name that is a subdomain, not a label (item 5)',
      () => [
        '-f',
        files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web.v2}\nspec: {ports: [{port: 80}]}\n' }),
      ],
      /Service name "web\.v2" is invalid: it must be a lowercase RFC 1123 label/,
    ],
    [
      'a name of ".." (item 6)',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ".."}\n' })],
      /ConfigMap name "\.\." is invalid: it may not be "\.\."/,
    ],
    [
      'a name with an encoded slash (item 6)',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: "x%2F..%2Fy"}\n' })],
      /Secret name "x%2F\.\.%2Fy" is invalid: it may not contain "%"/,
    ],
    [
      'a role name with a slash (item 6)',
      () => [
        '-f',
        files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: "a/b"}\n' }),
      ],
      /Role name "a\/b" is invalid: it may not contain "\/"/,
    ],
    [
      'an apiVersion that walks the path (item 6)',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1/../../version\nkind: ConfigMap\nmetadata: {name: x}\n' })],
      /apiVersion "v1\/\.\.\/\.\.\/version" must be "VERSION" or "GROUP\/VERSION"/,
    ],
    [
      'a numeric name (item 16)',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 12345}\n' })],
      /ConfigMap metadata\.name must be a string, not the number 12345 \(quote it: name: "12345"\)/,
    ],
    [
      'a numeric kind (item 16)',
      () => ['-f', files({ 'a.yaml': CANARY, 'b.yaml': 'apiVersion: v1\nkind: 42\nmetadata: {name: x}\n' })],
      /b\.yaml, document 1 \(line 1\): kind must be a string, not the number 42/,
    ],
    [
      'a YAML alias bomb (items 13, 14)',
      () => {
        const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
        for (let i = 1; i <= 9; i++)
          lines.push(
            `a${i}: &a${i} [${Array(10)
              .fill(`*a${i - 1}`)
              .join(', ')}]`,
          );
        return [
          '-f',
          files({
            'a.yaml': CANARY,
            'b.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  ${lines.join('\n  ')}\n`,
          }),
        ];
      },
      /b\.yaml, document 1 uses YAML aliases \(\*name\) that expand to too much data/,
    ],
    [
      'a misspelled field (item 4)',
      () => ['-f', files({ 'b.yaml': deployment('typo').replace('"replicas"', '"replicass"') })],
      /Deployment .*typo .* is invalid: spec\.replicass is not a field of Deployment apps\/v1 \(the API server refuses unknown fields in server-side apply\): fix the field name or its indentation/,
    ],
    [
      'a field at the wrong indentation (item 4)',
      () => ['-f', files({ 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {a: b}\nlabels: {app: web}\n' })],
      /ConfigMap .*extra .* is invalid: labels is not a field of ConfigMap v1/,
    ],
    [
      'an unknown field-validation value (item 4)',
      () => ['-f', good(), '--field-validation', 'Ignore'],
      /input field-validation: "Ignore" is not one of Strict, Warn/,
    ],
    [
      'a timeout Node cannot hold (item 2)',
      () => ['-f', good(), '--timeout', '600h'],
      /input timeout: "600h" is longer than the gate can wait .* use at most 596h/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, pattern) => {
    const r = await deploy(args());
    expectClean(r, pattern);
    if (r.json) expect(r.json.verdict).toBe('error');
    expect(await canaryApplied()).toBe(false);
  });

  it('an object the server refuses after others were applied: the error lists exactly what was applied (item 5)', async () => {
    const r = await deploy([
      '-f',
      files({
        'a.yaml': CANARY.replace('canary', 'applied-first'),
        'b.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nosel2}\nspec: {template: {spec: {containers: []}}}\n',
      }),
    ]);
    expectClean(
      r,
      /Deployment .*nosel2 .* is invalid: .*spec\.selector: Required value.*Applied before the refusal, and left as applied \(not waited for, not rolled back\): ConfigMap bad-[\w-]+\/applied-first \(created\)/s,
    );
    expect(await client.get('v1', 'ConfigMap', ns.name, 'applied-first')).not.toBeNull();
  });

  it("the server's warnings are printed, and field-validation is Strict unless relaxed to Warn (item 4)", async () => {
    const audit = path.join(path.dirname(kubeconfigPath), 'logs', 'audit.log');
    const from = fs.statSync(audit).size;
    const manifest = (name: string) =>
      deployment(name).replace('"containers"', '"nodeSelector": {"beta.kubernetes.io/arch": "amd64"}, "containers"');
    const strict = await deploy(['-f', files({ 's.yaml': manifest('warned-strict') })]);
    const warn = await deploy(['-f', files({ 'w.yaml': manifest('warned-warn') }), '--field-validation', 'Warn']);
    for (const r of [strict, warn]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/warning from the API server: spec\.template\.spec\.nodeSelector\[beta\.kubernetes\.io\/arch\]: deprecated/);
    }
    // What the gate sent, as the API server recorded it.
    const sent = (name: string) => {
      const text = fs.readFileSync(audit, 'utf8').slice(from);
      return [...text.matchAll(/"requestURI":"([^"]*deployments\/([\w-]+)\?[^"]*)"/g)].filter((m) => m[2] === name).map((m) => m[1]);
    };
    await expect.poll(() => sent('warned-warn').length).toBeGreaterThan(0);
    expect(sent('warned-strict').filter((u) => u.includes('fieldManager='))).toEqual([expect.stringContaining('fieldValidation=Strict')]);
    expect(sent('warned-warn').filter((u) => u.includes('fieldManager='))).toEqual([expect.stringContaining('fieldValidation=Warn')]);
  });

  it('a brace glob is one pattern, not split at its comma (item 8)', async () => {
    const dir = files({
      'x.yaml': CANARY.replace('canary', 'brace-x'),
      'y.yaml': CANARY.replace('canary', 'brace-y'),
      'z.yaml': CANARY.replace('canary', 'brace-z'),
    });
    const r = await deploy(['-f', `${dir}/{x,y}.yaml`]);
    expect(r.code, r.stderr).toBe(0);
    expect(await client.get('v1', 'ConfigMap', ns.name, 'brace-y')).not.toBeNull();
    expect(await client.get('v1', 'ConfigMap', ns.name, 'brace-z')).toBeNull();
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
    const f = path.join(tempDir('kdg-kc'), 'config');
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
  const dir = tempDir('kdg-ca');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/k`, '-out', `${dir}/c`, '-days', '1', '-subj', '/CN=other-ca'],
    { stdio: 'ignore' },
  );
  return fs.readFileSync(`${dir}/c`, 'utf8');
}
