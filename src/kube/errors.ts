// Turns what the API server (or the network) says into one sentence a person can act on. The Status object's own
// message is kept: it already names the object, verb and resource ("... cannot patch resource "deployments" ...").
import { UserError } from '../errors.js';

export class KubeApiError extends UserError {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
    readonly apiMessage: string,
    readonly retryAfterSeconds?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }

  static fromResponse(method: string, path: string, status: number, body: unknown, retryAfter?: string | string[]): KubeApiError {
    const s = (typeof body === 'object' && body !== null ? body : {}) as { message?: string; reason?: string; details?: unknown };
    const apiMessage = s.message ?? (typeof body === 'string' ? body.slice(0, 300).trim() : '');
    const reason = s.reason ?? '';
    const retry = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
    const retryAfterSeconds = retry !== undefined && /^\d+$/.test(retry) ? Number(retry) : undefined;
    return new KubeApiError(explain(method, path, status, apiMessage), status, reason, apiMessage, retryAfterSeconds, s.details);
  }
}

function explain(method: string, path: string, status: number, apiMessage: string): string {
  const what = `${method} ${path.split('?')[0]}`;
  switch (status) {
    case 401:
      return `the API server rejected the credentials (401 Unauthorized) on ${what}: the token or client certificate is expired or invalid; refresh the kubeconfig`;
    case 403:
      return `${apiMessage || `forbidden: ${what}`} (403 Forbidden): grant this verb on this resource to the gate's credentials (see README, "Permissions")`;
    case 404:
      return apiMessage || `not found: ${what}`;
    case 429:
      return `the API server is throttling requests (429 Too Many Requests) on ${what}: ${apiMessage}`;
    default:
      if (status >= 500) return `the API server failed (${status}) on ${what}: ${apiMessage || 'no message'}`;
      return apiMessage || `${what} failed with HTTP ${status}`;
  }
}

export class TransportError extends UserError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export function describeTransportError(e: unknown, server: string): TransportError {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? '';
  const detail = err.message ?? String(e);
  if (code === 'ECONNREFUSED') {
    return new TransportError(
      `cannot reach the Kubernetes API at ${server}: connection refused. Is the cluster running and the server address in the kubeconfig right?`,
      code,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError(`cannot reach the Kubernetes API at ${server}: the host name does not resolve`, code);
  }
  if (code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return new TransportError(`the connection to the Kubernetes API at ${server} failed (${code}): ${detail}`, code);
  }
  if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(code + detail)) {
    return new TransportError(
      `the API server at ${server} presented a certificate the kubeconfig's CA does not trust (${code || detail}): check certificate-authority-data`,
      code,
    );
  }
  if (/HTTP protocol is not allowed/.test(detail)) {
    return new TransportError(
      `the kubeconfig's server ${server} uses plain HTTP: use its https:// address, or set insecure-skip-tls-verify: true for a local proxy`,
      code,
    );
  }
  if (/wrong version number|EPROTO/i.test(code + detail)) {
    return new TransportError(`the server at ${server} does not speak HTTPS like a Kubernetes API server (${code || detail})`, code);
  }
  return new TransportError(`request to the Kubernetes API at ${server} failed: ${detail}`, code);
}
