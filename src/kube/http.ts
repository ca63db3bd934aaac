// The one place that talks HTTP to the API server. Plain JSON in and out (no generated model classes, so the pure
// core sees objects exactly as the API sends them). Credentials, CA and proxies come from client-node's KubeConfig.
// Every request has a deadline, and the run's own signal ends any request (and any retry sleep) at once.
import https from 'node:https';
import http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, TransportError, describeTransportError } from './errors.js';
import { abortReason, withRetry, type RetryPolicy } from '../retry.js';
import { parseWarningHeaders } from './warnings.js';
import { redactServer } from './server-url.js';
import { describeCredentialError } from './credential-errors.js';

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Requests that may be retried after 429/5xx/transport errors (reads, and writes that are idempotent). */
  retry?: boolean;
  signal?: AbortSignal;
  /** Every Warning header of this request's answer (the dry run's "would violate PodSecurity"), not deduplicated. */
  onWarning?: (warning: string) => void;
}

export interface KubeHttpOptions {
  retry?: RetryPolicy;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long one request may take before it counts as a transport failure (and is retried when it may be). */
  requestTimeoutMs?: number;
  /** The run's signal: aborted at the run's deadline or on cancellation, it ends every request at once. */
  signal?: AbortSignal;
  /** The API server's `Warning: 299` headers (unknown fields, deprecated APIs), once each. */
  onWarning?: (warning: string) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8000 };
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

interface Answer {
  status: number;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export class KubeHttp {
  /** Counts requests by verb, for tests and the benchmark (client side). */
  readonly counters = new Map<string, number>();
  private readonly seenWarnings = new Set<string>();
  private runSignalValue: AbortSignal | undefined;

  constructor(
    readonly kc: KubeConfig,
    private readonly options: KubeHttpOptions = {},
  ) {
    this.runSignalValue = options.signal;
  }

  /** The server as messages show it: a user:password in the kubeconfig's URL is never printed. */
  get server(): string {
    return redactServer(this.rawServer);
  }

  private get rawServer(): string {
    return this.kc.getCurrentCluster()?.server ?? '';
  }

  /** The run's signal, for callers that start work of their own (watches). */
  get runSignal(): AbortSignal | undefined {
    return this.runSignalValue;
  }

  /** A run goes through phases with deadlines of their own (deploy, then rollback): each sets its signal here. */
  useRunSignal(signal: AbortSignal | undefined): void {
    this.runSignalValue = signal;
  }

  async request<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const retry = options.retry ?? method === 'GET';
    const signal = this.combined(options.signal);
    return withRetry(
      async () => {
        const res = await this.send(method, path, options, signal);
        if (res.status >= 200 && res.status < 300) return res.body as T;
        throw KubeApiError.fromResponse(method, path, res.status, res.body, res.headers['retry-after']);
      },
      {
        policy: this.options.retry ?? DEFAULT_RETRY,
        signal,
        sleep: this.options.sleep,
        retryable: (e) => {
          if (!retry) return null;
          if (e instanceof KubeApiError) {
            if (!RETRYABLE_STATUS.has(e.status) || isSchemaRefusal(e)) return null;
            return { afterMs: secondsToMs(e.retryAfterSeconds) };
          }
          return e instanceof TransportError ? {} : null;
        },
      },
    );
  }

  /** Opens a streaming GET (watch, logs): resolves with the response once headers arrive. */
  async stream(path: string, query: RequestOptions['query'], signal?: AbortSignal): Promise<http.IncomingMessage> {
    const combined = this.combined(signal);
    // The deadline covers the wait for the response headers only: a watch then streams as long as its caller wants.
    const headers = new AbortController();
    const headersTimer = setTimeout(
      () => headers.abort(new Error('no response headers in time')),
      this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    );
    const headersDeadline = headers.signal;
    let req: http.ClientRequest;
    try {
      req = await this.open('GET', path, { query }, AbortSignal.any([combined, headersDeadline].filter(isSignal)), 'stream');
    } catch (e) {
      clearTimeout(headersTimer);
      throw this.openFailure(e, combined, headersDeadline);
    }
    return new Promise((resolve, reject) => {
      req.on('response', async (res) => {
        clearTimeout(headersTimer);
        this.noteWarnings(res.headers);
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
        // Headers arrived: from here the stream lives as long as the caller's signal, not the headers deadline.
        resolve(res);
      });
      req.on('error', (e) => {
        clearTimeout(headersTimer);
        reject(this.failure(e, combined, headersDeadline));
      });
      req.end();
    });
  }

