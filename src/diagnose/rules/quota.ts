// A ResourceQuota refusing a pod of the new revision is not always doomed: during a rolling update the old pods still
// hold their share of the quota, and when the strategy may remove them first (maxUnavailable > 0, Recreate, a
// StatefulSet's one-at-a-time) the new pods fit once they are gone. The quota's own message gives the numbers:
//   exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1500m, limited: requests.cpu=2
// (k8s.io/apiserver admission/plugin/resourcequota: "exceeded quota: %s, requested: %s, used: %s, limited: %s").
import { formatQuantity, quantityToNumber } from '../../k8s/quantity.js';
import type { PodSpec, Workload } from '../../k8s/objects.js';
import { podLimit, podRequest } from '../quantity.js';
import { rollingFenceposts } from '../../k8s/int-or-percent.js';

export type QuotaOutlook =
  /** The new revision's pods fit once the old ones are gone, and the strategy can remove old pods first. */
  | { kind: 'fits-later'; detail: string }
  /** The new revision alone needs more than the quota allows. */
  | { kind: 'never-fits'; detail: string }
  /**
   * It would fit, but nothing of this rollout frees room: no old pods, or a strategy that never removes an old pod
   * before a new one exists (maxUnavailable 0). Only other users of the quota going away can unblock it.
   */
  | { kind: 'stuck'; detail: string }
  | { kind: 'unknown' };

const QUOTA = /exceeded quota: ([^,\s]+), requested: (.*?), used: (.*?), limited: (.*)$/;

function pairs(text: string): Map<string, string> {
  return new Map(
    text
      .split(',')
      .map((p) => p.trim().split('='))
      .filter((kv): kv is [string, string] => kv.length === 2),
  );
}

/**
 * What one pod counts against a quota resource ("pods", "requests.cpu", "limits.memory", "cpu"...), the sums
 * pkg/quota/v1/evaluator/core/pods.go makes (init containers and overhead included); null for a resource this rule
 * does not model. The plan's quota check counts with it too.
 */
export function podUsage(spec: PodSpec | undefined, resource: string): number | null {
  if (resource === 'pods' || resource === 'count/pods') return 1;
  const m = /^(requests|limits)\.(.+)$/.exec(resource);
  if (m) return m[1] === 'requests' ? podRequest(spec, m[2]) : podLimit(spec, m[2]);
  // The bare names are the requests.
  if (['cpu', 'memory', 'ephemeral-storage'].includes(resource)) return podRequest(spec, resource);
  return null;
}

/** Whether the rollout may remove an old pod before its replacement exists. */
function removesOldPodsFirst(kind: string, workload: Workload): boolean {
  if (kind === 'StatefulSet' || kind === 'Job') return true;
  const strategy = kind === 'DaemonSet' ? workload.spec?.updateStrategy : workload.spec?.strategy;
  if (strategy?.type === 'Recreate') return true;
  return rollingFenceposts(strategy?.rollingUpdate, workload.spec?.replicas ?? 1).maxUnavailable > 0;
}

function show(resource: string, value: number): string {
  return formatQuantity(resource.replace(/^(requests|limits)\./, ''), value);
}

/**
 * `oldPods`: the specs of the old revision's pods that still run. With maxUnavailable 0 they stay until a new pod is
 * available, so the first new pod must fit beside all of them: when it cannot even with the quota to themselves, no
 * other user going away can help.
 */
export function quotaOutlook(message: string, kind: string, workload: Workload, oldPods: readonly (PodSpec | undefined)[]): QuotaOutlook {
  const m = QUOTA.exec(message);
  if (!m) return { kind: 'unknown' };
  const requested = pairs(m[2]);
  const limited = pairs(m[4]);
  const template = workload.spec?.template?.spec;
  const desired = kind === 'Job' ? 1 : (workload.spec?.replicas ?? 1);
  const details: string[] = [];
  let fits = true;
  const beside: string[] = [];
  // Only the template and the limit are trusted here: the message's "used" dates from the refusal, and the old pods
  // it counted may be gone since. Whatever else uses the quota, a revision that needs more than the limit never fits.
  for (const resource of requested.keys()) {
    const perPod = podUsage(template, resource);
    const limit = quantityToNumber(limited.get(resource));
    if (perPod === null || limit === null) return { kind: 'unknown' };
    const needed = desired * perPod;
    if (needed > limit + 1e-9) fits = false;
    const held = oldPods.reduce((sum, spec) => sum + (podUsage(spec, resource) ?? 0), 0);
    if (oldPods.length > 0 && held + perPod > limit + 1e-9)
      beside.push(
        `${resource}: the first new pod (${show(resource, perPod)}) beside the ${oldPods.length} old one${oldPods.length === 1 ? '' : 's'} (${show(resource, held)}) needs ${show(resource, held + perPod)}, the quota allows ${limited.get(resource)}`,
      );
    details.push(
      `${resource}: ${desired} new pod${desired === 1 ? '' : 's'} need ${show(resource, needed)}, the quota allows ${limited.get(resource)}`,
    );
  }
  const detail = `ResourceQuota ${m[1]}: ${details.join('; ')}`;
  if (!fits) return { kind: 'never-fits', detail };
  if (oldPods.length === 0) return { kind: 'stuck', detail: `${detail}, but the quota is held by other pods` };
  if (!removesOldPodsFirst(kind, workload) && beside.length > 0)
    return {
      kind: 'never-fits',
      detail: `ResourceQuota ${m[1]}: ${beside.join('; ')}, and maxUnavailable is 0: no old pod is removed before a new one runs`,
    };
  if (!removesOldPodsFirst(kind, workload))
    return { kind: 'stuck', detail: `${detail}, but maxUnavailable is 0: no old pod is removed first` };
  return { kind: 'fits-later', detail };
}
