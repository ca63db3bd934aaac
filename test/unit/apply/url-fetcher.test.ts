// The manifest fetcher against a local HTTP server: the limits it promises (size, redirects, time) and messages that
// name the URL. HTTPS and the trust of a private CA are tested end to end (test/e2e/gate/inputs.test.ts).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchManifestUrl, MANIFEST_MAX_BYTES } from '../../../src/apply/url-fetcher.js';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-url\n';
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    switch (url.pathname) {
      case '/app.yaml':
        return res.end(MANIFEST);
      case '/redirect':
        res.writeHead(302, { location: hops > 1 ? `/redirect?hops=${hops - 1}` : '/app.yaml' });
        return res.end();
      case '/big-declared':
        res.writeHead(200, { 'content-length': String(MANIFEST_MAX_BYTES + 1) });
        return res.end();
      case '/big-chunked': {
        // No content-length: the limit must hold while reading.
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const more = () => {
          while (sent < 12 && res.write(chunk)) sent++;
          if (sent < 12) res.once('drain', more);
          else res.end();
        };
        return more();
      }
      case '/hang':
        return; // never answers
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const fetchText = (path: string, o: { allowHttp?: boolean; timeoutMs?: number; signal?: AbortSignal } = {}) =>
  fetchManifestUrl(new URL(base + path), { allowHttp: o.allowHttp ?? true, timeoutMs: o.timeoutMs ?? 5000, signal: o.signal });

describe('fetchManifestUrl', () => {
  it('returns the text', async () => {
    expect(await fetchText('/app.yaml')).toBe(MANIFEST);
  });
  it('follows up to 5 redirects, and names the URL past that', async () => {
    expect(await fetchText('/redirect?hops=5')).toBe(MANIFEST);
    await expect(fetchText('/redirect?hops=6')).rejects.toThrow(`could not fetch manifest ${base}/redirect?hops=6: more than 5 redirects`);
  });
  it('says what the server answered', async () => {
    await expect(fetchText('/missing.yaml')).rejects.toThrow(
      `could not fetch manifest ${base}/missing.yaml: the server answered 404 Not Found`,
    );
  });
  it.each(['/big-declared', '/big-chunked'])('%s: refuses more than 10 MiB', async (path) => {
    await expect(fetchText(path)).rejects.toThrow(
      `could not fetch manifest ${base}${path}: it is larger than 10 MiB, the most a manifest URL may hold`,
    );
  });
  it('gives up at its timeout', async () => {
    const started = Date.now();
    await expect(fetchText('/hang', { timeoutMs: 300 })).rejects.toThrow(
      `could not fetch manifest ${base}/hang: no complete answer within 300ms`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("ends at once with the run's reason when the run is cancelled or its deadline passes", async () => {
    const run = new AbortController();
    setTimeout(() => run.abort(new Error('the deploy did not finish within the timeout of 1s')), 100);
    await expect(fetchText('/hang', { signal: run.signal })).rejects.toThrow('the deploy did not finish within the timeout of 1s');
  });
  it('refuses plain http unless allowed (every redirect hop is checked the same way)', async () => {
    await expect(fetchText('/app.yaml', { allowHttp: false })).rejects.toThrow(
      `could not fetch manifest ${base}/app.yaml: plain http:// is refused unless allow-http-manifests is true`,
    );
  });
  it('explains a refused connection', async () => {
    await expect(fetchManifestUrl(new URL('http://127.0.0.1:1/a.yaml'), { allowHttp: true, timeoutMs: 2000 })).rejects.toThrow(
      'could not fetch manifest http://127.0.0.1:1/a.yaml: the connection was refused',
    );
  });
});
