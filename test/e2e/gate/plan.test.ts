// Issue 18, what changes: `plan` on the test cluster, through the CLI. A plan that creates three objects and changes
// two shows the changed fields and never a Secret's value, predicts nothing for a change that will roll out (exit 0),
// and writes nothing: every resourceVersion is the same afterwards and every write the gate sent was a dry run.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';
import { auditMark, cli, deploy, deployment, expectNothingWritten, plan, resourceVersions, yamlOf } from './plan-support.js';
import { tempDir } from '../../support/temp-dir.js';

const client = testClient();
const ns = useNamespace(client, 'plan');

const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shop-config' }, data: { MODE: 'prod' } };
const secret = (password: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db' },
  stringData: { user: 'shop', password },
});
const web = (image: string, memory: string) =>
  deployment('web', {
    replicas: 3,
    image,
    container: {
      resources: { limits: { memory } },
      env: [
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api-token', key: 'token' } } },
      ],
    },
  });
const token = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-token' }, stringData: { token: 's3cr3t-t0ken-value' } };

const V1 = [config, secret('first-Pa55word'), token, web('ghcr.io/acme/shop:1.4.2', '512Mi')];
const V2 = [
  config, // unchanged
  secret('second-Pa55word'), // changed value
  token, // unchanged
  web('ghcr.io/acme/shop:1.4.3', '256Mi'), // changed
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'feature-flags' }, data: { CHECKOUT_V2: 'on' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'payment-key' }, stringData: { key: 'pk_live_abcdef123456' } },
];
const VALUES = ['first-Pa55word', 'second-Pa55word', 's3cr3t-t0ken-value', 'pk_live_abcdef123456'];

