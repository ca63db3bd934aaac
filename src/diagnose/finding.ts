// A draft becomes a Finding: the workload it belongs to, the hint, the fatal flag under the fail-fast policy at `now`,
// the latest events, and a per-pod count that merging adds up.
import { workloadId, type ObjectKey } from '../k8s/kinds.js';
import { categorySpec, type Category } from './categories/index.js';
import { lastEvents } from './events.js';
import { isFatal } from './policy.js';
import { DEFAULT_POLICY, type FailFastPolicy } from './categories/index.js';
import type { Draft } from './rules/types.js';

export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  count: number;
  /** RFC3339 time of the latest occurrence, when known. */
  lastSeen: string | null;
}

export interface SuspectedChange {
  field: string;
  before: string | null;
  after: string | null;
  /** The sentence the report shows as "Likely cause", e.g. "memory limit lowered from 512Mi to 256Mi in this change". */
  description?: string;
}

/** One distinct reason a workload is held back: the public shape of `findings` in the JSON and outputs. */
export interface Finding {
  category: Category;
  fatal: boolean;
  /** "Deployment/ns/name"; for another waited object its id in the same form ("Certificate/ns/web"). */
  workload: string;
  pod: string | null;
  container: string | null;
  node: string | null;
  reason: string | null;
  message: string;
  exitCode: number | null;
  restarts: number | null;
  hint: string;
  events: EventSummary[];
  logTail: string[];
  /** "3/3 pods" once merged across replicas. */
  count: string;
  suspectedChange: SuspectedChange | null;
}

export interface FindingOptions {
  now: Date;
  policy?: FailFastPolicy;
  /** Pods of the new revision, the denominator of "3/3 pods". */
  podTotal: number;
  /** For workload-level findings: how many of `podTotal` they concern. */
  affected?: number;
}

export function toFinding(d: Draft, ref: ObjectKey, options: FindingOptions): Finding {
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

/** The category's fix for this draft, quoting its evidence. */
export function hintFor(d: Draft, ref: ObjectKey): string {
  return categorySpec(d.category).hint(d, ref);
}
