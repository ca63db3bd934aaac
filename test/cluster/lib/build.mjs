// Runs build.sh (which builds only what is missing from the cache) and remembers where the binaries are.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clusterSourceDir } from './paths.mjs';

let cached;

export function binDir({ build = false } = {}) {
  if (cached) return cached;
  const out = execFileSync('bash', [path.join(clusterSourceDir, 'build.sh'), ...(build ? [] : ['--print'])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  cached = out.trim().split('\n').pop();
  if (!fs.existsSync(path.join(cached, 'kube-apiserver'))) {
    throw new Error(`the cluster binaries are not built in ${cached}: run npm run cluster:up`);
  }
  return cached;
}

export function kubernetesVersion() {
  const env = fs.readFileSync(path.join(clusterSourceDir, 'versions.env'), 'utf8');
  return /^KUBERNETES_VERSION=(\S+)/m.exec(env)[1];
}
