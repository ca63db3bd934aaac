// One label selector, per namespace, that every pod, ReplicaSet and ControllerRevision of the run's workloads matches:
// the server then sends only those, however many other teams' pods share the namespace. A workload's selector names
// labels its pods must carry (the API refuses a template its selector does not match), the deployment controller
// copies the template's labels onto each ReplicaSet, and the StatefulSet and DaemonSet controllers onto each
// ControllerRevision (k8s.io/kubernetes pkg/controller/deployment/sync.go getNewReplicaSet, pkg/controller/history
// NewControllerRevision). So a key every workload's selector requires, with the union of the values they require,
// selects a superset of the run's objects: `app in (api,web)`. Without such a key there is no selector, and the
// namespace is watched whole.
import { record, text } from '../k8s/fields.js';
import { JOB_NAME_LABELS } from '../k8s/well-known.js';
import { requirementsOf, workloadSelector } from '../k8s/label-selector.js';
import type { WorkloadRef } from '../k8s/kinds.js';

/** A workload of the run: its identity and, when known, the object this run applied (its selector and template). */
export interface ScopeTarget extends WorkloadRef {
  applied?: unknown;
}

/** Per key, the values a workload's pods surely carry, or 'any' when only the key is sure. */
type SureLabels = Map<string, Set<string> | 'any'>;

// Label keys and values as the API validates them (pkg/util/validation: qualified names, label values).
const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
/** Beyond this a URL grows unwieldy; the namespace is then watched whole. */
const MAX_SELECTOR_LENGTH = 8000;

function add(sure: SureLabels, key: string, values: Set<string> | 'any'): void {
  const had = sure.get(key);
  // Two requirements on one key both hold: the narrower one is what is sure.
  if (had === undefined || had === 'any') sure.set(key, values);
  else if (values !== 'any') sure.set(key, new Set([...had].filter((v) => values.has(v))));
}

function fromSelector(sure: SureLabels, selector: unknown): boolean {
  const requirements = requirementsOf(selector);
  if (!requirements) return false;
  for (const r of requirements) {
    if (r.operator === 'In') add(sure, r.key, new Set(r.values));
    if (r.operator === 'Exists') add(sure, r.key, 'any');
  }
  return true;
}

function labelsOf(obj: unknown): Record<string, unknown> {
  return record(record(obj).labels);
}

/** What every pod (and ReplicaSet, ControllerRevision) of this workload carries; null when nothing is known. */
export function sureLabels(target: ScopeTarget): SureLabels | null {
  const applied = record(target.applied);
  const spec = record(applied.spec);
  const sure: SureLabels = new Map();
  switch (target.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicationController':
      return target.applied !== undefined && fromSelector(sure, workloadSelector(target.kind, target.applied)) ? sure : null;
    case 'Job': {
      // The Job controller labels its pods with the Job's name (the unprefixed label first: clusters before 1.27 set
      // only that one); a Job's template cannot change after creation.
      for (const key of [...JOB_NAME_LABELS].reverse()) add(sure, key, new Set([target.name]));
      for (const [k, v] of Object.entries(labelsOf(record(spec.template).metadata))) add(sure, k, new Set([text(v)]));
      if (spec.selector !== undefined) fromSelector(sure, spec.selector);
      return sure;
    }
    case 'Pod':
      if (target.applied === undefined) return null;
      for (const [k, v] of Object.entries(labelsOf(applied.metadata))) add(sure, k, new Set([text(v)]));
      return sure;
  }
}

/**
 * The selector for the workloads of one namespace: the key every one of them surely carries that selects the fewest
 * values (a key with 'any' value selects by its presence alone), or null when there is none.
 */
export function runSelector(targets: readonly ScopeTarget[]): string | null {
  if (targets.length === 0) return null;
  const all = targets.map(sureLabels);
  if (all.some((s) => s === null || s.size === 0)) return null;
  const sets = all as SureLabels[];
  let best: { key: string; values: Set<string> | 'any' } | null = null;
  for (const key of sets[0].keys()) {
    if (!KEY.test(key) || !sets.every((s) => s.has(key))) continue;
    const union = sets.reduce<Set<string> | 'any'>((acc, s) => {
      const v = s.get(key)!;
      return acc === 'any' || v === 'any' ? 'any' : new Set([...acc, ...v]);
    }, new Set());
    if (union !== 'any' && (union.size === 0 || [...union].some((v) => !VALUE.test(v)))) continue;
    if (!best || narrower(union, best.values)) best = { key, values: union };
  }
  if (!best) return null;
  const selector = best.values === 'any' ? best.key : `${best.key} in (${[...best.values].sort().join(',')})`;
  return selector.length <= MAX_SELECTOR_LENGTH ? selector : null;
}

function narrower(a: Set<string> | 'any', b: Set<string> | 'any'): boolean {
  if (a === 'any') return false;
  return b === 'any' || a.size < b.size;
}
