// The Action run the way the runner runs it: `node dist/index.js` with INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and a pull_request event whose comment goes to a local server that answers like GitHub
// (directly, or through the HTTP proxy a self-hosted runner's network may require).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, kubeconfigPath, projectRoot, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'action');
let github: http.Server;
let githubUrl: string;
const requests: { method: string; url: string; host: string; body: any }[] = [];
const comments: any[] = [];

/**
 * An HTTP proxy like a self-hosted runner's: it tunnels every CONNECT to the local GitHub, whatever host the client
 * named, and records what it was asked for.
 */
function tunnellingProxy(port: () => number): { server: http.Server; connects: string[] } {
  const connects: string[] = [];
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const upstream = net.connect(port(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { server, connects };
}
const proxy = tunnellingProxy(() => (github.address() as net.AddressInfo).port);

beforeAll(async () => {
  github = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = body ? JSON.parse(body) : null;
      requests.push({ method: req.method!, url: req.url!, host: req.headers.host ?? '', body: parsed });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'GET' && req.url!.startsWith('/repos/acme/shop/issues/7/comments')) return send(200, comments);
      if (req.method === 'POST' && req.url === '/repos/acme/shop/issues/7/comments') {
        const c = {
          id: 1000 + comments.length,
          node_id: 'IC_x',
          body: parsed.body,
          user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
          html_url: `https://github.com/acme/shop/pull/7#issuecomment-${1000 + comments.length}`,
          created_at: '2026-11-23T12:00:00Z',
          updated_at: '2026-11-23T12:00:00Z',
        };
        comments.push(c);
        return send(201, c);
      }
      if (req.method === 'PATCH' && req.url!.startsWith('/repos/acme/shop/issues/comments/')) {
        const c = comments.find((x) => `/repos/acme/shop/issues/comments/${x.id}` === req.url);
        c.body = parsed.body;
        return send(200, c);
      }
      if (req.url === '/user')
        return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => github.listen(0, '127.0.0.1', r));
  githubUrl = `http://127.0.0.1:${(github.address() as net.AddressInfo).port}`;
  await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  github.close();
  proxy.server.close();
});

function runAction(
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number; outputs: Record<string, string>; summary: string; stdout: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-action-'));
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
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist/index.js')], { env });
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

describe('the Action entry, run like the runner runs it', () => {
  it('a healthy deploy: outputs, summary, a sticky PR comment, exit 0', async () => {
    const dir = writeManifests({ 'web.yaml': deployment('web') });
    const r = await runAction({
      manifests: dir,
      namespace: ns.name,
      kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
      timeout: '60s',
      'github-token': 'ghs_test',
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('healthy');
    expect(JSON.parse(r.outputs.workloads)[0]).toMatchObject({ kind: 'Deployment', name: 'web', done: true, revisionAfter: 1 });
    expect(JSON.parse(r.outputs.findings)).toEqual([]);
    expect(r.outputs['rolled-back']).toBe('false');
    expect(Number(r.outputs['duration-seconds'])).toBeGreaterThan(0);
    expect(r.summary).toMatch(/web/);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/kube-deploy-gate:report-id=/);
    // ::add-mask:: lines are the runner's masking protocol (never shown); nothing else may carry the credentials.
    const shown = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toMatch(/client-key-data|BEGIN RSA PRIVATE KEY|BEGIN PRIVATE KEY/);
    expect(r.stdout).toMatch(/::add-mask::/);
  });

  it('a failed deploy: verdict failed with image-not-found, the same comment updated, the step fails', async () => {
    const dir = writeManifests({
      'web.yaml': deployment('web', {
        image: 'ghcr.io/acme/app:9.9.9',
        annotations: { 'kwok.kube-deploy-gate.dev/scenario': 'image-not-found' },
      }),
    });
    const r = await runAction({
      manifests: dir,
      namespace: ns.name,
      kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
      timeout: '15s',
      'github-token': 'ghs_test',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('failed');
    expect(JSON.parse(r.outputs.findings).map((f: { category: string; fatal: boolean }) => [f.category, f.fatal])).toEqual([
      ['image-not-found', true],
    ]);
    expect(r.outputs['rolled-back']).toBe('true');
    expect(comments).toHaveLength(1);
    expect(requests.filter((q) => q.method === 'PATCH')).toHaveLength(1);
    expect(r.stdout).toMatch(/::error::/);
  });

  it("the PR comment goes through the runner's proxy (HTTP_PROXY), to an API host only the proxy can reach", async () => {
    const port = (github.address() as net.AddressInfo).port;
    const host = `github.proxied.test:${port}`; // .test never resolves: only the proxy's tunnel gets there
    const before = requests.length;
    const r = await runAction(
      {
        manifests: writeManifests({ 'web.yaml': deployment('web') }),
        namespace: ns.name,
        kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
        timeout: '60s',
        'github-token': 'ghs_test',
      },
      { GITHUB_API_URL: `http://${host}`, HTTP_PROXY: `http://127.0.0.1:${(proxy.server.address() as net.AddressInfo).port}` },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('healthy');
    expect(proxy.connects).toContain(host);
    const sent = requests.slice(before);
    expect(sent.map((q) => `${q.method} ${q.host}${q.url.replace(/\?.*/, '')}`)).toEqual([
      `GET ${host}/repos/acme/shop/issues/7/comments`,
      `GET ${host}/user`,
      `PATCH ${host}/repos/acme/shop/issues/comments/1000`,
    ]);
    expect(r.stdout).toMatch(/PR comment updated: https:\/\/github\.com\/acme\/shop\/pull\/7#issuecomment-1000/);
  });
});
