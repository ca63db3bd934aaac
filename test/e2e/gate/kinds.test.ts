// Issue 17, beyond Deployments: every other object the run applies is waited for with the kstatus rules (wait-for),
// against real controllers of the test cluster: the widget controller (test/cluster/lib/widget-controller.mjs) sets
// Ready, Reconciling and Stalled on Widgets as their annotation says; the PV controller writes ProvisioningFailed for
// a claim whose StorageClass does not exist; the RC manager runs ReplicationControllers; the HPA controller writes
// its status. Manifests as users write them.
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../src/report/markdown.js';
import { kubectl } from '../support/kube.js';
import { deployment, gate, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'kinds');
const WIDGETS = 'test.kube-deploy-gate.dev/v1';
const BEHAVIOUR = 'test.kube-deploy-gate.dev/behaviour';

const file = (...docs: unknown[]) =>
  `${writeManifests({ 'deploy.yaml': docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('\n---\n') })}/deploy.yaml`;

const widget = (name: string, behaviour: string, size = 1) => ({
  apiVersion: WIDGETS,
  kind: 'Widget',
  metadata: { name, annotations: { [BEHAVIOUR]: behaviour } },
  spec: { size },
});

const claim = (name: string, storageClassName: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { storageClassName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});

function replicationController(name: string, image: string, annotations?: Record<string, string>) {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { app: name },
      template: { metadata: { labels: { app: name }, annotations }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

const entry = (run: Awaited<ReturnType<typeof gate>>, kind: string, name: string) =>
  run.result.workloads.find((w) => w.kind === kind && w.name === name);

/** The verdict, or a failure that shows the outcome: what a person needs to see why it differed. */
function verdictOf(run: Awaited<ReturnType<typeof gate>>, expected: string): void {
  if (run.result.verdict === expected) return;
  const findings = run.result.findings.map(({ category, workload, message }) => ({ category, workload, message }));
  expect.fail(
    `verdict ${run.result.verdict}, expected ${expected}\nworkloads: ${JSON.stringify(run.result.workloads, null, 1)}\nfindings: ${JSON.stringify(findings)}\nlog:\n${run.log.slice(-25).join('\n')}`,
  );
}

describe('custom resources, judged by their conditions', () => {
  it('a Widget whose controller reports Reconciling, then Ready 2 s later: waited for, healthy, listed with its kstatus message', async () => {
    const run = await gate({
      manifests: [file(deployment('shop', { replicas: 1 }), widget('slow', 'ready-after=2s'))],
      namespace: ns.name,
      extra: { 'min-ready': '1s' },
    });
    verdictOf(run, 'healthy');
    expect(entry(run, 'Widget', 'slow')).toEqual({
      kind: 'Widget',
      namespace: ns.name,
      name: 'slow',
      changed: true,
      revisionBefore: null,
      revisionAfter: null,
      done: true,
      message: 'Resource is Ready',
      apiVersion: WIDGETS,
      reason: null,
    });
    const log = run.log.join('\n');
    expect(log).toContain(`Widget ${ns.name}/slow: Creating the widget's parts (ready in 2000 ms)`);
    expect(log).toContain(`Widget ${ns.name}/slow: Resource is Ready`);
    // Ready came from the controller, 2 s after its first status: the wait did not pass the Widget before.
    expect(run.wait!.objects[0].settledAtMs).toBeGreaterThanOrEqual(1800);
  });

  it('a Widget that stalls fails the deploy at once with the condition as the finding; the rollback lists it once as not restored', async () => {
    const v1 = await gate({
      manifests: [file(deployment('store', { replicas: 1, image: 'ghcr.io/acme/store:1' }), widget('store-db', 'ready'))],
      namespace: ns.name,
      extra: { 'min-ready': '1s' },
    });
    verdictOf(v1, 'healthy');
    const started = Date.now();
    const run = await gate({
      manifests: [file(deployment('store', { replicas: 1, image: 'ghcr.io/acme/store:2' }), widget('store-db', 'stall', 0))],
      namespace: ns.name,
      timeout: '60s',
      extra: { 'min-ready': '1s' },
    });
    verdictOf(run, 'failed');
    expect(entry(run, 'Widget', 'store-db')).toMatchObject({
      done: false,
      message: 'Stalled: InvalidSpec: spec.size must be between 1 and 10',
      reason: 'InvalidSpec',
    });
    expect(run.result.findings).toEqual([
      expect.objectContaining({
        category: 'object-stalled',
        fatal: true,
        workload: `Widget/${ns.name}/store-db`,
        reason: 'InvalidSpec',
        message: 'Stalled: InvalidSpec: spec.size must be between 1 and 10',
        events: [expect.objectContaining({ type: 'Warning', reason: 'InvalidSpec', message: 'spec.size must be between 1 and 10' })],
      }),
    ]);
    // The deploy is one unit: its Deployment is rolled back although it rolled out; the Widget cannot be.
    expect(run.result.rollback!.workloads[0]).toMatchObject({ kind: 'Deployment', name: 'store', toRevision: 1, done: true });
    expect(run.result.rollback!.notRestored).toEqual([{ apiVersion: WIDGETS, kind: 'Widget', namespace: ns.name, name: 'store-db' }]);
    const widgetRows = renderSummary({ result: run.result, context: { reportId: 'e2e' } })
      .split('\n')
      .filter((l) => l.startsWith('| Widget'));
    expect(widgetRows).toEqual([`| Widget \`${ns.name}/store-db\` | changed · ⚠️ not restored by the rollback | ❌ object-stalled |  |`]);
    // Not a timeout: the stall ends the wait (the rollback waits for the Deployment's old revision on top).
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a Widget whose controller never observes the new generation times out, and the report says so', async () => {
    const v1 = await gate({ manifests: [file(widget('frozen', 'ignore-generation', 1))], namespace: ns.name });
    verdictOf(v1, 'healthy');
    const run = await gate({ manifests: [file(widget('frozen', 'ignore-generation', 2))], namespace: ns.name, timeout: '8s' });
    verdictOf(run, 'timeout');
    expect(entry(run, 'Widget', 'frozen')).toMatchObject({
      done: false,
      changed: true,
      message: 'Widget generation is 2, but latest observed generation is 1: is its controller running?',
      reason: 'LatestGenerationNotObserved',
    });
    expect(run.result.findings).toEqual([]);
  });

  it('wait-for: workloads passes what it does not wait for (the gate before kstatus); a list waits for the kinds it names', async () => {
    const manifests = [file(deployment('plain', { replicas: 1 }), widget('ignored', 'reconcile-forever'))];
    const run = await gate({ manifests, namespace: ns.name, extra: { 'wait-for': 'workloads', 'min-ready': '1s' } });
    verdictOf(run, 'healthy');
    expect(run.result.workloads.map((w) => w.kind)).toEqual(['Deployment']);
    const listed = await gate({ manifests, namespace: ns.name, timeout: '6s', extra: { 'wait-for': 'Widget', 'min-ready': '1s' } });
    verdictOf(listed, 'timeout');
    expect(entry(listed, 'Widget', 'ignored')).toMatchObject({
      done: false,
      message: 'Waiting for the widget factory',
      reason: 'Progressing',
    });
  });
});

describe('built-in kinds with a rule of their own', () => {
  it('a claim whose StorageClass does not exist fails with the PV controller event, without waiting for the deadline', async () => {
    const started = Date.now();
    const run = await gate({ manifests: [file(claim('uploads', 'no-such-class'))], namespace: ns.name, timeout: '60s' });
    verdictOf(run, 'failed');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(entry(run, 'PersistentVolumeClaim', 'uploads')).toMatchObject({
      done: false,
      message: 'PVC is not Bound. phase: Pending',
      reason: 'NotBound',
    });
    expect(run.result.findings).toEqual([
      expect.objectContaining({
        category: 'pvc-provisioning-failed',
        fatal: true,
        workload: `PersistentVolumeClaim/${ns.name}/uploads`,
        reason: 'ProvisioningFailed',
        message:
          'PersistentVolumeClaim uploads is Pending (storageClassName no-such-class): storageclass.storage.k8s.io "no-such-class" not found',
        hint: expect.stringContaining('Create StorageClass no-such-class or name one the cluster has'),
        events: [expect.objectContaining({ type: 'Warning', reason: 'ProvisioningFailed' })],
      }),
    ]);
  });

  it('a LoadBalancer Service: current at once by default; with wait-for-load-balancers it waits for an ingress this cluster never assigns', async () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'edge' },
      spec: { type: 'LoadBalancer', selector: { app: 'edge' }, ports: [{ port: 80 }] },
    };
    const run = await gate({ manifests: [file(service)], namespace: ns.name });
    verdictOf(run, 'healthy');
    expect(entry(run, 'Service', 'edge')).toMatchObject({ done: true, message: 'Service is ready' });
    const strict = await gate({
      manifests: [file(service)],
      namespace: ns.name,
      timeout: '5s',
      extra: { 'wait-for-load-balancers': 'true' },
    });
    verdictOf(strict, 'timeout');
    expect(entry(strict, 'Service', 'edge')).toMatchObject({
      done: false,
      changed: false,
      message: 'LoadBalancer ingress not set. Service type: LoadBalancer',
      reason: 'NoIngressAssigned',
    });
  });

  it('an HPA-managed Deployment: the HPA is listed with its kstatus verdict, and keeps the count it chose', async () => {
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 3,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
    };
    const v1 = await gate({
      manifests: [file(deployment('api', { replicas: 1, cpu: '100m', image: 'ghcr.io/acme/api:1' }), hpa)],
      namespace: ns.name,
      extra: { 'min-ready': '1s' },
    });
    verdictOf(v1, 'healthy');
    // kstatus has no HPA rule and the HPA has no Ready condition: current once its generation is observed.
    expect(entry(v1, 'HorizontalPodAutoscaler', 'api')).toMatchObject({
      done: true,
      message: 'Resource is current',
      apiVersion: 'autoscaling/v2',
      reason: null,
    });
    // The HPA raises the count to its minimum (at its next sync: it was applied before the Deployment existed); the next
    // deploy leaves it there.
    await kubectl(['wait', '--for=jsonpath={.spec.replicas}=3', `deployment/api`, '-n', ns.name, '--timeout=30s']);
    const v2 = await gate({
      manifests: [file(deployment('api', { replicas: 1, cpu: '100m', image: 'ghcr.io/acme/api:2' }), hpa)],
      namespace: ns.name,
      extra: { 'min-ready': '1s' },
    });
    verdictOf(v2, 'healthy');
    expect(entry(v2, 'HorizontalPodAutoscaler', 'api')).toMatchObject({ done: true, changed: false });
    expect(v2.result.leftOut).toEqual([
      expect.objectContaining({
        object: `Deployment/${ns.name}/api`,
        field: '.spec.replicas',
        owner: `HorizontalPodAutoscaler ${ns.name}/api`,
        live: 3,
        manifest: 1,
      }),
    ]);
    expect(entry(v2, 'Deployment', 'api')).toMatchObject({ done: true, revisionAfter: 2 });
  });
});

