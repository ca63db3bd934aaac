// The one place that talks HTTP to the API server. Plain JSON in and out (no generated model classes, so the pure
// core sees objects exactly as the API sends them). Credentials, CA and proxies come from client-node's KubeConfig.
import https from 'node:https';
import http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, describeTransportError } from './errors.js';

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Requests that may be retried after 429/5xx/transport errors (reads, and writes that are idempotent). */
  retry?: boolean;
  signal?: AbortSignal;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8000 };

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export class KubeHttp {
  /** Counts requests by verb, for tests and the benchmark (client side). */
  readonly counters = new Map<string, number>();

  constructor(
    readonly kc: KubeConfig,
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  get server(): string {
    return this.kc.getCurrentCluster()?.server ?? '';
  }

  async request<T = any>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const retry = options.retry ?? method === 'GET';
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.send(method, path, options);
        if (res.status >= 200 && res.status < 300) return res.body as T;
        const error = KubeApiError.fromResponse(method, path, res.status, res.body, res.headers['retry-after']);
        if (!retry || !RETRYABLE_STATUS.has(res.status) || attempt >= this.retryPolicy.attempts) throw error;
        await this.sleep(this.delay(attempt, error.retryAfterSeconds));
      } catch (e) {
        if (e instanceof KubeApiError) throw e;
        if (options.signal?.aborted) throw e;
        const transport = describeTransportError(e, this.server);
        if (!retry || attempt >= this.retryPolicy.attempts) throw transport;
        await this.sleep(this.delay(attempt));
      }
    }
  }

  private delay(attempt: number, retryAfterSeconds?: number): number {
    if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, this.retryPolicy.maxDelayMs);
    const exp = this.retryPolicy.baseDelayMs * 2 ** (attempt - 1);
    return Math.min(exp, this.retryPolicy.maxDelayMs) * (0.75 + Math.random() * 0.5);
  }

  private async send(method: string, path: string, options: RequestOptions) {
    const req = await this.open(method, path, options);
    return new Promise<{ status: number; body: unknown; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json')) {
            try {
              body = JSON.parse(text);
            } catch {
              /* keep the text: the error path shows it */
            }
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      });
      req.on('error', reject);
      this.writeBody(req, options);
    });
  }

  /** Opens a streaming GET (watch, logs): resolves with the response once headers arrive. */
  async stream(path: string, query: RequestOptions['query'], signal?: AbortSignal): Promise<http.IncomingMessage> {
    const req = await this.open('GET', path, { query, signal });
    return new Promise((resolve, reject) => {
      req.on('response', async (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          const chunks: Buffer[] = [];
          for await (const c of res) chunks.push(c as Buffer);
          let body: unknown = Buffer.concat(chunks).toString('utf8');
          try {
            body = JSON.parse(body as string);
          } catch {
            /* plain text */
          }
          reject(KubeApiError.fromResponse('GET', path, res.statusCode ?? 0, body, res.headers['retry-after']));
          return;
        }
        resolve(res);
      });
      req.on('error', (e) => reject(signal?.aborted ? e : describeTransportError(e, this.server)));
      req.end();
    });
  }

  private async open(method: string, path: string, options: RequestOptions): Promise<http.ClientRequest> {
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const opts: https.RequestOptions = {
      method,
      headers: { accept: 'application/json', 'user-agent': 'kube-deploy-gate' },
      signal: options.signal,
    };
    await this.kc.applyToHTTPSOptions(opts);
    // A plain-HTTP server (kubectl proxy) takes no TLS agent.
    if (url.protocol === 'http:') delete opts.agent;
    const key = `${method} ${options.query?.watch ? 'watch' : ''}`.trim();
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
    const transport = url.protocol === 'http:' ? http : https;
    return transport.request(url, opts);
  }

  private writeBody(req: http.ClientRequest, options: RequestOptions): void {
    if (options.body !== undefined) {
      const text = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      req.setHeader('content-type', options.contentType ?? 'application/json');
      req.setHeader('content-length', Buffer.byteLength(text));
      req.write(text);
    }
    req.end();
  }
}
