// Pods the kubelet refused at admission, or stopped for a graceful node shutdown. rejectPod (pkg/kubelet/kubelet.go)
// records a Warning event and writes phase Failed, the reason, and "Pod was rejected: " + the message, with no container
// statuses: OutOfcpu / OutOfmemory / OutOfpods ("Node didn't have enough resource: cpu, requested: 250, used: 3750,
// capacity: 3920", lifecycle/predicate.go), NodeAffinity ("Predicate NodeAffinity failed" and, since 1.31, ": node(s)
// didn't match Pod's node affinity/selector"), UnexpectedAdmissionError (the device manager), SysctlForbidden
// (sysctl/allowlist.go: "forbidden sysctl: ..."), NodeShutdown ("Pod was rejected as the node is shutting down."). The
// node shutdown manager ends running pods with reason Terminated, "Pod was terminated in response to imminent node
// shutdown." (nodeshutdown_manager.go), and stops pods to admit a critical one (reason Preempting, "Preempted in order to
// admit critical pod", preemption/preemption.go). An admission refusal for node pressure (reason Evicted) is the
// eviction rule's.
import { failedAt } from './eviction.js';
import { draft, type Draft, type PodContext } from './types.js';

const PREFIX = 'Pod was rejected: ';
/** Reasons the kubelet's admit handlers give, for statuses written without the usual prefix. */
const ADMISSION_REASONS = new Set([
  'NodeAffinity',
  'NodeName',
  'NodePorts',
  'TaintToleration',
  'UnexpectedAdmissionError',
  'TopologyAffinityError',
  'SysctlForbidden',
  'NodeShutdown',
  'PodOSSelectorNodeLabelDoesNotMatch',
  'PodOSNotSupported',
  'InvalidNodeInfo',
  'UnexpectedPredicateFailureType',
  'UnknownReason',
  'AppArmor',
  'SupplementalGroupsPolicyNotSupported',
  'PodLevelResourcesNotSupported',
  'PodFeatureUnsupported',
]);
/** Refused whatever node the pod lands on: the template asks for it (an unsafe sysctl). */
const DETERMINISTIC = new Set(['SysctlForbidden']);
const SHUTDOWN = /imminent node shutdown|node shutdown manager|node is shutting/i;
/** The kubelet's critical-pod preemption (pkg/kubelet/preemption/preemption.go): reason Preempting. */
const PREEMPTED = /Preempted in order to admit critical pod/i;

function isRejection(reason: string, message: string): boolean {
  return message.startsWith(PREFIX) || ADMISSION_REASONS.has(reason) || /^OutOf\S+$/.test(reason);
}

export const rejectedRule = (ctx: PodContext): Draft | null => {
  const status = ctx.pod.status ?? {};
  const reason = status.reason ?? '';
  const message = (status.message ?? '').trim();
  if (status.phase !== 'Failed' || reason === 'Evicted') return null;
  const at = failedAt(ctx);
  if ((reason === 'Terminated' || reason === 'Shutdown') && SHUTDOWN.test(message)) {
    return draft(ctx, {
      category: 'pod-rejected',
      reason,
      message: `The kubelet stopped the pod for a graceful node shutdown: ${message}`,
      evidence: { cause: 'shutdown' },
      since: at,
      repeats: { key: `rejected:${reason}`, deterministic: false, at },
    });
  }
  if (reason === 'Preempting' || PREEMPTED.test(message)) {
    return draft(ctx, {
      category: 'pod-rejected',
      reason: reason || 'Preempting',
      message: `The kubelet stopped the pod to make room for a critical pod: ${message || 'Preempted in order to admit critical pod'}`,
      evidence: { cause: 'preempted' },
      since: at,
      repeats: { key: 'rejected:Preempting', deterministic: false, at },
    });
  }
  if (!isRejection(reason, message)) return null;
  const said = message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message;
  return draft(ctx, {
    category: 'pod-rejected',
    reason: reason || null,
    message: `The kubelet rejected the pod at admission${reason ? ` (${reason})` : ''}: ${said || 'no message'}`,
    evidence: { cause: reason, resource: /^OutOf(\S+)$/.exec(reason)?.[1], ...sysctlOf(said) },
    since: at,
    repeats: { key: `rejected:${reason}`, deterministic: DETERMINISTIC.has(reason), at },
  });
};

/** The sysctl a SysctlForbidden message names: `forbidden sysctl: "kernel.msgmax" not allowlisted`. */
function sysctlOf(message: string): { refName?: string; refKind?: string } {
  const name = /forbidden sysctl: "([^"]+)"/.exec(message)?.[1];
  return name ? { refKind: 'sysctl', refName: name } : {};
}
