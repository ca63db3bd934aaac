// Issue 8's faults on the real test cluster: a restarted API server, cut watch streams, 410 Gone, 429 and 5xx
// answers, a job cancelled mid-wait, and two runs racing on one Deployment. None may produce a wrong verdict.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gate, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import { clusterDir } from '../support/kube.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import type { Workload } from '../../../src/k8s/objects.js';

const client = testClient();
const ns = useNamespace(client, 'faults');
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy();
});
afterAll(async () => {
  await proxy.close();
});

/**
 * A rollout that takes several seconds: pods count as available only `minReadySeconds` after Ready. A first deploy
 * creates all replicas at once (maxSurge only paces updates), so minReadySeconds is what keeps it slow.
 */
function slowDeployment(name: string, image: string, annotations?: Record<string, string>, minReadySeconds = 2): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 3,
      minReadySeconds,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name }, annotations }, spec: { containers: [{ name: 'app', image }] } },
    },
  });
}
const BAD = { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function restartApiserver(downMs: number): Promise<void> {
  const pidsFile = path.join(clusterDir, 'pids.json');
  const pids = JSON.parse(fs.readFileSync(pidsFile, 'utf8'));
  const entry = pids['kube-apiserver'];
  process.kill(entry.pid, 'SIGKILL');
  while (fs.existsSync(`/proc/${entry.pid}`) && !fs.readFileSync(`/proc/${entry.pid}/stat`, 'utf8').includes(') Z')) await sleep(50);
  await sleep(downMs);
  const out = fs.openSync(path.join(clusterDir, 'logs', 'kube-apiserver.log'), 'a');
  const child = spawn(entry.binary, entry.args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  pids['kube-apiserver'] = { ...entry, pid: child.pid };
  fs.writeFileSync(pidsFile, JSON.stringify(pids, null, 2));
}

describe('faults never produce a wrong verdict', () => {
  it('kube-apiserver killed and restarted in the middle of a wait: the watches resume, healthy stays healthy', async () => {
    const dir = writeManifests({ 'd.yaml': slowDeployment('survivor', 'ghcr.io/acme/s:1', undefined, 10) });
    let finished = false;
    const running = gate({ manifests: [dir], namespace: ns.name, timeout: '90s' }).finally(() => (finished = true));
    await sleep(1500);
    await restartApiserver(1000);
    expect(finished).toBe(false); // the API server really went away in the middle of this run
    const run = await running;
    expect(run.result.verdict).toBe('healthy');
    expect(run.result.workloads[0]).toMatchObject({
      done: true,
      revisionAfter: 1,
      message: 'deployment "survivor" successfully rolled out',
    });
  });

  it('kube-apiserver restarted while a broken rollout is waited on: still failed, never healthy', async () => {
    const dir = writeManifests({ 'd.yaml': slowDeployment('doomed', 'ghcr.io/acme/d:404', BAD) });
    const running = gate({ manifests: [dir], namespace: ns.name, timeout: '60s', extra: { rollback: 'false' } });
    await sleep(300);
    await restartApiserver(500);
    const run = await running;
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings[0].category).toBe('image-not-found');
  });

  it('watch streams cut every 700 ms and a 410 Gone inside a watch: re-watch, re-list, right verdict and revision', async () => {
    proxy.cutWatchesEvery(700);
    proxy.goneOnNextWatch();
    try {
      const dir = writeManifests({ 'd.yaml': slowDeployment('cut', 'ghcr.io/acme/c:1') });
      const run = await gate({ manifests: [dir], namespace: ns.name, timeout: '90s', extra: { 'kubeconfig-file': proxy.kubeconfig } });
      expect(run.result.verdict).toBe('healthy');
      expect(run.result.workloads[0]).toMatchObject({ revisionAfter: 1, done: true });
      expect(proxy.log.filter((l) => l.injected === 410)).toHaveLength(1);
      expect(proxy.log.filter((l) => /watch=1/.test(l.path)).length).toBeGreaterThan(5);
    } finally {
      proxy.cutWatchesEvery(null);
    }
  });

  it('429 with Retry-After and 503s are retried with backoff; the deploy goes through', async () => {
    proxy.failNext(2, 429, { 'retry-after': '1' });
    proxy.failNext(2, 503);
    const started = Date.now();
    const dir = writeManifests({ 'd.yaml': slowDeployment('throttled', 'ghcr.io/acme/t:1') });
    const run = await gate({ manifests: [dir], namespace: ns.name, timeout: '90s', extra: { 'kubeconfig-file': proxy.kubeconfig } });
    expect(run.result.verdict).toBe('healthy');
    expect(proxy.log.filter((l) => l.injected === 429)).toHaveLength(2);
    expect(proxy.log.filter((l) => l.injected === 503)).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // two Retry-After: 1 honoured
  });

  it('an API that keeps failing ends in one error that says what failed, bounded in time', async () => {
    proxy.failNext(1000, 503, {}, (p) => p.startsWith('/version'));
    try {
      const started = Date.now();
      const run = await gate({
        manifests: [writeManifests({ 'd.yaml': slowDeployment('never', 'x:1') })],
        namespace: ns.name,
        extra: { 'kubeconfig-file': proxy.kubeconfig },
      });
      expect(run.result.verdict).toBe('error');
      expect(run.result.error).toBe('the API server failed (503) on GET /version: injected 503');
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      proxy.failNext(-1000, 503);
    }
  });

  it('two runs on one Deployment: the first notices the second replaced its template and does not roll it back', async () => {
    const v1 = writeManifests({ 'd.yaml': slowDeployment('shared', 'ghcr.io/acme/shared:1') });
    expect((await gate({ manifests: [v1], namespace: ns.name })).result.verdict).toBe('healthy');
    const first = gate({
      manifests: [writeManifests({ 'd.yaml': slowDeployment('shared', 'ghcr.io/acme/shared:2', BAD) })],
      namespace: ns.name,
      timeout: '60s',
      extra: { 'fail-fast': 'false' },
    });
    await sleep(1500);
    const second = await gate({
      manifests: [writeManifests({ 'd.yaml': slowDeployment('shared', 'ghcr.io/acme/shared:3') })],
      namespace: ns.name,
      timeout: '60s',
    });
    const run = await first;
    expect(second.result.verdict).toBe('healthy');
    expect(run.result.verdict).toBe('failed');
    expect(run.result.workloads[0].message).toBe(
      'deployment "shared" was changed by someone else during the wait: its pod template is no longer the one this run applied',
    );
    expect(run.result.rollback!.workloads[0].message).toMatch(/not rolled back: changed by someone else/);
    const live = await client.get<Workload>('apps/v1', 'Deployment', ns.name, 'shared');
    expect(live?.spec?.template?.spec?.containers?.[0].image).toBe('ghcr.io/acme/shared:3');
  });
});

describe('cancellation (SIGTERM, as GitHub sends on cancel)', () => {
  async function cancelledDeploy(extraArgs: string[]) {
    const name = `cancel-${extraArgs.length}`;
    expect(
      (await gate({ manifests: [writeManifests({ 'd.yaml': slowDeployment(name, 'ghcr.io/acme/x:1') })], namespace: ns.name })).result
        .verdict,
    ).toBe('healthy');
    const dir = writeManifests({ 'd.yaml': slowDeployment(name, 'ghcr.io/acme/x:2', BAD) });
    const child = spawn(process.execPath, [
      path.join(projectRoot, 'dist/cli.js'),
      'deploy',
      '-f',
      dir,
      '-n',
      ns.name,
      '--kubeconfig',
      kubeconfigPath,
      '--timeout',
      '60s',
      '--no-fail-fast',
      '--output',
      'json',
      ...extraArgs,
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    setTimeout(() => child.kill('SIGTERM'), 3000);
    return new Promise<{ code: number | null; json: any; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, json: JSON.parse(stdout), stderr })),
    );
  }

  it('writes the result with verdict cancelled and starts no rollback', async () => {
    const r = await cancelledDeploy([]);
    expect(r.code).toBe(1);
    expect(r.json.verdict).toBe('cancelled');
    expect(r.json.rollback).toBeNull();
    expect(r.stderr).toMatch(/received SIGTERM/);
  });

  it('rolls back on cancel only when asked (--rollback-on-cancel)', async () => {
    const r = await cancelledDeploy(['--rollback-on-cancel']);
    expect(r.json.verdict).toBe('cancelled');
    expect(r.json.rollback.attempted).toBe(true);
    expect(r.json.rollback.workloads[0]).toMatchObject({ toRevision: 1, done: true });
  });
});
