// The bench's own line to the test cluster: plain HTTPS with the credentials of a kubeconfig, a JSON request helper
// and a list-then-watch. It stays apart from the gate's client so that measuring the gate never runs the gate's code.
import fs from 'node:fs';
import https from 'node:https';
import { createInterface } from 'node:readline';
import YAML from 'yaml';
import { nowMs, sleep } from './clock.js';

export const BENCH_USER_AGENT = 'kube-deploy-gate-bench';

export interface KubeAccess {
  server: string;
  caData: string;
  agent: https.Agent;
  token?: string;
}

export function loadAccess(kubeconfigPath: string): KubeAccess {
  const config = YAML.parse(fs.readFileSync(kubeconfigPath, 'utf8'));
  const context = config.contexts.find((c: any) => c.name === config['current-context']).context;
  const cluster = config.clusters.find((c: any) => c.name === context.cluster).cluster;
  const user = config.users.find((u: any) => u.name === context.user).user;
  const decode = (b64: string | undefined) => (b64 ? Buffer.from(b64, 'base64') : undefined);
  const agent = new https.Agent({
    ca: decode(cluster['certificate-authority-data']),
    cert: decode(user['client-certificate-data']),
    key: decode(user['client-key-data']),
    keepAlive: true,
  });
  return { server: cluster.server, caData: cluster['certificate-authority-data'], agent, token: user.token };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/**
 * One request. Other work on this cluster restarts the apiserver now and then; a refused connection (the request
 * never arrived) is tried again for up to a minute, and so is any transport failure of a read.
 */
export async function api<T = any>(
  access: KubeAccess,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<ApiResponse<T>> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await requestOnce<T>(access, method, path, body, contentType);
    } catch (e) {
      const refused = (e as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      if (!(refused || method === 'GET') || Date.now() > until) throw e;
      await sleep(1000);
    }
  }
}

function requestOnce<T>(access: KubeAccess, method: string, path: string, body: unknown, contentType: string): Promise<ApiResponse<T>> {
  return new Promise((resolve, reject) => {
    // A whole-request deadline: a socket to an apiserver that restarted may never answer nor close.
    const req = https.request(
      new URL(path, access.server),
      {
        method,
        agent: access.agent,
        signal: AbortSignal.timeout(30_000),
        headers: headers(access, body === undefined ? undefined : contentType),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('error', reject);
        res.on('end', () => {
          let parsed: any = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* plain text such as /readyz */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', (e) =>
      reject(e.name === 'TimeoutError' || e.name === 'AbortError' ? new Error(`${method} ${path}: no answer within 30 s`) : e),
    );
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

export async function apiOk<T = any>(access: KubeAccess, method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const res = await api<T>(access, method, path, body, contentType);
  if (res.status < 200 || res.status >= 300)
    throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

export type WatchHandler = (type: string, object: any, atMs: number) => void;

/**
 * Lists `path`, reports every item as ADDED, then watches from the list's resourceVersion until stopped. When the
 * server says the version is gone (410 Expired) it lists again; consumers only keep "first seen" moments, so items
 * reported twice do no harm.
 */
export function listAndWatch(access: KubeAccess, path: string, onEvent: WatchHandler): { ready: Promise<void>; stop: () => void } {
  const controller = new AbortController();
  const list = async () => {
    const items = await apiOk(access, 'GET', path);
    const at = nowMs();
    for (const item of items.items ?? []) onEvent('ADDED', item, at);
    return items.metadata.resourceVersion as string;
  };
  const ready = (async () => {
    const rv = await list();
    void watchLoop(access, path, rv, list, onEvent, controller.signal);
  })();
  return { ready, stop: () => controller.abort() };
}

async function watchLoop(
  access: KubeAccess,
  path: string,
  from: string,
  relist: () => Promise<string>,
  onEvent: WatchHandler,
  signal: AbortSignal,
): Promise<void> {
  let rv: string | null = from;
  while (!signal.aborted) {
    try {
      rv ??= await relist();
      const sep = path.includes('?') ? '&' : '?';
      const url = new URL(`${path}${sep}watch=1&allowWatchBookmarks=true&resourceVersion=${rv}&timeoutSeconds=1800`, access.server);
      const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
        const req = https.request(url, { agent: access.agent, headers: headers(access), signal }, resolve);
        req.on('error', reject);
        req.end();
      });
      if (res.statusCode === 410) {
        res.resume();
        rv = null;
        continue;
      }
      for await (const line of createInterface({ input: res, crlfDelay: Infinity })) {
        if (!line.trim()) continue;
        const at = nowMs();
        const event = JSON.parse(line);
        if (event.type === 'ERROR' && event.object?.code === 410) {
          rv = null;
          break;
        }
        if (event.type === 'ERROR') throw new Error(`watch ${path}: ${JSON.stringify(event.object)}`);
        rv = event.object?.metadata?.resourceVersion ?? rv;
        if (event.type !== 'BOOKMARK') onEvent(event.type, event.object, at);
      }
    } catch (e) {
      if (signal.aborted) return;
      process.stderr.write(`bench: ${(e as Error).message}; watching again\n`);
      await sleep(1000);
    }
  }
}

function headers(access: KubeAccess, contentType?: string): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', 'user-agent': BENCH_USER_AGENT };
  if (contentType) h['content-type'] = contentType;
  if (access.token) h.authorization = `Bearer ${access.token}`;
  return h;
}
