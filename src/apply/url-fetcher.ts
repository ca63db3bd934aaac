// Fetches a manifest named by URL: https (plain http only when allowed), one deadline for the whole fetch, a byte
// limit, a few redirects, and messages that name the URL (without its credentials). IO at the edge: the gate takes
// a fetcher through GateDeps like its other edges. Trust is Node's: its CA store plus NODE_EXTRA_CA_CERTS, which is
// how a private CA is added (the runner passes the step's env to the Action's process).
import http from 'node:http';
import https from 'node:https';
import { UserError } from '../errors.js';
import { formatDuration } from '../duration.js';
import { displayUrl } from './sources.js';

export const MANIFEST_MAX_BYTES = 10 * 1024 * 1024;
export const MANIFEST_MAX_REDIRECTS = 5;
export const MANIFEST_FETCH_TIMEOUT_MS = 30_000;

export interface FetchOptions {
  allowHttp: boolean;
  /** For the whole fetch, redirects included. */
  timeoutMs: number;
  /** What the timeout is, for the message when it is not the fetch's own ("the run's deadline"). */
  timeoutName?: string;
  maxBytes?: number;
  maxRedirects?: number;
  /** The run's signal: cancellation or the run's deadline end the fetch with the signal's reason. */
  signal?: AbortSignal;
}

export type UrlFetcher = (url: URL, options: FetchOptions) => Promise<string>;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;

const UNTRUSTED_TLS = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);

function networkError(e: NodeJS.ErrnoException): string {
  if (e.code && UNTRUSTED_TLS.has(e.code)) {
    return `its TLS certificate is not trusted (${e.code}); for a private CA, set NODE_EXTRA_CA_CERTS to the CA's PEM file in the step's env`;
  }
  if (e.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `its TLS certificate is for another host (${e.message})`;
  if (e.code === 'ECONNREFUSED') return 'the connection was refused';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (e.code === 'ECONNRESET') return 'the connection was reset';
  return e.message;
}

/** Resolves the manifest's text, or rejects with a UserError naming the URL (the signal's reason when it aborts). */
export const fetchManifestUrl: UrlFetcher = (url, o) =>
  new Promise<string>((resolve, reject) => {
    const shown = displayUrl(url);
    const maxBytes = o.maxBytes ?? MANIFEST_MAX_BYTES;
    const maxRedirects = o.maxRedirects ?? MANIFEST_MAX_REDIRECTS;
    const requests = new AbortController();
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      requests.abort();
      outcome();
    };
    const fail = (why: string) => finish(() => reject(new UserError(`could not fetch manifest ${shown}: ${why}`)));
    const onAbort = () => finish(() => reject(o.signal?.reason ?? new UserError(`fetching manifest ${shown} was cancelled`)));
    const limit = o.timeoutName ?? `within ${formatDuration(o.timeoutMs)}`;
    const timer = setTimeout(() => fail(`no complete answer ${limit}`), o.timeoutMs);
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener('abort', onAbort, { once: true });

    const get = (current: URL, redirects: number): void => {
      const to = redirects > 0 ? `redirected to ${displayUrl(current)}, ` : '';
      if (current.protocol === 'http:' && !o.allowHttp) return fail(`${to}plain http:// is refused unless allow-http-manifests is true`);
      if (current.protocol !== 'https:' && current.protocol !== 'http:') return fail(`${to}only https:// (and http://) is fetched`);
      const client = current.protocol === 'https:' ? https : http;
      const request = client.get(
        current,
        {
          signal: requests.signal,
          headers: { accept: 'application/yaml, application/json, text/plain, */*', 'user-agent': 'kube-deploy-gate' },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location) {
            res.resume();
            if (redirects >= maxRedirects) return fail(`more than ${maxRedirects} redirects`);
            let next: URL;
            try {
              next = new URL(res.headers.location, current);
            } catch {
              return fail(`redirected to an invalid URL (${res.headers.location})`);
            }
            return get(next, redirects + 1);
          }
          if (status < 200 || status >= 300) {
            res.resume();
            return fail(`the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`);
          }
          const tooBig = `it is larger than ${mib(maxBytes)}, the most a manifest URL may hold`;
          const declared = Number(res.headers['content-length'] ?? NaN);
          if (declared > maxBytes) return fail(tooBig);
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) fail(tooBig);
            else chunks.push(chunk);
          });
          res.on('end', () => finish(() => resolve(Buffer.concat(chunks).toString('utf8'))));
          res.on('error', (e) => fail(networkError(e)));
        },
      );
      request.on('error', (e) => fail(networkError(e)));
    };
    get(url, 0);
  });