  private combined(signal: AbortSignal | undefined): AbortSignal | undefined {
    const signals = [signal, this.runSignalValue].filter(isSignal);
    return signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
  }

  private async send(method: string, path: string, options: RequestOptions, signal: AbortSignal | undefined): Promise<Answer> {
    const deadline = AbortSignal.timeout(this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    let req: http.ClientRequest;
    try {
      req = await this.open(method, path, options, AbortSignal.any([signal, deadline].filter(isSignal)), 'request');
    } catch (e) {
      // Credentials that cannot be obtained (an exec plugin that fails) surface here, before any byte is sent.
      throw this.openFailure(e, signal, deadline);
    }
    return new Promise<Answer>((resolve, reject) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(this.failure(e, signal, deadline)));
        res.on('end', () => {
          this.noteWarnings(res.headers);
          if (options.onWarning) for (const w of parseWarningHeaders(res.headers.warning)) options.onWarning(w);
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
      req.on('error', (e) => reject(this.failure(e, signal, deadline)));
      this.writeBody(req, options);
    });
  }

  private openFailure(e: unknown, run: AbortSignal | undefined, deadline: AbortSignal): Error {
    if (run?.aborted || deadline.aborted) return this.failure(e, run, deadline);
    return describeCredentialError(e, this.kc) ?? this.failure(e, run, deadline);
  }

  /** The run was cancelled (its reason as is), the request outlived its deadline, or the network failed. */
  private failure(e: unknown, run: AbortSignal | undefined, deadline: AbortSignal): Error {
    if (run?.aborted) return abortReason(run);
    if (deadline.aborted) {
      const seconds = (this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) / 1000;
      return new TransportError(`the Kubernetes API at ${this.server} did not answer within ${seconds}s`, 'ETIMEDOUT');
    }
    return describeTransportError(e, this.server);
  }

  private noteWarnings(headers: http.IncomingHttpHeaders): void {
    if (!this.options.onWarning) return;
    for (const warning of parseWarningHeaders(headers.warning)) {
      if (this.seenWarnings.has(warning)) continue;
      this.seenWarnings.add(warning);
      this.options.onWarning(warning);
    }
  }

  private async open(
    method: string,
    path: string,
    options: RequestOptions,
    signal: AbortSignal | undefined,
    use: ConnectionUse,
  ): Promise<http.ClientRequest> {
    const url = new URL(this.rawServer.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const opts: https.RequestOptions = {
      method,
      headers: { accept: 'application/json', 'user-agent': 'kube-deploy-gate' },
      signal,
    };
    await this.kc.applyToHTTPSOptions(opts);
    // A plain-HTTP server (kubectl proxy) takes no TLS agent.
    if (url.protocol === 'http:') delete opts.agent;
    else opts.agent = pooled(opts.agent, use);
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

/** Requests that answer and free their connection, or streams (watches) that hold theirs as long as they run. */
type ConnectionUse = 'request' | 'stream';

/** Connections for plain requests: a deploy of 500 workloads sends them 30 at a time, reusing each connection. */
export const REQUEST_CONNECTIONS = 30;

const pools = new WeakMap<object, Record<ConnectionUse, https.Agent>>();

/**
 * client-node hands out one https.Agent per cluster, without keep-alive or a limit: a deploy of 500 workloads opened
 * 1,500 TLS connections, 500 at once, and their native state was most of the gate's resident memory
 * (docs/benchmarks.md). The same options with keep-alive reuse connections; plain requests share a bounded pool (the
 * rest queue in the agent), and watches a pool of their own, so that however many watches run, a request never waits
 * for a connection a watch holds. Proxy agents (subclasses) are left as they are.
 */
function pooled(agent: https.RequestOptions['agent'], use: ConnectionUse): https.RequestOptions['agent'] {
  if (!(agent instanceof https.Agent) || agent.constructor !== https.Agent || agent.options.keepAlive) return agent;
  let pool = pools.get(agent);
  if (!pool) {
    pool = {
      request: new https.Agent({ ...agent.options, keepAlive: true, maxSockets: REQUEST_CONNECTIONS }),
      stream: new https.Agent({ ...agent.options, keepAlive: true }),
    };
    pools.set(agent, pool);
  }
  return pool[use];
}

/** Server-side apply answers 500 for a field the schema does not know: the same body fails the same way again. */
export function isSchemaRefusal(e: KubeApiError): boolean {
  return e.status === 500 && /field not declared in schema|failed to create typed patch object/.test(e.apiMessage);
}

function isSignal(s: AbortSignal | undefined): s is AbortSignal {
  return s !== undefined;
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}
