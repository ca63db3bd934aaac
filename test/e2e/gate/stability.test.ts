// Issue 14's promise, end to end: "fail the build on a crash loop" for the most common broken deploy there is. A
// Deployment of 3 replicas as users write it (no readiness probe, minReadySeconds 0, the default strategy), v1 healthy,
// then v2 whose container dies a second or two after it starts: kubectl's rule calls it rolled out (each new pod was
// Ready for an instant); the gate's stability window turns it red, names the cause and rolls back to v1's template.
import { describe, expect, it } from 'vitest';
import { kubectl } from '../support/kube.js';
import { deployment, gate, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'stability');
const SCENARIO = 'kwok.kube-deploy-gate.dev/scenario';

const v1 = (name: string) => deployment(name, { replicas: 3, image: 'ghcr.io/acme/shop:1.0.0' });
const RUN_FOR = 'kwok.kube-deploy-gate.dev/run-for';
const v2 = (name: string, annotations: Record<string, string>) =>
  deployment(name, { replicas: 3, image: 'ghcr.io/acme/shop:1.1.0', annotations });
const manifest = (text: string) => `${writeManifests({ 'deploy.yaml': text })}/deploy.yaml`;
const escape = (text: string) => text.replace(/[()]/g, '\\$&');

async function deployV1(name: string): Promise<void> {
  const run = await gate({ manifests: [manifest(v1(name))], namespace: ns.name });
  expect(run.result.verdict).toBe('healthy');
}

async function liveImage(name: string): Promise<string> {
  const d = await client.get<{ spec: { template: { spec: { containers: { image: string }[] } } } }>('apps/v1', 'Deployment', ns.name, name);
  return d!.spec.template.spec.containers[0].image;
}

describe('green means the new pods stayed up', () => {
  // A release that dies a few seconds after it starts: kubectl's rule is met first (every new pod was Ready for an
  // instant), so the stability window, not fail-fast, is what must turn it red.
  const late = (scenario: string) => ({ [SCENARIO]: scenario, [RUN_FOR]: '5s' });

  it.each([
    ['crash', 'crash-loop', 'crashed (exit 1)'],
    ['oom', 'oom-killed', 'were OOM-killed'],
    ['crash-exit-0', 'crash-loop-exit-zero', 'crashed (exit 0)'],
  ])('v2 with scenario %s: kubectl says rolled out, the window says %s, and v1 is restored', async (scenario, category, how) => {
    const name = `late-${scenario}`;
    await deployV1(name);
    const run = await gate({ manifests: [manifest(v2(name, late(scenario)))], namespace: ns.name });
    expect(run.result.verdict).toBe('failed');
    const [w] = run.result.workloads;
    expect(w).toMatchObject({ done: true, message: `deployment "${name}" successfully rolled out`, window: { state: 'broken' } });
    expect(w.window?.message).toMatch(
      new RegExp(`^rolled out by kubectl's rules after [0-9.]+ s, then [1-3]/3 new pods ${escape(how)} within [0-9.]+ s$`),
    );
    expect(run.result.findings[0]).toMatchObject({ category, fatal: true, workload: `Deployment/${ns.name}/${name}` });
    expect(run.result.rollback?.workloads[0]).toMatchObject({ toRevision: 1, done: true });
    expect(await liveImage(name)).toBe('ghcr.io/acme/shop:1.0.0');
  });

  it('v2 that crashes only on worker-2: red, the crash named on that node, v1 restored', async () => {
    const name = 'late-node';
    await deployV1(name);
    const run = await gate({ manifests: [manifest(v2(name, late('crash-on-node=worker-2')))], namespace: ns.name });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.workloads[0].window?.message).toMatch(/then 1\/3 new pods crashed \(exit 1\)/);
    expect(run.result.findings.map((f) => [f.category, f.fatal, f.node])).toEqual([['crash-loop', true, 'worker-2']]);
    expect(run.result.findings[0]).toMatchObject({ exitCode: 1, count: '1/3 pods' });
    expect(await liveImage(name)).toBe('ghcr.io/acme/shop:1.0.0');
  });

  it.each(['crash', 'oom', 'crash-exit-0', 'crash-on-node=worker-2'])(
    'the same v2 (%s) with --min-ready 0s gets exactly kubectl rollout status: green',
    async (scenario) => {
      const name = `kubectl-${scenario.replace(/[^a-z0-9]+/g, '-')}`;
      await deployV1(name);
      const [run, kubectlSays] = await Promise.all([
        gate({ manifests: [manifest(v2(name, late(scenario)))], namespace: ns.name, extra: { 'min-ready': '0s' } }),
        (async () => {
          await new Promise((r) => setTimeout(r, 300)); // from the moment the gate has applied v2
          return kubectl(['rollout', 'status', `deployment/${name}`, '-n', ns.name, '--timeout=60s']);
        })(),
      ]);
      expect(kubectlSays.trim().split('\n').at(-1)).toBe(`deployment "${name}" successfully rolled out`);
      expect(run.result.verdict).toBe('healthy');
      expect(run.result.workloads[0]).toMatchObject({ done: true, window: null });
    },
  );

  it('a crash right after start (the default 1.2 s) is red too, caught by fail-fast or the window', async () => {
    const name = 'early-crash';
    await deployV1(name);
    const run = await gate({ manifests: [manifest(v2(name, { [SCENARIO]: 'crash' }))], namespace: ns.name });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings[0]).toMatchObject({ category: 'crash-loop', fatal: true, exitCode: 1 });
    expect(await liveImage(name)).toBe('ghcr.io/acme/shop:1.0.0');
  });

  it('a healthy v2 waits the window and goes green, saying the new pods stayed up', async () => {
    const name = 'shop-good';
    await deployV1(name);
    const run = await gate({
      manifests: [manifest(deployment(name, { replicas: 3, image: 'ghcr.io/acme/shop:1.1.0' }))],
      namespace: ns.name,
    });
    expect(run.result.verdict).toBe('healthy');
    expect(run.result.workloads[0].window).toMatchObject({ state: 'held' });
    expect(run.result.workloads[0].window?.message).toMatch(
      /^rolled out by kubectl's rules after [0-9.]+ s; every new pod then stayed Ready for 10 s$/,
    );
    expect(run.result.durationMs).toBeGreaterThanOrEqual(10_000);
  });
});
