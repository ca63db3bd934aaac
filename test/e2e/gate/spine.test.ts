// Issue 4's end-to-end cases: the gate applies from a folder, waits with kubectl's rules for the revision its own
// apply produced, recognises an unchanged re-apply, and times out with kubectl's message.
import { describe, expect, it } from 'vitest';
import { deployment, gate, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'spine');

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres:17}]}
`;
const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: fluent/fluent-bit:3.2}]}
`;
const job = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: ghcr.io/acme/migrate:1.0.0}]
`;

describe('the gate end to end', () => {
  it('applies a folder with a Deployment, StatefulSet, DaemonSet, Job and ConfigMap and goes green', async () => {
    const dir = writeManifests({
      'app/web.yaml': deployment('web'),
      'app/db.yaml': statefulSet,
      'app/agent.yaml': daemonSet,
      'app/jobs/migrate.yaml': job,
      'app/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {LEVEL: info}\n',
    });
    const run = await gate({ manifests: [`${dir}/app`], namespace: ns.name });
    expect(run.result.error).toBeNull();
    expect(run.result.verdict).toBe('healthy');
    const byKind = Object.fromEntries(run.result.workloads.map((w) => [w.kind, w]));
    expect(byKind.Deployment).toMatchObject({
      name: 'web',
      changed: true,
      revisionBefore: null,
      revisionAfter: 1,
      done: true,
      message: 'deployment "web" successfully rolled out',
    });
    expect(byKind.StatefulSet).toMatchObject({
      done: true,
      revisionAfter: 1,
      message: 'partitioned roll out complete: 2 new pods have been updated...',
    });
    expect(byKind.DaemonSet).toMatchObject({ done: true, message: 'daemon set "agent" successfully rolled out' });
    expect(byKind.Job).toMatchObject({ done: true });
    expect(run.applied!.objects.find((o) => o.kind === 'ConfigMap')).toMatchObject({ changed: true, created: true });
  });

  it('waits for the revision its own apply produced when the image changes', async () => {
    const dir = writeManifests({ 'web.yaml': deployment('web', { image: 'ghcr.io/acme/app:1.1.0' }) });
    const run = await gate({ manifests: [`${dir}/web.yaml`], namespace: ns.name });
    expect(run.result.verdict).toBe('healthy');
    expect(run.result.workloads[0]).toMatchObject({ changed: true, revisionBefore: 1, revisionAfter: 2, done: true });
    const pods = await client.list('v1', 'Pod', ns.name, { labelSelector: 'app=web' });
    const live = pods.filter((p: any) => !p.metadata.deletionTimestamp);
    expect(live.every((p: any) => p.spec.containers[0].image === 'ghcr.io/acme/app:1.1.0')).toBe(true);
  });

  it('recognises an unchanged re-apply and returns at once', async () => {
    const dir = writeManifests({ 'web.yaml': deployment('web', { image: 'ghcr.io/acme/app:1.1.0' }) });
    const run = await gate({ manifests: [`${dir}/web.yaml`], namespace: ns.name });
    expect(run.result.verdict).toBe('healthy');
    expect(run.result.workloads[0]).toMatchObject({ changed: false, revisionBefore: 2, revisionAfter: 2 });
    expect(run.result.durationMs).toBeLessThan(5000);
  });

  it("ends as timeout at the deadline with kubectl's message when a Deployment never becomes available", async () => {
    const dir = writeManifests({ 'big.yaml': deployment('big', { cpu: '64', replicas: 1 }) });
    const started = Date.now();
    const run = await gate({
      manifests: [`${dir}/big.yaml`],
      namespace: ns.name,
      timeout: '6s',
      extra: { 'fail-fast': 'false', rollback: 'false' },
    });
    expect(run.result.verdict).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
    expect(run.result.workloads[0]).toMatchObject({
      done: false,
      message: 'Waiting for deployment "big" rollout to finish: 0 of 1 updated replicas are available...',
    });
  });
});
