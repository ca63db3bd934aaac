// Node faults a test (or a person) can cause, each through the real API:
//   stop          KWOK stops managing the node (its label no longer matches), so nothing renews its lease and the real
//                 node-lifecycle controller marks it Unknown and taints it, as when a kubelet dies.
//   runtime-down  the node reports Ready=False "container runtime is down" (a KWOK stage), heartbeats go on; its pods
//                 are marked so KWOK does not complete their deletion (a kubelet cannot stop containers then).
//   start         undo both, and clear a MemoryPressure the memory-hog scenario left.
//   cordon / uncordon / drain   what kubectl does.
import { binDir } from './build.mjs';
import { kubectl } from './api.mjs';
import { KWOK_NODE_LABEL, KWOK_NODE_VALUE } from './nodes.mjs';

const FAULT = 'kwok.kube-deploy-gate.dev/node-fault';
/** On the pods of a node whose runtime is down: nothing can stop their containers, so KWOK must not remove them. */
export const RUNTIME_DOWN = 'kwok.kube-deploy-gate.dev/runtime-down';

/** Annotates (or, with `key-`, un-annotates) every pod on the node; a node without pods is fine. */
function markPods(bin, node, annotation, run) {
  const pods = kubectl(bin, ['get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '-o', 'name']).trim();
  if (pods) run(['annotate', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '--overwrite', annotation]);
}

/** A MemoryPressure the memory-hog scenario left (the helper clears it itself after a while; start does it now). */
function relieveMemoryPressure(bin, node, run) {
  const status = kubectl(bin, ['get', 'node', node, '-o', 'jsonpath={.status.conditions[?(@.type=="MemoryPressure")].status}']);
  if (status.trim() !== 'True') return;
  const t = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const condition = {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
    lastHeartbeatTime: t,
    lastTransitionTime: t,
  };
  run(['patch', 'node', node, '--subresource=status', '--type=strategic', '-p', JSON.stringify({ status: { conditions: [condition] } })]);
}

export async function nodeCommand(op, node) {
  if (!op || !node) throw new Error('usage: cluster:node -- stop|start|runtime-down|cordon|uncordon|drain NODE');
  const bin = binDir();
  const run = (args) => process.stdout.write(kubectl(bin, args));
  switch (op) {
    case 'stop':
      run(['label', 'node', node, `${KWOK_NODE_LABEL}-`]);
      break;
    case 'runtime-down':
      run(['annotate', '--overwrite', 'node', node, `${FAULT}=runtime-down`]);
      markPods(bin, node, `${RUNTIME_DOWN}=true`, run);
      break;
    case 'start':
      run(['annotate', 'node', node, `${FAULT}-`]);
      run(['label', '--overwrite', 'node', node, `${KWOK_NODE_LABEL}=${KWOK_NODE_VALUE}`]);
      markPods(bin, node, `${RUNTIME_DOWN}-`, run);
      relieveMemoryPressure(bin, node, run);
      break;
    case 'cordon':
    case 'uncordon':
      run([op, node]);
      break;
    case 'drain':
      run(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=60s']);
      break;
    default:
      throw new Error(`unknown node operation "${op}": use stop, start, runtime-down, cordon, uncordon or drain`);
  }
}
