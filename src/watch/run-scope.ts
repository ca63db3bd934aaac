// What can matter to the run in one namespace, decided from the objects alone: the early filter that drops everything
// else before it enters the store, and (for a busy namespace) the objects whose events are worth a watch of their own.
// The filters are supersets of what the diagnosis reads for the run's workloads (diagnose/new-revision.ts: the pods
// and ReplicaSets they own or claim; diagnose/classify-pod.ts and assess.ts: events about those pods, the workload,
// its ReplicaSets and the namespace's PVCs), so dropping the rest never changes a finding.
import type { CollectionName, WorkloadKind } from '../k8s/kinds.js';
import { WORKLOADS } from '../k8s/kinds.js';
import { record, text } from '../k8s/fields.js';
import type { KubeObject } from '../k8s/objects.js';
import { requirementMatches, requirementsOf, workloadSelector, type LabelRequirement } from '../k8s/label-selector.js';
import { JOB_NAME_LABELS } from '../k8s/well-known.js';
import { runSelector, type ScopeTarget } from './run-selector.js';

export type { ScopeTarget } from './run-selector.js';

/** An object whose events a targeted watch follows (involvedObject.kind and .name, in the scope's namespace). */
export interface EventSubject {
  kind: string;
  name: string;
}

/** A generated pod name keeps at most 58 characters of its base (apiserver names.SimpleNameGenerator). */
const GENERATED_BASE = 58;

function metadata(obj: unknown) {
  const m = record(record(obj).metadata);
  return { name: text(m.name), labels: record(m.labels) as Record<string, string>, owners: ownersOf(m.ownerReferences) };
}

function ownersOf(refs: unknown): { kind: string; name: string }[] {
  return Array.isArray(refs) ? refs.map((r) => ({ kind: text(record(r).kind), name: text(record(r).name) })) : [];
}

export class NamespaceScope {
  /** A label selector every pod, ReplicaSet and ControllerRevision of the run carries here; null: none. */
  readonly labelSelector: string | null;
  private readonly names = new Map<WorkloadKind, Set<string>>();
  /** Each workload's selector as requirements, read once: every pod event of the namespace is checked against them. */
  private readonly selectors = new Map<WorkloadKind, LabelRequirement[][]>();
  /** The names a generated pod name of each workload starts with; the ones of Pods are whole names. */
  private readonly podPrefixes: string[] = [];
  private readonly replicaSetPrefixes: string[] = [];
  /** Workloads whose selector is unknown (no applied object): their pods cannot be told apart, so all are kept. */
  private readonly blind: boolean;

  constructor(
    readonly namespace: string,
    readonly targets: readonly ScopeTarget[],
    /** The other objects of the run waited for here (Services, claims, custom resources): their events matter too. */
    readonly others: readonly EventSubject[] = [],
  ) {
    this.labelSelector = runSelector(targets);
    for (const t of targets) {
      let names = this.names.get(t.kind);
      if (!names) this.names.set(t.kind, (names = new Set()));
      names.add(t.name);
      const requirements = requirementsOf(workloadSelector(t.kind, t.applied));
      if (requirements) {
        let selectors = this.selectors.get(t.kind);
        if (!selectors) this.selectors.set(t.kind, (selectors = []));
        selectors.push(requirements);
      }
      if (t.kind !== 'Pod') this.podPrefixes.push(`${t.name}-`.slice(0, GENERATED_BASE));
      if (t.kind === 'Deployment') this.replicaSetPrefixes.push(`${t.name}-`);
    }
    this.blind = targets.some((t) => t.applied === undefined && t.kind !== 'Job' && t.kind !== 'Pod');
  }

  /** The early filter for one collection of this namespace; undefined keeps everything (nodes, PVCs). */
  filter(collection: CollectionName): ((obj: unknown) => boolean) | undefined {
    const kind = (Object.keys(WORKLOADS) as WorkloadKind[]).find((k) => WORKLOADS[k].collection === collection && k !== 'Pod');
    if (kind) return (obj) => this.isRun(kind, metadata(obj).name);
    switch (collection) {
      case 'pods':
        return (obj) => this.isRunPod(obj);
      case 'replicaSets':
        return (obj) => this.isOwnedOrSelected(obj, 'Deployment');
      case 'controllerRevisions':
        return (obj) => this.isOwnedOrSelected(obj, 'StatefulSet') || this.isOwnedOrSelected(obj, 'DaemonSet');
      case 'events':
        return (obj) => this.isRunEvent(obj);
      default:
        return undefined;
    }
  }

