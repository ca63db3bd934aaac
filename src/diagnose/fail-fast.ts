// Whether to stop waiting: every new-revision pod that exists has a fatal finding, or no pod can be created at all,
// or a terminal failure (the workload gave up, or its replacements keep failing the same way). One healthy or merely
// slow pod keeps the gate waiting, because then the deadline, not a guess, should decide.
import type { WorkloadKind } from '../k8s/kinds.js';
import type { Pod } from '../k8s/objects.js';
import { isFatal } from './policy.js';
import { DEFAULT_POLICY, categorySpec, type FailFastPolicy } from './categories/index.js';
import type { Draft } from './rules/types.js';

const effect = (d: Draft) => categorySpec(d.category).workloadEffect;

function samePod(a: Pod, b: Pod): boolean {
  const uid = a.metadata?.uid;
  if (uid && b.metadata?.uid) return uid === b.metadata.uid;
  return a.metadata?.name === b.metadata?.name && (a.metadata?.namespace ?? '') === (b.metadata?.namespace ?? '');
}

/** Pods that still count for the rollout: not being deleted and, except for a bare Pod, not finished. */
export function livePods(kind: WorkloadKind, pods: Pod[]): Pod[] {
  return pods.filter(
    (p) => !p.metadata?.deletionTimestamp && (kind === 'Pod' || (p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')),
  );
}

export function doomed(kind: WorkloadKind, drafts: Draft[], newPods: Pod[], now: Date, policy: FailFastPolicy = DEFAULT_POLICY): boolean {
  const fatal = (d: Draft) => isFatal(d, now, policy);
  // Terminal findings may be about a pod that no longer counts as live (a rejected or evicted one, one stuck
  // terminating): they end the wait all the same.
  if (drafts.some((d) => effect(d) === 'terminal' && fatal(d))) return true;
  const live = livePods(kind, newPods);
  // With no new pod yet, what blocks its creation decides: the workload's own refusal, or an older pod the
  // controller must get past (a StatefulSet's, on a lost node).
  const older = (d: Draft) => d.pod !== null && !newPods.some((p) => samePod(p, d.pod!));
  if (live.length === 0) return drafts.some((d) => ((d.pod === null && effect(d) === 'blocks-creation') || older(d)) && fatal(d));
  return live.every((pod) => drafts.some((d) => d.pod !== null && samePod(d.pod, pod) && fatal(d)));
}
