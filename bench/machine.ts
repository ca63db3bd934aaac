// Where the numbers came from: the machine and the versions, written next to the results.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { apiOk, type KubeAccess } from './kube-api.js';
import type { MachineInfo } from './lib/docs-render.js';
import { parseCpuModel, parseMemTotal } from './lib/proc-files.js';

export async function machineInfo(admin: KubeAccess, kubectl: string): Promise<MachineInfo> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const version = await apiOk(admin, 'GET', '/version');
  let kubectlVersion = 'unknown';
  try {
    kubectlVersion = JSON.parse(execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' })).clientVersion
      .gitVersion;
  } catch {
    /* shown as unknown */
  }
  return {
    cpuModel: parseCpuModel(cpuinfo),
    cpus: os.availableParallelism(),
    memory: parseMemTotal(fs.readFileSync('/proc/meminfo', 'utf8')),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    kubernetes: `${version.gitVersion} (etcd, kube-apiserver, controller-manager and scheduler built from source; KWOK as the kubelet)`,
    kubectl: kubectlVersion,
  };
}
