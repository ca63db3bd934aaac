// Pods that ended or are being removed: evicted by the kubelet ("The node was low on resource: memory. ..."), stopped
// at activeDeadlineSeconds ("Pod was active on the node longer than the specified deadline"), or terminating well past
// their grace period (a finalizer, or a kubelet that is gone).
import { timeOf } from '../../k8s/fields.js';
import { draft, type Draft, type PodContext } from './types.js';

/** deletionTimestamp already includes the grace period; this is the slack after it before we call it stuck. */
export const TERMINATING_SLACK_MS = 30_000;

export const podPhaseRule = (ctx: PodContext): Draft | null => {
  const { pod, now } = ctx;
  const deletion = pod.metadata?.deletionTimestamp;
  if (deletion) {
    const overdue = now.getTime() - (timeOf(deletion) ?? now.getTime());
    if (overdue < TERMINATING_SLACK_MS) return null;
    const finalizers = (pod.metadata as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    return draft(ctx, {
      category: 'terminating-stuck',
      reason: 'Terminating',
      message: `The pod should have been gone ${Math.round(overdue / 1000)}s ago (deletionTimestamp ${deletion})${finalizers.length ? `; finalizers: ${finalizers.join(', ')}` : ''}`,
      since: deletion,
    });
  }
  const status = pod.status ?? {};
  if (status.phase !== 'Failed') return null;
  if (status.reason === 'Evicted') {
    return draft(ctx, {
      category: 'evicted',
      reason: 'Evicted',
      message: (status.message ?? 'The kubelet evicted the pod').trim(),
      since: null,
    });
  }
  if (status.reason === 'DeadlineExceeded') {
    const seconds = pod.spec?.activeDeadlineSeconds;
    return draft(ctx, {
      category: 'active-deadline-exceeded',
      reason: 'DeadlineExceeded',
      message: `${status.message ?? 'Pod was active on the node longer than the specified deadline'}${seconds !== undefined ? ` (activeDeadlineSeconds ${seconds})` : ''}`,
    });
  }
  return null;
};
