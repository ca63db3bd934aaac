// A ResourceQuota refusing a pod of the new revision is not always doomed: during a rolling update the old pods still
// hold their share of the quota, and when the strategy may remove them first (maxUnavailable > 0, Recreate, a
// StatefulSet's one-at-a-time) the new pods fit once they are gone. The quota's own message gives the numbers:
//   exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1500m, limited: requests.cpu=2
// (k8s.io/apiserver admission/plugin/resourcequota: "exceeded quota: %s, requested: %s, used: %s, limited: %s").
import { formatQuantity, quantityToNumber } from '../../k8s/quantity.js';
import type { PodSpec, Workload } from '../../k8s/objects.js';
import { podRequest } from '../quantity.js';

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

/** What one pod counts against a quota resource, or null for a resource this rule does not model. */
export function podUsage(spec: PodSpec | undefined, resource: string): number | null {
  if (resource === 'pods' || resource === 'count/pods') return 1;
  const m = /^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$/.exec(resource);
  if (!m) return null;
  if (m[1] === 'limits.') {
    return (spec?.containers ?? []).reduce((n, c) => n + (quantityToNumber(c.resources?.limits?.[m[2]]) ?? 0), 0);
  }
  return podRequest(spec, m[2]);
}

/** Whether the rollout may remove an old pod before its replacement exists. */
function removesOldPodsFirst(kind: string, workload: Workload): boolean {
  if (kind === 'StatefulSet' || kind === 'Job') return true;
  const strategy = kind === 'DaemonSet' ? workload.spec?.updateStrategy : workload.spec?.strategy;
  if (strategy?.type === 'Recreate') return true;
  const replicas = workload.spec?.replicas ?? 1;
  const raw = strategy?.rollingUpdate?.maxUnavailable ?? '25%';
  // The deployment controller rounds a percentage of maxUnavailable down (intstr.GetScaledValueFromIntOrPercent).
  const unavailable =
    typeof raw === 'number' ? raw : /^(\d+)%$/.test(String(raw)) ? Math.floor((replicas * Number(String(raw).slice(0, -1))) / 100) : 0;
  return unavailable > 0;
}

function show(resource: string, value: number): string {
  return formatQuantity(resource.replace(/^(requests|limits)\./, ''), value);
}

export function quotaOutlook(message: string, kind: string, workload: Workload, oldPods: number): QuotaOutlook {
  const m = QUOTA.exec(message);
  if (!m) return { kind: 'unknown' };
  const requested = pairs(m[2]);
  const limited = pairs(m[4]);
  const template = workload.spec?.template?.spec;
  const desired = kind === 'Job' ? 1 : (workload.spec?.replicas ?? 1);
  const details: string[] = [];
  let fits = true;
  // Only the template and the limit are trusted here: the message's "used" dates from the refusal, and the old pods
  // it counted may be gone since. Whatever else uses the quota, a revision that needs more than the limit never fits.
  for (const resource of requested.keys()) {
    const perPod = podUsage(template, resource);
    const limit = quantityToNumber(limited.get(resource));
    if (perPod === null || limit === null) return { kind: 'unknown' };
    const needed = desired * perPod;
    if (needed > limit + 1e-9) fits = false;
    details.push(
      `${resource}: ${desired} new pod${desired === 1 ? '' : 's'} need ${show(resource, needed)}, the quota allows ${limited.get(resource)}`,
    );
  }
  const detail = `ResourceQuota ${m[1]}: ${details.join('; ')}`;
  if (!fits) return { kind: 'never-fits', detail };
  if (oldPods === 0) return { kind: 'stuck', detail: `${detail}, but the quota is held by other pods` };
  if (!removesOldPodsFirst(kind, workload))
    return { kind: 'stuck', detail: `${detail}, but maxUnavailable is 0: no old pod is removed first` };
  return { kind: 'fits-later', detail };
}
