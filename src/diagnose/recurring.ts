// Evictions and kubelet rejections end one pod; the controller answers with a new one, which usually lands elsewhere
// and runs. So one is not conclusive. Replacements failing the same way are: at least REPEATS pods of the new revision
// within RECENT_MS with the same key, while the revision still lacks Ready pods (the ReplicaSet keeps creating pods
// that are rejected the same way, kubernetes#113211). A failure every node will repeat (an unsafe sysctl the kubelets
// refuse) is conclusive at once, unless some pod of the revision is Ready, which shows a node that accepts it.
import { timeOf } from '../k8s/fields.js';
import type { Pod } from '../k8s/objects.js';
import { isPodReady } from './classify-pod.js';
import type { Draft } from './rules/types.js';

export const REPEATS = 3;
export const RECENT_MS = 10 * 60_000;

export function settleRecurring(drafts: Draft[], newPods: Pod[], desired: number, now: Date): Draft[] {
  if (!drafts.some((d) => d.repeats)) return drafts;
  const ready = newPods.filter(isPodReady).length;
  const pods = new Map<string, Set<string>>();
  for (const d of drafts) {
    if (!d.repeats || !d.pod) continue;
    const at = timeOf(d.repeats.at);
    if (at !== null && now.getTime() - at > RECENT_MS) continue;
    const seen = pods.get(d.repeats.key) ?? new Set<string>();
    seen.add(d.pod.metadata?.uid ?? d.pod.metadata?.name ?? '');
    pods.set(d.repeats.key, seen);
  }
  return drafts.map((d) => {
    if (!d.repeats) return d;
    const count = pods.get(d.repeats.key)?.size ?? 0;
    const conclusive = (d.repeats.deterministic && ready === 0) || (count >= REPEATS && ready < desired);
    return { ...d, failures: Math.max(d.failures, count), provisional: d.provisional === true || !conclusive };
  });
}
