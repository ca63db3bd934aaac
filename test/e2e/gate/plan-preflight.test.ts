// Issue 18, what will fail: each pre-flight check predicts a failure from a manifest that really fails, and the proof
// is the deploy of the same manifest failing with the predicted category on the same workload. The plan writes
// nothing (resourceVersions and the audit log), and exits 1.
import { beforeAll, describe, expect, it } from 'vitest';
import { kubectl, waitFor } from '../support/kube.js';
import { testClient, useNamespace, writeManifests } from './harness.js';
import { auditMark, categoriesOf, deploy, deployment, expectNothingWritten, plan, resourceVersions, yamlOf } from './plan-support.js';

const client = testClient();

describe('plan predicts the failures the deploy then meets', () => {
  const ns = useNamespace(client, 'preflight');

  beforeAll(async () => {
    // What the cluster already has: a ConfigMap without the key one template will read.
    await client.apply(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: ns.name }, data: { MODE: 'prod' } },
      'e2e',
      true,
    );
  });

  const broken = [
    deployment('missing-secret', {
      container: { env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }] },
    }),
    deployment('missing-key', {
      container: { env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'LOG_LEVEL' } } }] },
    }),
    deployment('missing-account', { podSpec: { serviceAccountName: 'payments' } }),
    // The registry the pull secret is for refuses anonymous pulls: the scenario plays that registry.
    deployment('missing-pull-secret', { scenario: 'image-unauthorized', podSpec: { imagePullSecrets: [{ name: 'ghcr-credentials' }] } }),
    deployment('missing-claim', { podSpec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'uploads' } }] } }),
    deployment('too-big', { container: { resources: { requests: { cpu: '16' } } } }),
    deployment('no-node', { podSpec: { nodeSelector: { pool: 'gpu' } } }),
  ];
  const expected = [
    'missing-secret config-missing-ref',
    'missing-key config-missing-key',
    'missing-account admission-denied',
    'missing-pull-secret image-pull-unauthorized',
    'missing-claim pvc-not-bound',
    'too-big unschedulable-resources',
    'no-node unschedulable-node-selector',
  ];

  it('predicts each failure (exit 1, nothing written); the deploy of the same manifests fails with the same categories', async () => {
    const dir = writeManifests({ 'broken.yaml': yamlOf(...broken) });
    const before = await resourceVersions(client, ns.name);
    const mark = auditMark();
    const r = await plan(dir, ns.name);
    await expectNothingWritten(client, ns.name, before, mark);
    expect(r.code).toBe(1);
    expect(r.plan.verdict).toBe('will-fail');
    const want = expected.map((e) => `Deployment/${ns.name}/${e}`).sort();
    expect(categoriesOf(r.plan.findings)).toEqual(want);
    expect(r.plan.findings.every((f) => f.predicted && f.fatal)).toBe(true);
    const secret = r.plan.findings.find((f) => f.category === 'config-missing-ref')!;
    expect(secret.message).toMatch(/Secret db-credentials does not exist .* secret "db-credentials" not found/);
    expect(secret.suspectedChange).toBeNull(); // a new workload: there is no change to point at

    // The proof: the same manifests deployed. Unschedulable pods are fatal only after 60 s, so the deadline ends
    // the wait with those findings (verdict failed: the others are fatal at once).
    const d = await deploy(dir, ns.name, '25s', ['--no-rollback']);
    expect(d.code).toBe(1);
    expect(d.result.verdict).toBe('failed');
    expect(categoriesOf(d.result.findings)).toEqual(want);
  });
});

function quotaNamespace(prefix: string) {
  const ns = useNamespace(client, prefix);
  beforeAll(async () => {
    await client.apply(
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pods', namespace: ns.name }, spec: { hard: { pods: '2' } } },
      'e2e',
      true,
    );
    const first = await deploy(
      writeManifests({ 'web.yaml': yamlOf(deployment('web', { image: 'ghcr.io/acme/web:1.0.0' })) }),
      ns.name,
      '60s',
    );
    expect(first.result.verdict).toBe('healthy');
    await waitFor(
      'the quota to count the 2 pods',
      async () => (await client.get('v1', 'ResourceQuota', ns.name, 'pods'))?.status?.used?.pods === '2',
      20_000,
    );
  });
  return ns;
}

