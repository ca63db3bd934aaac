// The fix for a pod sandbox that cannot be created names what to act on: the CNI plugin on that node, the node pool
// whose subnet ran out of pod IPs, the RuntimeClass handler missing from the runtime, or the node's pause image.
import type { Draft } from '../rules/types.js';

export function sandboxHint(d: Draft): string {
  const node = d.node ?? 'the node';
  const e = d.evidence;
  const pool = e.nodePool ? `node pool ${e.nodePool}` : `node ${node}`;
  const agent = `check the ${e.cni ?? 'CNI'} agent pod on ${node} (kubectl get pods -A -o wide --field-selector spec.nodeName=${node}) and its logs`;
  switch (e.sandboxCause) {
    case 'ip-exhausted':
      return `No pod IP is left for ${pool}${e.cni ? ` (${e.cni})` : ''}: give its subnet or pod CIDR more addresses (a larger or extra subnet, prefix delegation), lower max pods per node, or ${agent}; the pods elsewhere are not affected.`;
    case 'cni':
      return `The CNI plugin${e.cni ? ` ${e.cni}` : ''} on ${node} fails to set up pod networking: ${agent}, restart it, or cordon ${node} (kubectl cordon ${node}) until it works.`;
    case 'runtime-handler':
      return `Configure the runtime handler "${e.handler ?? ''}" in containerd on ${pool}, or give the RuntimeClass a scheduling.nodeSelector for the nodes that have it (or remove runtimeClassName from the pod template).`;
    case 'sandbox-image':
      return `${node} cannot pull the sandbox (pause) image ${e.image ?? ''}: check that node's registry credentials (the kubelet's image credential provider) and its route to the registry, pull it there again (crictl pull ${e.image ?? 'IMAGE'}), or replace the node in ${pool}.`;
    default:
      return `The runtime or CNI on ${node} cannot create the pod sandbox: check the CNI plugin's pods and logs there, or cordon the node.`;
  }
}
