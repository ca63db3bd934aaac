// Issue 10 end to end: the gate ties each finding to the change this run made to the pod template ("likely cause"),
// and a readiness probe failing past its own settings fails the deploy before the deadline.
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../src/report/markdown.js';
import { gate, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'changed');

interface Version {
  image?: string;
  memory?: string;
  scenario?: string;
  env?: unknown[];
  readinessPath?: string;
}

function api(name: string, v: Version): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 2,
      minReadySeconds: 5,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: v.scenario ? { 'kwok.kube-deploy-gate.dev/scenario': v.scenario } : undefined },
        spec: {
          containers: [
            {
              name: 'api',
              image: v.image ?? 'ghcr.io/acme/api:1.4.2',
              env: v.env,
              resources: { limits: { memory: v.memory ?? '512Mi' } },
              readinessProbe: v.readinessPath
                ? { httpGet: { path: v.readinessPath, port: 8080 }, periodSeconds: 1, failureThreshold: 1, timeoutSeconds: 1 }
                : undefined,
            },
          ],
        },
      },
    },
  });
}

async function twoReleases(name: string, v1: Version, v2: Version, timeout = '60s') {
  const first = await gate({ manifests: [writeManifests({ 'a.yaml': api(name, v1) })], namespace: ns.name });
  expect(first.result.verdict).toBe('healthy');
  return gate({ manifests: [writeManifests({ 'a.yaml': api(name, v2) })], namespace: ns.name, timeout });
}

describe('the likely cause: what this change did', () => {
  it('v2 lowers the memory limit and is OOM-killed: the summary names the limit change', async () => {
    const r = await twoReleases('mem', {}, { memory: '256Mi', scenario: 'oom' });
    const f = r.result.findings[0];
    expect(f.category).toBe('oom-killed');
    expect(f.suspectedChange).toMatchObject({ field: 'spec.containers[api].resources.limits.memory', before: '512Mi', after: '256Mi' });
    const summary = renderSummary({ result: r.result, context: { reportId: 't' } });
    expect(summary).toMatch(/\*\*Likely cause:\*\*.*512Mi.*256Mi/);
  });

  it('v2 changes the tag to one that does not exist: it names the tag that worked', async () => {
    const r = await twoReleases('tag', {}, { image: 'ghcr.io/acme/api:1.4.3', scenario: 'image-not-found' });
    expect(r.result.findings[0].category).toBe('image-not-found');
    expect(r.result.findings[0].suspectedChange).toMatchObject({
      field: 'spec.containers[api].image',
      before: 'ghcr.io/acme/api:1.4.2',
      after: 'ghcr.io/acme/api:1.4.3',
    });
  });

  it('v2 adds an env var from a Secret that does not exist: it names the Secret', async () => {
    const env = [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } }];
    const r = await twoReleases('secret', {}, { env });
    expect(r.result.findings[0].category).toBe('config-missing-ref');
    expect(r.result.findings[0].suspectedChange?.field).toMatch(/DB_PASSWORD/);
    expect(JSON.stringify(r.result.findings[0].suspectedChange)).toMatch(/db-creds/);
  });

  it('v2 changes the readiness path: it names the path and fails before the deadline', async () => {
    const started = Date.now();
    const r = await twoReleases('probe', { readinessPath: '/healthz' }, { readinessPath: '/ready', scenario: 'not-ready' }, '120s');
    expect(r.result.verdict).toBe('failed');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.result.findings[0].category).toBe('readiness-probe-failing');
    expect(r.result.findings[0].suspectedChange).toMatchObject({
      before: expect.stringMatching(/\/healthz/),
      after: expect.stringMatching(/\/ready/),
    });
  });
});
