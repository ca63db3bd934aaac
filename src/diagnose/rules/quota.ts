// A ResourceQuota refusing a pod of the new revision is not always doomed: during a rolling update the old pods still
// hold their share of the quota, and when the strategy may remove them first (maxUnavailable > 0, Recreate, a
// StatefulSet's one-at-a-time) the new pods fit once they are gone. The quota's own message gives the numbers:
//   exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1500m, limited: requests.cpu=2
// (k8s.io/apiserver admission/plugin/resourcequota: "exceeded quota: %s, requested: %s, used: %s, limited: %s").
import { formatQuantity, quantityToNumber } from '../../k8s/quantity.js';
import type { PodSpec, Workload } from '../../k8s/objects.js';
import { podLimit, podRequest } from '../quantity.js';
import { rollingFenceposts } from '../../k8s/int-or-percent.js';
import type { NewRevision } from '../new-revision.js';

export type QuotaOutlook =
  /** The new revision's pods fit once the old ones are gone, and the strategy can remove old pods first. */
  | { kind: 'fits-later'; detail: string }
  /** Even with every old pod gone, the new revision needs more than the quota allows. */
  | { kind: 'never-fits'; detail: string }
  /** It would fit, but the strategy never removes an old pod before a new one exists (maxUnavailable 0). */
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

export function quotaOutlook(message: string, kind: string, workload: Workload, revision: NewRevision): QuotaOutlook {
  const m = QUOTA.exec(message);
  if (!m) return { kind: 'unknown' };
  const requested = pairs(m[2]);
  const used = pairs(m[3]);
  const limited = pairs(m[4]);
  const template = workload.spec?.template?.spec;
  const liveNew = revision.pods.filter(
    (p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded',
  );
  const missingNew = Math.max(0, revision.desired - liveNew.length);
  let fitsLater = true;
  const details: string[] = [];
  for (const resource of requested.keys()) {
    const perPod = podUsage(template, resource);
    const usedNow = quantityToNumber(used.get(resource));
    const limit = quantityToNumber(limited.get(resource));
    if (perPod === null || usedNow === null || limit === null) return { kind: 'unknown' };
    const heldByOld = revision.olderPods.reduce((n, p) => n + (podUsage(p.spec, resource) ?? 0), 0);
    const needed = usedNow - heldByOld + missingNew * perPod;
    if (needed > limit + 1e-9) {
      fitsLater = false;
      details.push(
        `${resource}: the new pods need ${show(resource, needed)} with the old pods gone, the quota allows ${limited.get(resource)}`,
      );
    } else {
      details.push(`${resource}: ${show(resource, needed)} of ${limited.get(resource)} once the old pods are gone`);
    }
  }
  const detail = `ResourceQuota ${m[1]}: ${details.join('; ')}`;
  if (!fitsLater) return { kind: 'never-fits', detail };
  if (!removesOldPodsFirst(kind, workload))
    return { kind: 'stuck', detail: `${detail}, but maxUnavailable is 0: no old pod is removed first` };
  return { kind: 'fits-later', detail };
}
