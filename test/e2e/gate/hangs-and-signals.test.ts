// Issue 22 items 1 and 12: a server that accepts connections and never answers, and SIGTERM at any point of a run.
// The bundles run as users run them: each run ends by its deadline (or within 2 s of the signal) with the right
// verdict, one clear line, and its report written (JSON on stdout, the summary file; the Action's outputs and summary).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';
import { writeKubeconfig } from './credentials.js';
import { actionEnv, actionPath, cliPath, STACK, start, startSilentServer } from './process.js';
import { tempDir } from '../../support/temp-dir.js';

const client = testClient();
const ns = useNamespace(client, 'hang');
let silent: Awaited<ReturnType<typeof startSilentServer>>;
let silentKubeconfig: string;
beforeAll(async () => {
  silent = await startSilentServer();
  silentKubeconfig = writeKubeconfig(silent.url, { token: 'x' });
});
afterAll(async () => {
  await silent.close();
});

const summaryPath = () => path.join(tempDir('kdg-sum'), 'summary.md');
const stuck = () =>
  writeManifests({
    'web.yaml': deployment('stuck', {
      image: 'ghcr.io/acme/app:9.9.9',
      annotations: { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' },
    }),
  });

async function untilConnected(): Promise<void> {
  const before = silent.connections();
  await expect.poll(() => silent.connections(), { timeout: 10_000, interval: 50 }).toBeGreaterThan(before);
}

describe('a server that accepts and never answers', () => {
  it('deploy --timeout 3s ends by its timeout with exit 2, one clear line, the JSON and the summary file', async () => {
    const summary = summaryPath();
    const run = start([
      cliPath,
      'deploy',
      '-f',
      stuck(),
      '--kubeconfig',
      silentKubeconfig,
      '--timeout',
      '3s',
      '-o',
      'json',
      '--summary-file',
      summary,
    ]);
    const r = await run.done;
    expect(r.code, r.stderr).toBe(2);
    // The deadline is the timeout plus the 2 s grace the wait leaves to decide "timeout" itself.
    expect(r.elapsedMs).toBeGreaterThanOrEqual(3000);
    expect(r.elapsedMs).toBeLessThan(7000);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ verdict: 'error', workloads: [], rollback: null });
    expect(result.error).toBe('the deploy did not finish within the timeout of 3.0s: the Kubernetes API did not answer in time');
    expect(fs.readFileSync(summary, 'utf8')).toMatch(/did not finish within the timeout of 3\.0s/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('the Action writes its outputs and job summary and fails the step with one line', async () => {
    const action = actionEnv({ manifests: stuck(), kubeconfig: fs.readFileSync(silentKubeconfig, 'utf8'), timeout: '3s' });
    const r = await start([actionPath], action.env).done;
    expect(r.code).toBe(1);
    expect(r.elapsedMs).toBeLessThan(7000);
    expect(action.outputs().verdict).toBe('error');
    expect(action.summary()).toMatch(/did not finish within the timeout of 3\.0s/);
    expect(r.stdout.match(/^::error::.*$/gm)).toEqual([
      '::error::the deploy did not finish within the timeout of 3.0s: the Kubernetes API did not answer in time',
    ]);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('SIGTERM during discovery ends the CLI within 2 s: verdict error (nothing was applied), the JSON printed', async () => {
    const run = start([cliPath, 'deploy', '-f', stuck(), '--kubeconfig', silentKubeconfig, '--timeout', '60s', '-o', 'json']);
    await untilConnected();
    run.signal('SIGTERM');
    const r = await run.done;
    expect(r.sinceSignalMs).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'error',
      error: 'the run was cancelled (SIGTERM/SIGINT) before it finished',
    });
    expect(r.stderr).not.toMatch(STACK);
  });

  it('SIGINT during discovery ends the Action within 2 s with its outputs and summary', async () => {
    const action = actionEnv({ manifests: stuck(), kubeconfig: fs.readFileSync(silentKubeconfig, 'utf8'), timeout: '60s' });
    const run = start([actionPath], action.env);
    await untilConnected();
    run.signal('SIGINT');
    const r = await run.done;
    expect(r.sinceSignalMs).toBeLessThan(2000);
    expect(r.code).toBe(1);
    expect(action.outputs().verdict).toBe('error');
    expect(action.summary()).toMatch(/cancelled/);
  });
});

describe('SIGTERM during the wait, against the test cluster', () => {
  it('the CLI ends within 2 s with verdict cancelled, exit 1, the JSON and the summary file', async () => {
    const summary = summaryPath();
    const run = start([
      cliPath,
      'deploy',
      '-f',
      stuck(),
      '-n',
      ns.name,
      '--kubeconfig',
      kubeconfigPath,
      '--timeout',
      '90s',
      '--no-fail-fast',
      '-o',
      'json',
      '--summary-file',
      summary,
    ]);
    await run.waitFor(/Deployment \S+\/stuck (created|configured|unchanged)/);
    await run.waitFor(/Waiting for deployment "stuck" rollout to finish/);
    run.signal('SIGTERM');
    const r = await run.done;
    expect(r.sinceSignalMs).toBeLessThan(2000);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.verdict).toBe('cancelled');
    expect(result.workloads).toMatchObject([{ name: 'stuck', done: false }]);
    expect(result.rollback).toBeNull();
    expect(fs.readFileSync(summary, 'utf8')).toMatch(/stuck/);
  });

  it('the Action ends within 2 s, even with a PR comment to post to a GitHub API that never answers', async () => {
    const github = await startSilentServer();
    try {
      const dir = tempDir('kdg-event');
      fs.writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc1234' } } }));
      const action = actionEnv(
        {
          manifests: stuck(),
          namespace: ns.name,
          kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
          timeout: '90s',
          'fail-fast': 'false',
          'github-token': 'ghs_test',
        },
        { GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_API_URL: github.url.replace('https:', 'http:') },
      );
      const run = start([actionPath], action.env);
      await run.waitFor(/Waiting for deployment "stuck" rollout to finish/);
      run.signal('SIGTERM');
      const r = await run.done;
      expect(r.sinceSignalMs).toBeLessThan(2000);
      expect(r.code).toBe(1);
      expect(action.outputs().verdict).toBe('cancelled');
      expect(action.summary()).toMatch(/stuck/);
      expect(github.connections()).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/^::warning::could not write the pull request comment: .*the run was cancelled/m);
    } finally {
      await github.close();
    }
  });
});
