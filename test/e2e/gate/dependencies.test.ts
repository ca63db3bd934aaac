// Issue 14, no false red: a first install of an app and the database it needs, in one deploy. The app exits until the
// database answers and the kubelet restarts it with its back-off (10 s, 20 s...); `kubectl rollout status` ends green
// once the database is up and the app's next start finds it. The gate must wait for the database its configuration
// names and end healthy; the doomed twin (the app crashes on after the database is up) must end failed, and a crash
// that names no database of the deploy must stay as fast as ever. Manifests as users write them: no probes,
// minReadySeconds 0, the default strategy.
//
// The database is slow the way a real one is (an image pull, a volume, its own start-up): its pod carries a scheduling
// gate the test lifts 15 s after the apply, so the real scheduler places it only then. The app crashes at every start
// before 15 s from its pod's creation (kwok.kube-deploy-gate.dev/crash-until) and runs after, as an app that retries
// its connection at start-up and exits when it fails.
import { describe, expect, it } from 'vitest';
import { deleteNamespace, deployment, freshNamespace, gate, testClient, writeManifests } from './harness.js';

const client = testClient();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SCENARIO = 'kwok.kube-deploy-gate.dev/scenario';
const CRASH_UNTIL = 'kwok.kube-deploy-gate.dev/crash-until';
const DB_READY_AFTER_MS = 15_000;

const manifest = (...docs: unknown[]) =>
  `${writeManifests({ 'deploy.yaml': docs.map((d) => JSON.stringify(d)).join('\n---\n') })}/deploy.yaml`;

const dbService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'db' },
  spec: { selector: { app: 'db' }, ports: [{ port: 5432 }] },
};

/** The database: a Deployment whose pod waits behind a scheduling gate until the test lifts it. */
function database() {
  const d = JSON.parse(deployment('db', { replicas: 1, image: 'postgres:17' }));
  d.spec.template.spec.schedulingGates = [{ name: 'e2e.kube-deploy-gate.dev/slow-start' }];
  return d;
}

/** The app: its DATABASE_URL names Service db; `annotations` say how its container behaves on the test cluster. */
function app(annotations: Record<string, string>) {
  const d = JSON.parse(deployment('shop', { replicas: 2, image: 'ghcr.io/acme/shop:1.0.0', annotations }));
  d.spec.template.spec.containers[0].env = [{ name: 'DATABASE_URL', value: 'postgres://shop@db:5432/shop?sslmode=disable' }];
  return d;
}

type PodView = {
  metadata: { name: string };
  spec: { schedulingGates?: unknown[] };
  status?: { containerStatuses?: { restartCount?: number }[]; conditions?: { type: string; status: string; lastTransitionTime: string }[] };
};
const podsOf = (namespace: string, app: string) => client.list<PodView>('v1', 'Pod', namespace, { labelSelector: `app=${app}` });

/** Lifts the database pods' scheduling gate `afterMs` from now: the scheduler places them then. */
async function databaseStartsAfter(namespace: string, afterMs: number): Promise<void> {
  await sleep(afterMs);
  for (const pod of await podsOf(namespace, 'db')) {
    const patch = [{ op: 'replace', path: '/spec/schedulingGates', value: [] }];
    await client.patch('v1', 'Pod', namespace, pod.metadata.name, patch, 'application/json-patch+json');
  }
}

/** Runs the gate on `docs` in a namespace of its own (each case installs its own `db`), lifting the gate meanwhile. */
async function install(docs: unknown[], withDatabase: boolean) {
  const namespace = await freshNamespace(client, 'deps');
  try {
    const [run] = await Promise.all([
      gate({ manifests: [manifest(...docs)], namespace, timeout: '150s' }),
      withDatabase ? databaseStartsAfter(namespace, DB_READY_AFTER_MS) : Promise.resolve(),
    ]);
    const seconds = run.result.durationMs / 1000;
    const restarts = (await podsOf(namespace, 'shop')).map((p) => p.status?.containerStatuses?.[0]?.restartCount ?? 0);
    return { run, seconds, restarts };
  } finally {
    await deleteNamespace(client, namespace);
  }
}

function expectVerdict(run: Awaited<ReturnType<typeof gate>>, expected: string): void {
  if (run.result.verdict === expected) return;
  const findings = run.result.findings.map(({ category, fatal, message, count }) => ({ category, fatal, message, count }));
  expect.fail(
    `verdict ${run.result.verdict}, expected ${expected}\n${JSON.stringify(findings, null, 1)}\n${run.log.slice(-25).join('\n')}`,
  );
}

describe('an app and its database in one deploy', () => {
  it('the app crashes until the database is up (15 s), then runs: healthy', async () => {
    const { run, seconds, restarts } = await install([dbService, database(), app({ [SCENARIO]: 'crash', [CRASH_UNTIL]: '15s' })], true);
    console.log(`app crashing until its database is up: ${run.result.verdict} after ${seconds.toFixed(1)} s`);
    expectVerdict(run, 'healthy');
    // It did crash, more than once (CrashLoopBackOff), and the verdict came after the database was up.
    expect(Math.min(...restarts)).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeGreaterThan(DB_READY_AFTER_MS / 1000);
  });

  it('the app crashes on after the database is up: failed with crash-loop', async () => {
    const { run, seconds } = await install([dbService, database(), app({ [SCENARIO]: 'crash' })], true);
    console.log(`app crashing although its database is up: ${run.result.verdict} after ${seconds.toFixed(1)} s`);
    expectVerdict(run, 'failed');
    expect(run.result.findings[0]).toMatchObject({
      category: 'crash-loop',
      fatal: true,
      workload: expect.stringMatching(/^Deployment\/.*\/shop$/),
    });
    expect(run.result.findings[0].message).not.toMatch(/waiting for/);
    expect(seconds).toBeGreaterThan(DB_READY_AFTER_MS / 1000);
  });

  it('a crash loop whose configuration names no Service of the deploy stays fast: failed with crash-loop', async () => {
    const { run, seconds } = await install([app({ [SCENARIO]: 'crash' })], false);
    console.log(`app crashing with no database in the deploy: ${run.result.verdict} after ${seconds.toFixed(1)} s`);
    expectVerdict(run, 'failed');
    expect(run.result.findings[0]).toMatchObject({ category: 'crash-loop', fatal: true });
    expect(seconds).toBeLessThan(15);
  });
});