describe('a ReplicationController', () => {
  it('is waited for until its replicas are ready; a template change leaves its old pods, and the report says so', async () => {
    const v1 = await gate({
      manifests: [file(replicationController('legacy', 'ghcr.io/acme/legacy:1'))],
      namespace: ns.name,
      extra: { 'min-ready': '1s' },
    });
    verdictOf(v1, 'healthy');
    expect(entry(v1, 'ReplicationController', 'legacy')).toMatchObject({
      done: true,
      changed: true,
      message: 'replication controller "legacy" has 2 of 2 replicas ready',
    });
    expect(v1.result.findings).toEqual([]);
    const before = (await client.list('v1', 'Pod', ns.name, { labelSelector: 'app=legacy' })).map((p) => p.metadata.name).sort();

    const v2 = await gate({
      manifests: [file(replicationController('legacy', 'ghcr.io/acme/legacy:2'))],
      namespace: ns.name,
      extra: { 'min-ready': '1s' },
    });
    verdictOf(v2, 'healthy');
    expect(v2.result.findings).toEqual([
      expect.objectContaining({
        category: 'pods-not-replaced',
        fatal: false,
        workload: `ReplicationController/${ns.name}/legacy`,
        count: '2/2 pods',
        message: `2 of 2 pods (${before.join(', ')}) still run an older pod template: a ReplicationController does not replace its pods when its template changes, so only pods it creates from now on use the new one`,
      }),
    ]);
    const after = await client.list('v1', 'Pod', ns.name, { labelSelector: 'app=legacy' });
    expect(after.map((p) => p.spec.containers[0].image)).toEqual(['ghcr.io/acme/legacy:1', 'ghcr.io/acme/legacy:1']);
  });

  it('its crash-looping pods fail it with their finding; a failed run says it is not restored', async () => {
    const crash = { 'kwok.kube-deploy-gate.dev/scenario': 'crash' };
    const first = await gate({
      manifests: [file(replicationController('cron', 'ghcr.io/acme/cron:1', crash))],
      namespace: ns.name,
      timeout: '60s',
    });
    verdictOf(first, 'failed');
    expect(first.result.findings[0]).toMatchObject({
      category: 'crash-loop',
      workload: `ReplicationController/${ns.name}/cron`,
      fatal: true,
    });
    expect(first.result.rollback!.workloads).toEqual([
      expect.objectContaining({
        kind: 'ReplicationController',
        name: 'cron',
        attempted: false,
        message: 'first deploy: kept as is (on-first-deploy-failure: keep)',
      }),
    ]);
    // An existing RC changed by a run that fails (here its Widget stalls): its template stays, and the report says why.
    const run = await gate({
      manifests: [file(replicationController('cron', 'ghcr.io/acme/cron:2', crash), widget('cron-lock', 'stall'))],
      namespace: ns.name,
      timeout: '60s',
    });
    verdictOf(run, 'failed');
    expect(run.result.rollback!.workloads).toEqual([
      expect.objectContaining({
        kind: 'ReplicationController',
        name: 'cron',
        attempted: false,
        done: false,
        message:
          'not restored: a ReplicationController keeps no revision history, so it keeps the template this run applied (no rollbacker has been implemented for "ReplicationController"); move it to a Deployment to get rollbacks',
      }),
    ]);
  });
});
