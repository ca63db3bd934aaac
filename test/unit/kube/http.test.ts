// KubeHttp against a small local HTTP server (not a Kubernetes fake: these check our HTTP client's own rules):
// retries on 429/5xx honouring Retry-After, no retry for writes that are not idempotent, a deadline per request,
// the run's signal ending a retry sleep at once, and the server's warnings reported once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KubeHttp, type KubeHttpOptions } from '../../../src/kube/http.js';
import { KubeApiError, TransportError } from '../../../src/kube/errors.js';

type Reply = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let replies: Reply[] = [];
let seen: string[] = [];
let server: http.Server;
let url = '';

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const never: Reply = () => {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    (replies.shift() ?? json(200, { ok: true }))(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  replies = [];
  seen = [];
});

function client(options: KubeHttpOptions = {}): { http: KubeHttp; sleeps: number[] } {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  return { http: new KubeHttp(kc, { sleep, retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 }, ...options }), sleeps };
}

describe('KubeHttp', () => {
  it('retries a 429 after the Retry-After the server asked for', async () => {
    replies = [json(429, { message: 'slow down' }, { 'retry-after': '3' }), json(200, { kind: 'Pod' })];
    const { http: h, sleeps } = client();
    await expect(h.request('/api/v1/pods')).resolves.toEqual({ kind: 'Pod' });
    expect(sleeps).toEqual([3000]);
    expect(seen).toHaveLength(2);
  });

  it('retries 500, 502, 503 and 504 with backoff, then gives the last error', async () => {
    replies = [json(500, {}), json(502, {}), json(503, {}), json(504, { message: 'gateway' })];
    const { http: h, sleeps } = client();
    const error = (await h.request('/api/v1/pods').catch((e: unknown) => e)) as KubeApiError;
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error.status).toBe(504);
    expect(sleeps).toHaveLength(3);
    expect(seen).toHaveLength(4);
  });

  it('does not retry a write that is not idempotent, nor a 4xx', async () => {
    replies = [json(503, {})];
    const { http: h } = client();
    await expect(h.request('/api/v1/namespaces/x/pods/p', { method: 'DELETE' })).rejects.toBeInstanceOf(KubeApiError);
    replies = [json(404, { message: 'pods "p" not found' })];
    await expect(h.request('/api/v1/namespaces/x/pods/p')).rejects.toThrow('pods "p" not found');
    expect(seen).toHaveLength(2);
  });

  it('a server that never answers fails each request at its deadline, as a transport error that is retried', async () => {
    replies = [never, never];
    const { http: h, sleeps } = client({ requestTimeoutMs: 150, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } });
    const started = Date.now();
    const error = (await h.request('/version').catch((e: unknown) => e)) as KubeApiError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toBe(`the Kubernetes API at ${url} did not answer within 0.15s`);
    expect(sleeps).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("the run's signal ends a request waiting out a long Retry-After at once", async () => {
    replies = [json(503, {}, { 'retry-after': '60' })];
    const run = new AbortController();
    const kc = client().http.kc;
    const h = new KubeHttp(kc, { signal: run.signal, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 60_000 } });
    const started = Date.now();
    const pending = h.request('/api/v1/pods').catch((e: unknown) => e);
    setTimeout(() => run.abort(new Error('the run was cancelled')), 100);
    const error = (await pending) as Error;
    expect(error.message).toBe('the run was cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(seen).toHaveLength(1);
  });

  it("reports each of the server's warnings once", async () => {
    const warn = json(200, {}, { warning: '299 - "unknown field \\"spec.replica\\""' });
    replies = [warn, warn];
    const warnings: string[] = [];
    const { http: h } = client({ onWarning: (w) => warnings.push(w) });
    await h.request('/a');
    await h.request('/b');
    expect(warnings).toEqual(['unknown field "spec.replica"']);
  });

  it('a stream outlives the request deadline once its headers arrived (a watch is long-lived)', async () => {
    let end: (() => void) | undefined;
    replies = [
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"type":"ADDED"}\n');
        end = () => res.end();
      },
    ];
    const { http: h } = client({ requestTimeoutMs: 150 });
    const res = await h.stream('/api/v1/pods', { watch: 1 });
    let error: Error | null = null;
    res.on('error', (e) => (error = e));
    await new Promise((r) => setTimeout(r, 500));
    expect(error).toBeNull();
    expect(res.destroyed).toBe(false);
    end?.();
    res.destroy();
  });
});
