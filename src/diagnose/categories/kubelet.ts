// The node's kubelet refused the pod the scheduler placed there, or stopped it for a node shutdown.
import type { HintSubject } from './spec.js';
import type { Draft } from '../rules/types.js';
import { AT_ONCE, type CategorySpec } from './spec.js';

function rejectedHint(d: Draft, w: HintSubject): string {
  const node = d.node ?? 'the node';
  const reason = d.reason ?? '';
  const e = d.evidence;
  if (reason === 'SysctlForbidden') {
    return e.refName && /host \w+ enabled/.test(d.message)
      ? `Remove sysctl ${e.refName} from securityContext.sysctls: with hostNetwork (or hostIPC) the kubelet never allows it; set it on the node instead.`
      : `Remove sysctl ${e.refName ?? ''} from the pod's securityContext.sysctls, or allow it on the kubelets that run the pod (--allowed-unsafe-sysctls) and keep the pod on those nodes.`;
  }
  if (e.cause === 'shutdown' || reason === 'NodeShutdown')
    return `Node ${node} was shutting down (a spot/preemptible VM or maintenance); the controller places a replacement elsewhere. If it repeats, run this workload on on-demand nodes and give it a PodDisruptionBudget.`;
  if (e.cause === 'preempted')
    return `The kubelet on ${node} stopped the pod to admit a critical pod (a static or system-node-critical pod): give the node more room or this workload a PriorityClass; the controller places a replacement.`;
  if (e.resource?.includes('/') || reason === 'UnexpectedAdmissionError' || reason === 'TopologyAffinityError')
    return `The device plugin or topology manager on ${node} could not give the pod what it requests (${e.resource ?? 'GPU or other devices'}): check the device plugin pod on that node and the node's allocatable resources.`;
  if (e.resource && d.provisional === false)
    return `The kubelet on ${node} keeps rejecting the new pods (${d.failures} so far) and the ReplicaSet keeps creating more: its count of ${e.resource} in use differs from the scheduler's. Cordon ${node} (kubectl cordon ${node}), restart its kubelet, and delete the Failed pods (kubectl delete pods --field-selector=status.phase=Failed -n ${w.namespace}).`;
  if (e.resource)
    return `The kubelet on ${node} counted more ${e.resource} in use than the scheduler did (static pods or pods outside the scheduler's view); the replacement is scheduled again. If it repeats, find what runs there outside the scheduler (kubectl describe node ${node}) or lower requests.${e.resource}.`;
  if (['NodeAffinity', 'NodeName', 'NodePorts', 'TaintToleration'].includes(reason))
    return `Node ${node} no longer matched the pod when its kubelet checked it (labels or taints changed after scheduling, e.g. a VM recreated without its pool labels): fix the node's labels or the pod's nodeSelector/affinity if it repeats.`;
  return `Read the kubelet's reason above (kubectl describe node ${node}); the controller retries with a new pod, which may land on another node.`;
}

export const KUBELET_CATEGORIES = {
  'pod-rejected': {
    // Conclusive (then fatal) only when replacements keep being rejected the same way, or at once when every node
    // will refuse the template (an unsafe sysctl): the rule marks the rest provisional (../recurring.ts).
    policy: AT_ONCE,
    phrase: 'is rejected by the kubelet',
    logs: 'none',
    workloadEffect: 'terminal',
    hint: rejectedHint,
  },
} satisfies Record<string, CategorySpec>;
