// Issue 18, the Action in plan mode, run the way the runner runs it (the entry bundled from src/ to a temporary
// file, INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a pull_request event and a local server that
// answers like GitHub): outputs `plan` and `predicted-failures`, the summary, an annotation, and a sticky comment of
// its own beside the deploy's, which it never touches.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';
import { deployment, yamlOf } from './plan-support.js';
import { tempDir } from '../../support/temp-dir.js';

const client = testClient();
const ns = useNamespace(client, 'plan-action');
let github: http.Server;
let githubUrl: string;
let entry: string;
const comments: { id: number; body: string; user: { login: string; type: string } }[] = [];
const writes: string[] = [];

beforeAll(async () => {
  entry = path.join(tempDir('kdg-action-plan'), 'index.cjs');
  await esbuild.build({
    entryPoints: [path.join(projectRoot, 'src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: entry,
    logLevel: 'warning',
  });
  github = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = body ? JSON.parse(body) : null;
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'GET' && req.url!.startsWith('/repos/acme/shop/issues/7/comments')) return send(200, comments);
      if (req.method === 'POST' && req.url === '/repos/acme/shop/issues/7/comments') {
        const c = {
          id: 1000 + comments.length,
          body: parsed.body,
          user: { login: 'github-actions[bot]', type: 'Bot' },
          html_url: 'https://github.com/acme/shop/pull/7',
        };
        comments.push(c);
        writes.push(`POST ${c.id}`);
        return send(201, c);
      }
      if (req.method === 'PATCH' && req.url!.startsWith('/repos/acme/shop/issues/comments/')) {
        const c = comments.find((x) => `/repos/acme/shop/issues/comments/${x.id}` === req.url)!;
        c.body = parsed.body;
        writes.push(`PATCH ${c.id}`);
        return send(200, c);
      }
      if (req.url === '/user') return send(403, { message: 'Resource not accessible by integration' });
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => github.listen(0, '127.0.0.1', r));
  githubUrl = `http://127.0.0.1:${(github.address() as { port: number }).port}`;
});
afterAll(() => {
  github.close();
});

function runAction(
  inputs: Record<string, string>,
): Promise<{ code: number; outputs: Record<string, string>; summary: string; stdout: string }> {
  const dir = tempDir('kdg-action');
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  const eventFile = path.join(dir, 'event.json');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(eventFile, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc1234' } } }));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: githubUrl,
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'gate',
    GITHUB_SHA: 'abc1234',
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], { env });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stdout += c));
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      const text = fs.readFileSync(outputFile, 'utf8');
      for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
      resolve({ code: code ?? -1, outputs, summary: fs.readFileSync(summaryFile, 'utf8'), stdout });
    });
  });
}

describe('the Action with mode: plan', () => {
  it('predicts the failure (exit 1) in its own sticky comment; the deploy comment stays as it was', async () => {
    const common = { namespace: ns.name, kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'), timeout: '60s', 'github-token': 'ghs_test' };
    const deployed = await runAction({ ...common, manifests: writeManifests({ 'web.yaml': yamlOf(deployment('web')) }) });
    expect(deployed.code, deployed.stdout).toBe(0);
    expect(comments).toHaveLength(1);
    const deployComment = comments[0].body;

    const next = deployment('web', {
      image: 'ghcr.io/acme/app:1.1.0',
      container: { env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }] },
    });
    const dir = writeManifests({ 'web.yaml': yamlOf(next) });
    const r = await runAction({ ...common, mode: 'plan', manifests: dir });
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs['predicted-failures']).toBe('1');
    const planned = JSON.parse(r.outputs.plan);
    expect(planned).toMatchObject({ mode: 'plan', verdict: 'will-fail', summary: { create: 0, change: 1, unchanged: 0, refused: 0 } });
    expect(planned.findings[0]).toMatchObject({ category: 'config-missing-ref', predicted: true, workload: `Deployment/${ns.name}/web` });
    expect(r.outputs.verdict).toBeUndefined(); // the deploy's outputs are the deploy's
    expect(r.summary).toMatch(
      /## ❌ Plan: this change will not roll out: `[^`]+\/web` cannot start: a ConfigMap or Secret it references is missing/,
    );
    expect(r.stdout).toMatch(/::error title=config-missing-ref · Deployment\/[^/]+\/web \(predicted\),file=.*web\.yaml,line=1::/);

    expect(comments).toHaveLength(2);
    expect(comments[0].body).toBe(deployComment);
    expect(comments[1].body).toContain(`<!-- kube-deploy-gate:report-id=plan:deploy/gate/${ns.name} -->`);
    expect(comments[1].body).toMatch(/\*\*Likely cause:\*\* new reference to Secret db-credentials \(key password\)/);
    expect(comments[1].body).toMatch(
      /```diff\n- spec\.template\.spec\.containers\[app\]\.image: ghcr\.io\/acme\/app:1\.0\.0\n\+ spec\.template\.spec\.containers\[app\]\.image: ghcr\.io\/acme\/app:1\.1\.0\n\+ spec\.template\.spec\.containers\[app\]\.env\[DB_PASSWORD\]\.valueFrom\.secretKeyRef\.key: password\n/,
    );

    // Fixed in the next push of the pull request: the plan's comment is updated in place and says so.
    const fixed = writeManifests({ 'web.yaml': yamlOf(deployment('web', { image: 'ghcr.io/acme/app:1.1.0' })) });
    const again = await runAction({ ...common, mode: 'plan', manifests: fixed });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs['predicted-failures']).toBe('0');
    expect(comments).toHaveLength(2);
    expect(writes.at(-1)).toBe(`PATCH ${comments[1].id}`);
    expect(comments[1].body).toMatch(/## ✅ Plan: nothing predicted to fail/);
    expect(comments[0].body).toBe(deployComment);
  });
});
