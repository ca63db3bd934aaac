// Pods that ended or are being removed: stopped at activeDeadlineSeconds ("Pod was active on the node longer than the
// specified deadline"), or terminating well past their grace period. A pod stuck terminating on a node that stopped
// reporting is two findings: `terminating-stuck` (nothing will confirm the deletion without the kubelet) and the node's
// own. A StatefulSet cannot create <name>-N again while the old <name>-N exists, so there both are as fatal as the lost
// node; a Deployment's or Job's controller has already replaced the pod, so there neither holds the rollout back.
import { timeOf } from '../../k8s/fields.js';
import { controllerKindOf } from '../../k8s/owners.js';
import { draft, type Draft, type PodContext } from './types.js';

/** deletionTimestamp already includes the grace period; this is the slack after it before we call it stuck. */
export const TERMINATING_SLACK_MS = 30_000;

/** On a node that is down nothing can complete a deletion, so it is stuck at once; elsewhere only past grace + slack. */
function terminatingStuck(ctx: PodContext, nodeDown: Draft | null): Draft | null {
  const { pod, now } = ctx;
  const deletion = pod.metadata?.deletionTimestamp;
  if (!deletion) return null;
  const overdue = now.getTime() - (timeOf(deletion) ?? now.getTime());
  if (!nodeDown && overdue < TERMINATING_SLACK_MS) return null;
  const finalizers = pod.metadata?.finalizers ?? [];
  const node = pod.spec?.nodeName;
  const why = nodeDown
    ? `; node ${node} ${nodeDown.category === 'node-runtime-down' ? 'reports its container runtime down' : 'stopped reporting'}, so nothing confirms that its containers stopped`
    : finalizers.length
      ? `; finalizers: ${finalizers.join(', ')}`
      : '';
  const when =
    overdue >= 0
      ? `should have been gone ${Math.round(overdue / 1000)}s ago`
      : `is being deleted (grace period ends in ${Math.round(-overdue / 1000)}s)`;
  return draft(ctx, {
    category: 'terminating-stuck',
    reason: 'Terminating',
    message: `The pod ${when} (deletionTimestamp ${deletion})${why}`,
    evidence: nodeDown
      ? { stuckOn: 'node', cause: nodeDown.category }
      : { stuckOn: finalizers.length ? 'finalizers' : undefined, cause: finalizers.join(', ') || undefined },
    since: deletion,
  });
}

/**
 * Findings for a pod on a node that is down or being deleted (empty when neither applies). `nodeDown` is the node
 * rule's draft for the pod's node, if any.
 */
export function removalRule(ctx: PodContext, nodeDown: Draft | null): Draft[] {
  if (!ctx.pod.metadata?.deletionTimestamp) return nodeDown ? [nodeDown] : [];
  const stuck = terminatingStuck(ctx, nodeDown);
  if (!nodeDown) return stuck ? [stuck] : [];
  // Only a StatefulSet waits for this very pod to be gone before it can run the ordinal again.
  const holdsOrdinal = controllerKindOf(ctx.pod) === 'StatefulSet';
  const node = holdsOrdinal ? nodeDown : { ...nodeDown, provisional: true };
  if (!stuck) return [node];
  // Under a StatefulSet it is exactly as fatal as the node is lost: same policy, same clock.
  return [holdsOrdinal ? { ...stuck, policyCategory: nodeDown.category, since: nodeDown.since } : { ...stuck, provisional: true }, node];
}

export const deadlineRule = (ctx: PodContext): Draft | null => {
  const { pod } = ctx;
  const status = pod.status ?? {};
  if (status.phase !== 'Failed' || status.reason !== 'DeadlineExceeded') return null;
  const seconds = pod.spec?.activeDeadlineSeconds;
  return draft(ctx, {
    category: 'active-deadline-exceeded',
    reason: 'DeadlineExceeded',
    message: `${status.message ?? 'Pod was active on the node longer than the specified deadline'}${seconds !== undefined ? ` (activeDeadlineSeconds ${seconds})` : ''}`,
  });
};