describe('plan: what the merge will change', () => {
  beforeAll(async () => {
    const first = await deploy(writeManifests({ 'app.yaml': yamlOf(...V1) }), ns.name, '60s');
    expect(first.result.verdict).toBe('healthy');
  });

  it('creates 3 objects and changes 2: the fields are shown, Secret values never, and nothing is written', async () => {
    const dir = writeManifests({ 'app.yaml': yamlOf(...V2) });
    const before = await resourceVersions(client, ns.name);
    const mark = auditMark();
    const summaryFile = path.join(tempDir('kdg-plan'), 'summary.md');
    const r = await plan(dir, ns.name, ['--summary-file', summaryFile]);
    await expectNothingWritten(client, ns.name, before, mark);

    expect(r.code).toBe(0);
    expect(r.plan.verdict).toBe('clean');
    expect(r.plan.summary).toEqual({ create: 3, change: 2, unchanged: 2, refused: 0 });
    const byName = Object.fromEntries(r.plan.objects.map((o) => [`${o.kind}/${o.name}`, o]));
    expect(['Service/web', 'ConfigMap/feature-flags', 'Secret/payment-key'].map((k) => byName[k].action)).toEqual([
      'create',
      'create',
      'create',
    ]);
    expect(byName['Secret/payment-key'].changes).toEqual([{ path: 'data[key]', before: null, after: '(hidden)', hidden: true }]);
    expect(byName['Secret/db']).toMatchObject({
      action: 'change',
      changes: [{ path: 'data[password]', before: '(hidden)', after: '(hidden), changed', hidden: true }],
    });
    // Only the two fields the manifest changed: no status, generation, managedFields or server defaults.
    expect(byName['Deployment/web']).toMatchObject({
      action: 'change',
      changes: [
        { path: 'spec.template.spec.containers[app].image', before: 'ghcr.io/acme/shop:1.4.2', after: 'ghcr.io/acme/shop:1.4.3' },
        { path: 'spec.template.spec.containers[app].resources.limits.memory', before: '512Mi', after: '256Mi' },
      ],
    });
    expect(byName['Deployment/web'].changes).toHaveLength(2);
    expect(byName['ConfigMap/shop-config'].action).toBe('unchanged');
    // The risk is told, but it is not a failure.
    expect(r.plan.risks).toEqual([
      expect.objectContaining({ kind: 'limit-lowered', object: `Deployment/${ns.name}/web`, before: '512Mi', after: '256Mi' }),
    ]);
    const markdown = fs.readFileSync(summaryFile, 'utf8');
    expect(markdown).toMatch(/## ✅ Plan: nothing predicted to fail/);
    expect(markdown).toMatch(
      /- spec\.template\.spec\.containers\[app\]\.image: ghcr\.io\/acme\/shop:1\.4\.2\n\+ spec\.template\.spec\.containers\[app\]\.image: ghcr\.io\/acme\/shop:1\.4\.3/,
    );
    const text = await cli(['plan', '-f', dir, '-n', ns.name, '--kubeconfig', kubeconfigPath]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/~ Secret .*\/db\n\s+data\[password\]: \(hidden\) -> \(hidden\), changed/);
    for (const output of [JSON.stringify(r.plan), markdown, text.stdout, text.stderr, r.stderr]) {
      for (const value of VALUES) {
        expect(output).not.toContain(value);
        expect(output).not.toContain(Buffer.from(value).toString('base64'));
      }
    }
  });

  it('a plan of what is already deployed: everything unchanged, exit 0, nothing written', async () => {
    const before = await resourceVersions(client, ns.name);
    const mark = auditMark();
    const r = await plan(writeManifests({ 'app.yaml': yamlOf(...V1) }), ns.name);
    await expectNothingWritten(client, ns.name, before, mark);
    expect(r.code).toBe(0);
    expect(r.plan).toMatchObject({
      verdict: 'clean',
      summary: { create: 0, change: 0, unchanged: 4, refused: 0 },
      findings: [],
      risks: [],
    });
  });

  it('what cannot be dry-run yet or comes from another object: said, never predicted to fail (exit 0)', async () => {
    const crd = (group: string, kind: string, plural: string) => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    });
    const certificates = crd('cert-manager.io', 'Certificate', 'certificates');
    const extra = `${ns.name}-extra`;
    const db = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'db', image: 'postgres:16.4', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
        ],
      },
    };
    const api = deployment('tls-api', { podSpec: { volumes: [{ name: 'tls', secret: { secretName: 'api-tls' } }] } });
    // Objects in two namespaces: each names its own, and the plan runs without the namespace input.
    const here = (o: any) => ({ ...o, metadata: { ...o.metadata, namespace: ns.name } });
    const certificate = {
      apiVersion: `${certificates.spec.group}/v1`,
      kind: 'Certificate',
      metadata: { name: 'api-cert' },
      spec: { secretName: 'api-tls' },
    };
    const dir = writeManifests({
      'app.yaml': yamlOf(
        certificates,
        here(certificate),
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: extra } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere', namespace: extra }, data: { A: '1' } },
        here(db),
        here(api),
      ),
    });
    const before = await resourceVersions(client, ns.name);
    const mark = auditMark();
    const r = await plan(dir, null);
    await expectNothingWritten(client, ns.name, before, mark);
    expect(await client.get('v1', 'Namespace', undefined, extra)).toBeNull();
    // The test cluster has no cert-manager: the CRD the plan dry-ran was not stored either.
    expect(await client.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, certificates.metadata.name)).toBeNull();

    expect(r.code, JSON.stringify(r.plan.findings)).toBe(0);
    expect(r.plan.findings).toEqual([]);
    const byName = Object.fromEntries(r.plan.objects.map((o) => [`${o.kind}/${o.name}`, o]));
    expect(byName['Certificate/api-cert']).toMatchObject({
      action: 'create',
      note: expect.stringMatching(/comes with a CustomResourceDefinition of this deploy/),
    });
    expect(byName['ConfigMap/elsewhere']).toMatchObject({
      action: 'create',
      note: `not dry-run: its namespace ${extra} is created by this deploy`,
    });
    expect(byName['StatefulSet/db'].action).toBe('create');
    expect(r.plan.notes).toContain(
      `Secret ${ns.name}/api-tls (read by Deployment ${ns.name}/tls-api) will be created by Certificate ${ns.name}/api-cert`,
    );
  });

  it('could not run (a manifest that does not parse): exit 2, with the reason', async () => {
    const r = await plan(writeManifests({ 'bad.yaml': 'kind: [' }), ns.name);
    expect(r.code).toBe(2);
    expect(r.plan.verdict).toBe('error');
    expect(r.plan.error).toMatch(/invalid YAML in .*bad\.yaml/);
  });
});
