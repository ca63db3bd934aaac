// HTTPS to the apiserver with the admin certificate. Writes the kubelet would make go out impersonating the node
// (system:node:<name> in system:nodes), so the Node authorizer and NodeRestriction judge them as the kubelet's own,
// and the audit log tells them apart from the product's requests.
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { paths } from '../paths.mjs';
import { clusterPorts } from '../ports.mjs';

// Read once: `up` records the ports before it starts this helper, and a new `up` restarts it.
let apiserverPort;
const apiserver = () => (apiserverPort ??= clusterPorts().apiserver);

let agent;
function adminAgent() {
  const pki = (f) => fs.readFileSync(path.join(paths.pki, f));
  agent ??= new https.Agent({ ca: pki('ca.crt'), cert: pki('admin.crt'), key: pki('admin.key'), keepAlive: true, maxSockets: 8 });
  return agent;
}

export const USER_AGENT = 'kubelet/v1.37.2 (linux/amd64) kubernetes/$Format';

/**
 * One request; resolves { status, body } (body parsed when JSON). `asNode` impersonates that node's kubelet;
 * `userAgent` names another helper (the widget controller) in the audit log.
 */
export function request(
  method,
  urlPath,
  { body, contentType = 'application/json', asNode, timeoutMs = 10_000, userAgent = USER_AGENT } = {},
) {
  const headers = { 'user-agent': userAgent, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = contentType;
  if (asNode) {
    headers['impersonate-user'] = `system:node:${asNode}`;
    headers['impersonate-group'] = 'system:nodes';
  }
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port: apiserver(), path: urlPath, method, agent: adminAgent(), headers, timeout: timeoutMs },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => {
          let parsed = data;
          try {
            parsed = JSON.parse(data);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.on('error', reject);
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

/**
 * Streams a watch; calls onEvent({type, object}) per line and resolves when the server ends the stream (it does so
 * after its watch timeout) or rejects on a connection error. A 410 arrives as an ERROR event.
 */
export function watchStream(urlPath, onEvent, userAgent = USER_AGENT) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: apiserver(),
        path: urlPath,
        method: 'GET',
        agent: adminAgent(),
        headers: { 'user-agent': userAgent, accept: 'application/json' },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`watch ${urlPath}: HTTP ${res.statusCode}`));
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffer += chunk;
          let nl;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line.trim()) onEvent(JSON.parse(line));
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