describe('a ResourceQuota counted with the rollout surge: 2 replicas running in a quota of 2 pods', () => {
  const surge = quotaNamespace('quota-surge');
  const unavailable = quotaNamespace('quota-unavailable');

  it('the default strategy adds a pod before removing one: it does not fit, and the deploy meets it', async () => {
    const ns = surge.name;
    const dir = writeManifests({ 'web.yaml': yamlOf(deployment('web', { image: 'ghcr.io/acme/web:1.1.0' })) });
    const before = await resourceVersions(client, ns);
    const mark = auditMark();
    const r = await plan(dir, ns);
    await expectNothingWritten(client, ns, before, mark);
    expect(r.code).toBe(1);
    expect(categoriesOf(r.plan.findings)).toEqual([`Deployment/${ns}/web quota-exceeded`]);
    expect(r.plan.findings[0].message).toBe(
      'ResourceQuota pods allows pods 2 and 2 is in use; the rollout needs 3 (the first new pod while 2 of the 2 old ones still run (maxSurge 1, maxUnavailable 0), each pod counting 1), so the API server will refuse pods: exceeded quota: pods',
    );

    const d = await deploy(dir, ns, '30s', ['--no-rollback']);
    expect(d.result.verdict).toBe('failed');
    expect(categoriesOf(d.result.findings)).toEqual([`Deployment/${ns}/web quota-exceeded`]);
  });

  it('with maxUnavailable 1 an old pod goes first: a clean plan, and the rollout completes', async () => {
    const ns = unavailable.name;
    const web = deployment('web', { image: 'ghcr.io/acme/web:1.1.0' }) as any;
    web.spec.strategy = { rollingUpdate: { maxUnavailable: 1 } };
    const dir = writeManifests({ 'web.yaml': yamlOf(web) });
    const r = await plan(dir, ns);
    expect(r.code).toBe(0);
    expect(r.plan.findings).toEqual([]);
    // The first new pod is refused until the quota controller counts the removed old pod gone (FailedCreate, retried):
    // with fail-fast on, the deploy must see that it fits once the old pods go, wait, and end green, as the plan said.
    const d = await deploy(dir, ns, '90s', ['--no-rollback']);
    expect(d.result.verdict).toBe('healthy');
  });
});

describe('taints no eligible node lacks', () => {
  const ns = useNamespace(client, 'taint');

  // Two of the three workers get a taint for the length of this test (cluster-scheduling.test.ts taints one the
  // same way): the pods may only run on those two, so most nodes reject them for the taint, as the scheduler says.
  it('predicts unschedulable-taint; the deploy meets it', async () => {
    const taint = `kdg-plan-e2e=${ns.name}:NoSchedule`;
    const nodes = ['worker-2', 'worker-3'];
    const pinned = deployment('pinned', {
      podSpec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: nodes }] }],
            },
          },
        },
      },
    });
    const dir = writeManifests({ 'pinned.yaml': yamlOf(pinned) });
    try {
      for (const node of nodes) await kubectl(['taint', 'node', node, taint, '--overwrite']);
      const r = await plan(dir, ns.name);
      expect(r.code).toBe(1);
      expect(categoriesOf(r.plan.findings)).toEqual([`Deployment/${ns.name}/pinned unschedulable-taint`]);
      expect(r.plan.findings[0].message).toMatch(
        /^No node can run the new pods: 0\/3 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector, 2 node\(s\) had untolerated taint\(s\)\. 2 node\(s\) have the taint kdg-plan-e2e=/,
      );
      expect(r.plan.findings[0].hint).toBe(
        `Add a toleration for kdg-plan-e2e=${ns.name}:NoSchedule to the pod template, or remove that taint from the nodes if it is no longer wanted.`,
      );
      const d = await deploy(dir, ns.name, '12s', ['--no-rollback']);
      expect(d.result.verdict).toBe('timeout');
      expect(categoriesOf(d.result.findings)).toEqual([`Deployment/${ns.name}/pinned unschedulable-taint`]);
    } finally {
      for (const node of nodes) await kubectl(['taint', 'node', node, 'kdg-plan-e2e-']).catch(() => {});
    }
  });
});
