// Minimal admin access for the cluster scripts themselves: raw HTTPS with the admin cert, and the kubectl built here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { paths } from './paths.mjs';
import { clusterPorts } from './ports.mjs';

let agent;
function adminAgent() {
  const pki = (f) => fs.readFileSync(path.join(paths.pki, f));
  agent ??= new https.Agent({ ca: pki('ca.crt'), cert: pki('admin.crt'), key: pki('admin.key'), keepAlive: true });
  return agent;
}

export function apiRequest(method, urlPath, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: clusterPorts().apiserver,
        path: urlPath,
        method,
        agent: adminAgent(),
        timeout: 5000,
        headers: body ? { 'content-type': contentType } : {},
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => {
          let parsed = data;
          try {
            parsed = JSON.parse(data);
          } catch {
            /* plain text such as /readyz */
          }
          resolve({ status: res.statusCode, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.on('error', reject);
    if (body) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

export const apiGet = (p) => apiRequest('GET', p);

export function kubectl(bin, args, input) {
  return execFileSync(`${bin}/kubectl`, ['--kubeconfig', paths.kubeconfig, ...args], {
    input,
    encoding: 'utf8',
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
}
