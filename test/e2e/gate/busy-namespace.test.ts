// Issue 19 end to end: in a namespace other teams fill with events, the gate watches only the events about its own
// objects (one watch per object, watch/event-watches.ts), and a failure only events show (a pod sandbox the CNI cannot
// set up: the pod's status says no more than ContainerCreating) is still named. Among other teams' failing pods (one
// of them named like the run's own, `api-legacy`), an update that fails is diagnosed on its own pods alone and rolled
// back to the revision before it (the old ReplicaSet is in view). Manifests as users write them.
import { beforeAll, describe, expect, it } from 'vitest';
import { deployment, gate, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'busy');

const OTHER_EVENTS = 400;

/** Events of another team's pods, as its kubelets write them: the namespace holds more than a quiet one does. */
async function fillWithEvents(namespace: string): Promise<void> {
  for (let i = 0; i < OTHER_EVENTS; i += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, j) =>
        client.create({
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name: `cart-5f6c7-${i + j}.18ee489d7e29995b`, namespace },
          involvedObject: { apiVersion: 'v1', kind: 'Pod', name: `cart-5f6c7-${i + j}`, namespace },
          reason: 'Unhealthy',
          message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
          type: 'Warning',
          source: { component: 'kubelet', host: 'worker-1' },
          firstTimestamp: new Date().toISOString(),
          lastTimestamp: new Date().toISOString(),
          count: 1,
        }),
      ),
    );
  }
}

describe('a namespace busy with other teams’ events', () => {
  beforeAll(() => fillWithEvents(ns.name), 60_000);

  it('follows only the events about its own objects, and still names a failure only events show', async () => {
    const manifest = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' }, annotations: { 'kwok.kube-deploy-gate.dev/scenario': 'sandbox-cni' } },
          spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/app:2.0.0' }] },
        },
      },
    });
    const run = await gate({
      manifests: [writeManifests({ 'web.yaml': manifest })],
      namespace: ns.name,
      timeout: '25s',
      extra: { rollback: 'false' },
    });
    expect(run.log.join('\n')).toMatch(new RegExp(`namespace ${ns.name} holds \\d+ events: following only those about this run's objects`));
    expect(run.result.verdict).toBe('timeout');
    expect(run.result.findings).toHaveLength(1);
    expect(run.result.findings[0]).toMatchObject({ category: 'sandbox-failed', reason: 'FailedCreatePodSandBox', count: '2/2 pods' });
    expect(run.result.findings[0].message).toMatch(/^The CNI plugin cilium-cni cannot set up the pod network/);
  }, 60_000);

  it('diagnoses a failed update on its own pods alone, among other teams’ failing pods, and rolls it back', async () => {
    const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };
    for (const [name, replicas] of [
      ['cart', 10],
      ['api-legacy', 4],
    ] as const) {
      const other = JSON.parse(deployment(name, { replicas, image: 'ghcr.io/acme/other:9', annotations: BAD }));
      await client.create({ ...other, metadata: { ...other.metadata, namespace: ns.name } });
    }
    const v1 = writeManifests({ 'api.yaml': deployment('api', { replicas: 3, image: 'ghcr.io/acme/api:1' }) });
    expect((await gate({ manifests: [v1], namespace: ns.name })).result.verdict).toBe('healthy');
    const v2 = writeManifests({ 'api.yaml': deployment('api', { replicas: 3, image: 'ghcr.io/acme/api:2', annotations: BAD }) });
    const run = await gate({ manifests: [v2], namespace: ns.name, timeout: '25s' });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings.map((f) => [f.category, f.fatal])).toEqual([['image-not-found', true]]);
    expect(run.result.findings[0].message).toContain('ghcr.io/acme/api:2');
    expect(run.result.findings[0].pod).toMatch(/^api-(?!legacy)[a-z0-9]+-[a-z0-9]{5}$/);
    expect(run.result.rollback!.workloads[0]).toMatchObject({ name: 'api', fromRevision: 2, toRevision: 1, done: true });
  }, 90_000);
});
