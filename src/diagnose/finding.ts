// A draft becomes a Finding: the workload it belongs to, the hint, the fatal flag under the fail-fast policy at `now`,
// the latest events, and a per-pod count that merging adds up.
import { workloadId, type WorkloadRef } from '../k8s/kinds.js';
import { type Finding } from '../model.js';
import { lastEvents } from './events.js';
import { hintFor } from './hints.js';
import { DEFAULT_POLICY, isFatal, type FailFastPolicy } from './policy.js';
import type { Draft } from './rules/types.js';

export interface FindingOptions {
  now: Date;
  policy?: FailFastPolicy;
  /** Pods of the new revision, the denominator of "3/3 pods". */
  podTotal: number;
  /** For workload-level findings: how many of `podTotal` they concern. */
  affected?: number;
}

export function toFinding(d: Draft, ref: WorkloadRef, options: FindingOptions): Finding {
  const affected = options.affected ?? (d.pod ? 1 : options.podTotal);
  return {
    category: d.category,
    fatal: isFatal(d, options.now, options.policy ?? DEFAULT_POLICY),
    workload: workloadId(ref),
    pod: d.pod?.metadata?.name ?? null,
    container: d.container,
    node: d.node,
    reason: d.reason,
    message: d.message,
    exitCode: d.exitCode,
    restarts: d.restarts,
    hint: hintFor(d, ref),
    events: lastEvents(d.events),
    logTail: [],
    count: `${affected}/${options.podTotal} pods`,
    suspectedChange: null,
  };
}