  private isRun(kind: WorkloadKind, name: string): boolean {
    return this.names.get(kind)?.has(name) ?? false;
  }

  private isRunPod(obj: unknown): boolean {
    if (this.blind) return true;
    const m = metadata(obj);
    if (this.isRun('Pod', m.name)) return true;
    if (m.owners.some((o) => this.isRun(o.kind as WorkloadKind, o.name))) return true;
    if (JOB_NAME_LABELS.some((l) => this.isRun('Job', m.labels[l] ?? ''))) return true;
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'] as const)
      if (this.selects(kind, m.labels)) return true;
    return false;
  }

  /** A ReplicaSet or ControllerRevision the workload owns, or one it would adopt (its selector matches). */
  private isOwnedOrSelected(obj: unknown, owner: WorkloadKind): boolean {
    if (this.blind) return true;
    const m = metadata(obj);
    if (m.owners.some((o) => o.kind === owner && this.isRun(owner, o.name))) return true;
    return this.selects(owner, m.labels);
  }

  private selects(kind: WorkloadKind, labels: Record<string, string>): boolean {
    return (this.selectors.get(kind) ?? []).some((requirements) => requirements.every((r) => requirementMatches(r, labels)));
  }

  private isRunEvent(obj: unknown): boolean {
    const e = record(obj);
    const about = record(e.involvedObject ?? e.regarding);
    const kind = text(about.kind);
    const name = text(about.name);
    if (kind === 'PersistentVolumeClaim') return true;
    if (this.others.some((o) => o.kind === kind && o.name === name)) return true;
    if (kind === 'Pod') return this.isRun('Pod', name) || this.podPrefixes.some((p) => name.startsWith(p));
    if (kind === 'ReplicaSet') return this.replicaSetPrefixes.some((p) => name.startsWith(p));
    return this.isRun(kind as WorkloadKind, name);
  }

  /**
   * The objects whose events matter, for watches of their own in a busy namespace: the workloads, and the pods and
   * ReplicaSets of the run the store holds now (already filtered); PVCs by kind when a StatefulSet may claim some.
   */
  eventSubjects(pods: readonly KubeObject[], replicaSets: readonly KubeObject[]): EventSubject[] {
    const out: EventSubject[] = [...this.targets.map((t) => ({ kind: t.kind, name: t.name })), ...this.others];
    for (const rs of replicaSets)
      if (rs.metadata?.namespace === this.namespace) out.push({ kind: 'ReplicaSet', name: rs.metadata.name ?? '' });
    for (const p of pods)
      if (p.metadata?.namespace === this.namespace && !this.isRun('Pod', p.metadata.name ?? ''))
        out.push({ kind: 'Pod', name: p.metadata.name ?? '' });
    if (this.names.has('StatefulSet')) out.push({ kind: 'PersistentVolumeClaim', name: '' });
    return out;
  }

  /** How many event subjects the run may have here at once: its pods during a rolling update, with their owners. */
  expectedSubjects(): number {
    let n = this.others.length;
    for (const t of this.targets) {
      const spec = record(record(t.applied).spec);
      if (t.kind === 'DaemonSet') return Infinity; // a pod per node: no bound known here
      const pods = t.kind === 'Job' ? Number(spec.parallelism ?? 1) : t.kind === 'Pod' ? 1 : Number(spec.replicas ?? 1);
      // Old and new pods side by side, the workload, and its ReplicaSets.
      n += 2 * (Number.isFinite(pods) ? pods : 1) + (t.kind === 'Deployment' ? 3 : 1);
    }
    return n;
  }
}

/**
 * The scopes of a run, one per namespace of its workloads; `others` are the run's other objects waited for (a
 * namespace that holds only those keeps its whole-namespace event watch, watch/generic-wait.ts).
 */
export function runScopes(
  targets: readonly ScopeTarget[],
  others: readonly (EventSubject & { namespace: string })[] = [],
): Map<string, NamespaceScope> {
  const byNamespace = new Map<string, ScopeTarget[]>();
  for (const t of targets) {
    const same = byNamespace.get(t.namespace);
    if (same) same.push(t);
    else byNamespace.set(t.namespace, [t]);
  }
  const subjects = (ns: string) => others.filter((o) => o.namespace === ns).map(({ kind, name }) => ({ kind, name }));
  return new Map([...byNamespace].map(([ns, ts]) => [ns, new NamespaceScope(ns, ts, subjects(ns))]));
}
