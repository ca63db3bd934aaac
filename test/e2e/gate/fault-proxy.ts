// A loopback HTTPS proxy in front of the test apiserver that injects the faults a real network and a busy API server
// produce: 429 with Retry-After, 5xx, watch streams cut mid-flight, and 410 Gone inside a watch. It terminates TLS
// with the apiserver's own certificate (so the kubeconfig's CA trusts it) and forwards with the admin client cert.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { parse } from 'yaml';
import { kubeconfigPath } from './harness.js';
import { writeKubeconfig } from './credentials.js';

export interface FaultProxy {
  url: string;
  kubeconfig: string;
  /** Every request seen: method, path, and the status we answered with when we injected one. */
  log: { method: string; path: string; injected?: number }[];
  failNext(count: number, status: number, headers?: Record<string, string>, match?: (path: string) => boolean): void;
  cutWatchesEvery(ms: number | null): void;
  goneOnNextWatch(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(): Promise<FaultProxy> {
  const admin = parse(fs.readFileSync(kubeconfigPath, 'utf8'));
  const upstream = new URL(admin.clusters[0].cluster.server);
  const pki = path.join(path.dirname(kubeconfigPath), 'pki');
  const agent = new https.Agent({
    ca: Buffer.from(admin.clusters[0].cluster['certificate-authority-data'], 'base64'),
    cert: Buffer.from(admin.users[0].user['client-certificate-data'], 'base64'),
    key: Buffer.from(admin.users[0].user['client-key-data'], 'base64'),
    keepAlive: true,
  });
  const failures: { count: number; status: number; headers: Record<string, string>; match: (p: string) => boolean }[] = [];
  const watches = new Set<import('node:http').ServerResponse>();
  let gone = false;
  let cutTimer: NodeJS.Timeout | null = null;
  const log: FaultProxy['log'] = [];

  const server = https.createServer(
    { cert: fs.readFileSync(path.join(pki, 'apiserver.crt')), key: fs.readFileSync(path.join(pki, 'apiserver.key')) },
    (req, res) => {
      const url = req.url ?? '/';
      const isWatch = /[?&]watch=(1|true)/.test(url);
      const entry: FaultProxy['log'][number] = { method: req.method ?? 'GET', path: url };
      log.push(entry);
      const failure = !isWatch ? failures.find((f) => f.count > 0 && f.match(url)) : undefined;
      if (failure) {
        failure.count--;
        entry.injected = failure.status;
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message: `injected ${failure.status}`,
            reason: failure.status === 429 ? 'TooManyRequests' : 'InternalError',
            code: failure.status,
          }),
        );
        return;
      }
      if (isWatch && gone) {
        gone = false;
        entry.injected = 410;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          `${JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'too old resource version: 1 (2)', reason: 'Expired', code: 410 } })}\n`,
        );
        return;
      }
      const up = https.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host, authorization: '' },
          agent,
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          if (isWatch) {
            watches.add(res);
            res.on('close', () => {
              watches.delete(res);
              upRes.destroy();
            });
          }
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `https://127.0.0.1:${(server.address() as any).port}`;
  return {
    url,
    kubeconfig: writeKubeconfig(url, { token: 'ignored-by-the-proxy' }),
    log,
    failNext(count, status, headers = {}, match = () => true) {
      failures.push({ count, status, headers, match });
    },
    cutWatchesEvery(ms) {
      if (cutTimer) clearInterval(cutTimer);
      cutTimer = ms
        ? setInterval(() => {
            for (const w of watches) w.destroy();
          }, ms)
        : null;
    },
    goneOnNextWatch() {
      gone = true;
    },
    async close() {
      if (cutTimer) clearInterval(cutTimer);
      for (const w of watches) w.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
