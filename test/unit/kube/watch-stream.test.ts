// listAndWatch against a small local HTTP server that streams watch events: a watch resumes from the last
// resourceVersion, and a version the server no longer has (410, in the stream or as the answer) means a re-list.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KubeHttp } from '../../../src/kube/http.js';
import { listAndWatch, type WatchEventType } from '../../../src/kube/watch-stream.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;
let handlers: Handler[] = [];
let requests: string[] = [];
let server: http.Server;
let base = '';

const pod = (name: string, rv: string) => ({ kind: 'Pod', metadata: { name, resourceVersion: rv } });
const list =
  (rv: string, names: string[]): Handler =>
  (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ metadata: { resourceVersion: rv }, items: names.map((n) => pod(n, rv)) }));
  };
const stream =
  (events: unknown[]): Handler =>
  (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    for (const e of events) res.write(`${JSON.stringify(e)}\n`);
    res.end();
  };
const status =
  (code: number): Handler =>
  (_q, res) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', code, reason: 'Expired', message: 'too old resource version' }));
  };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(`${url.searchParams.get('watch') ? 'watch' : 'list'} rv=${url.searchParams.get('resourceVersion') ?? ''}`);
    const next = handlers.shift();
    if (next) next(req, res, url);
    // No more scripted answers: hold the watch open until the test ends it.
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  handlers = [];
  requests = [];
});

function httpClient(): KubeHttp {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: base, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return new KubeHttp(kc);
}

async function run(expectedSyncs: number) {
  const stop = new AbortController();
  const log: string[] = [];
  let syncs = 0;
  const done = new Promise<void>((resolve) => {
    void listAndWatch(
      httpClient(),
      { path: '/api/v1/namespaces/x/pods', signal: stop.signal, sleep: async () => {} },
      {
        onSync: (items) => {
          log.push(`sync ${items.map((i) => (i as { metadata: { name: string } }).metadata.name).join(',')}`);
          if (++syncs === expectedSyncs) setTimeout(resolve, 50);
        },
        onEvent: (type: WatchEventType, obj) => log.push(`${type} ${(obj as { metadata: { name: string } }).metadata.name}`),
        onFatal: (e) => log.push(`fatal ${e.message}`),
      },
    );
  });
  await done;
  stop.abort();
  return log;
}

describe('listAndWatch', () => {
  it('resumes from the last resourceVersion (bookmarks too) when the server ends a watch', async () => {
    handlers = [
      list('10', ['a']),
      stream([
        { type: 'ADDED', object: pod('b', '11') },
        { type: 'BOOKMARK', object: { kind: 'Pod', metadata: { resourceVersion: '15' } } },
      ]),
      stream([{ type: 'DELETED', object: pod('a', '16') }]),
    ];
    // No second list: the fourth request is a watch from the last version seen, held open until the test ends it.
    const stop = new AbortController();
    const log: string[] = [];
    void listAndWatch(
      httpClient(),
      { path: '/api/v1/namespaces/x/pods', signal: stop.signal, sleep: async () => {} },
      {
        onSync: (items) => log.push(`sync ${items.length}`),
        onEvent: (type, obj) => log.push(`${type} ${(obj as { metadata: { name: string } }).metadata.name}`),
        onFatal: (e) => log.push(`fatal ${e.message}`),
      },
    );
    await expect.poll(() => requests.length).toBe(4);
    stop.abort();
    expect(requests).toEqual(['list rv=', 'watch rv=10', 'watch rv=15', 'watch rv=16']);
    expect(log).toEqual(['sync 1', 'ADDED b', 'DELETED a']);
  });

  it('re-lists when the stream says the resourceVersion is gone (ERROR 410 inside the watch)', async () => {
    handlers = [
      list('10', ['a']),
      stream([{ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 10 (20)' } }]),
      list('30', ['a', 'b']),
    ];
    const log = await run(2);
    expect(log).toEqual(['sync a', 'sync a,b']);
    expect(requests.slice(0, 3)).toEqual(['list rv=', 'watch rv=10', 'list rv=']);
  });

  it('re-lists when the watch request itself is answered 410 Gone', async () => {
    handlers = [list('10', ['a']), status(410), list('40', ['c'])];
    const log = await run(2);
    expect(log).toEqual(['sync a', 'sync c']);
    expect(requests.slice(0, 3)).toEqual(['list rv=', 'watch rv=10', 'list rv=']);
  });

  it('stops on 403 and tells the consumer, without retrying', async () => {
    handlers = [status(403)];
    const log: string[] = [];
    await listAndWatch(
      httpClient(),
      { path: '/api/v1/namespaces/x/pods', signal: new AbortController().signal, sleep: async () => {} },
      {
        onSync: () => log.push('sync'),
        onEvent: () => log.push('event'),
        onFatal: (e) => log.push(`fatal ${(e as { status?: number }).status}`),
      },
    );
    expect(log).toEqual(['fatal 403']);
    expect(requests).toEqual(['list rv=']);
  });
});
