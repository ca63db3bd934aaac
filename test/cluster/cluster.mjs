#!/usr/bin/env node
// The test cluster: a real control plane (etcd, kube-apiserver, controller-manager, scheduler) built from Go modules,
// with KWOK as the kubelet of fake worker nodes, all on 127.0.0.1.
//   up                 build what is missing, choose free ports (.cluster/ports.json), start everything, create
//                      worker-1..3, write .cluster/kubeconfig
//   down               stop exactly the processes `up` started (recorded pids) and delete .cluster/
//   status             say what runs
//   node OP NODE       stop | start | runtime-down | cordon | uncordon | drain
//   kubectl ARGS...    run the kubectl built with the cluster against it
import { spawnSync } from 'node:child_process';
import { up, down, status } from './lib/lifecycle.mjs';
import { nodeCommand } from './lib/node-faults.mjs';
import { binDir } from './lib/build.mjs';
import { paths } from './lib/paths.mjs';
import { withClusterLock } from './lib/lock.mjs';

const [command, ...args] = process.argv.slice(2);

async function main() {
  switch (command) {
    case 'up':
      await withClusterLock(() => up({ nodes: Number(process.env.KDG_NODES ?? 3) }));
      break;
    case 'down':
      await withClusterLock(down);
      break;
    case 'status':
      await status();
      break;
    case 'node':
      await nodeCommand(args[0], args[1]);
      break;
    case 'kubectl': {
      const r = spawnSync(`${binDir()}/kubectl`, ['--kubeconfig', paths.kubeconfig, ...args], { stdio: 'inherit' });
      process.exitCode = r.status ?? 1;
      break;
    }
    default:
      console.error('usage: cluster.mjs up | down | status | node stop|start|runtime-down|cordon|uncordon|drain NODE | kubectl ARGS');
      process.exitCode = 2;
  }
}

main().catch((e) => {
  console.error(`cluster ${command}: ${e.message}`);
  process.exitCode = 1;
});
