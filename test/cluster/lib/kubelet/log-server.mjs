// The kubelet's containerLogs endpoint (pkg/kubelet/server/server.go getContainerLogs) over TLS on 127.0.0.1, the
// kubeletEndpoint every fake node advertises. The apiserver proxies GET pods/log here and turns a 400 answer into
// "Error from server (BadRequest): <text>", as with a real kubelet. KWOK's own server is not used: it returns its
// log file whatever the container's state, so it cannot give the kubelet's errors for a container that is still
// waiting or has no previous instance.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { paths } from '../paths.mjs';
import { logInstance, logLines, renderLog } from './container-log.mjs';

const ROUTE = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/;

/** findPod(namespace, name) returns the pod as last seen, or undefined. */
export function serveContainerLogs(port, findPod, log) {
  const pki = (f) => fs.readFileSync(path.join(paths.pki, f));
  const server = https.createServer({ key: pki('kubelet.key'), cert: pki('kubelet.crt') }, (req, res) => {
    const url = new URL(req.url, 'https://kubelet');
    const match = ROUTE.exec(url.pathname);
    const fail = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (req.method !== 'GET' || !match) return fail(404, '404 page not found\n');
    const [namespace, podName, container] = match.slice(1).map(decodeURIComponent);
    const pod = findPod(namespace, podName);
    if (!pod) return fail(404, `pod "${podName}" does not exist`);
    const specs = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
    if (!specs.some((c) => c.name === container)) return fail(404, `container "${container}" not found in pod "${podName}"`);
    const q = Object.fromEntries(url.searchParams);
    if (q.tail !== undefined && q.tailLines === undefined && q.tail !== 'all') q.tailLines = q.tail;
    const flag = (v) => v === 'true' || v === '1';
    const instance = logInstance(pod, container, flag(q.previous));
    if (instance.error) return fail(400, instance.error);
    res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
    res.write(
      renderLog(logLines(pod, container, instance), {
        sinceTime: q.sinceTime,
        sinceSeconds: q.sinceSeconds,
        tailLines: q.tailLines,
        limitBytes: q.limitBytes,
        timestamps: flag(q.timestamps),
        stream: q.stream,
      }),
    );
    // A followed running container writes nothing more; keep the stream open until the client leaves, as it would.
    if (flag(q.follow) && instance.running) req.on('close', () => res.end());
    else res.end();
  });
  server.on('error', (e) => {
    // Without its endpoint the node has no logs at all: fail loudly so `up` reports it.
    log(`log server: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => log(`serving container logs on 127.0.0.1:${port}`));
  return server;
}
