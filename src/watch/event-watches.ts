// The events of one namespace of the run, followed the cheaper way (watch/event-mode.ts): one watch of the namespace
// (filtered early by watch/run-scope.ts), or in a busy namespace one watch per object of the run, opened as its pods
// and ReplicaSets appear in the store and closed (their events forgotten) when they are gone.
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../k8s/objects.js';
import { eventFieldSelector, eventMode, type EventMode } from './event-mode.js';
import type { LiveStore } from './live-store.js';
import type { NamespaceScope } from './run-scope.js';
import type { CollectionSpec } from './watch-plan.js';

/** Starts one watch into the store; aborting the signal ends it. */
export type StartWatch = (spec: CollectionSpec, signal: AbortSignal, relevant?: (obj: unknown) => boolean) => void;

export class NamespaceEvents {
  private mode: EventMode | null = null;
  private readonly open = new Map<string, AbortController>();
  private lastPods: readonly KubeObject[] | null = null;
  private lastReplicaSets: readonly KubeObject[] | null = null;
  private scheduled = false;

  constructor(
    private readonly spec: CollectionSpec,
    private readonly scope: NamespaceScope,
    private readonly deps: { client: KubeClient; store: LiveStore; signal: AbortSignal; start: StartWatch; log: (m: string) => void },
  ) {}

  /**
   * Chooses how to follow the namespace's events (one request). The wait awaits it before it starts any watch, so the
   * events are listed as early as the objects they explain (a status that fails at once is judged with its events).
   */
  async decide(): Promise<void> {
    const stored = await this.deps.client.count(this.spec.apiVersion, this.spec.kind, this.spec.namespace).catch(() => null);
    this.mode = eventMode(stored, this.scope.expectedSubjects());
    if (this.mode === 'targeted')
      this.deps.log(`namespace ${this.scope.namespace} holds ${stored} events: following only those about this run's objects`);
  }

  begin(): void {
    if (this.deps.signal.aborted) return;
    if (this.mode === 'targeted') this.follow();
    else this.watchNamespace();
  }

  /** The store changed: soon (changes come in bursts), follow the run's objects as they are then. */
  changed(): void {
    if (this.mode !== 'targeted' || this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.follow();
    }, 0);
  }

  /** Opens watches for new pods and ReplicaSets of the run, closes those of objects that are gone. */
  private follow(): void {
    if (this.mode !== 'targeted' || this.deps.signal.aborted) return;
    const pods = this.deps.store.list('pods');
    const replicaSets = this.deps.store.list('replicaSets');
    if (pods === this.lastPods && replicaSets === this.lastReplicaSets) return;
    this.lastPods = pods;
    this.lastReplicaSets = replicaSets;
    const subjects = this.scope.eventSubjects(pods, replicaSets);
    if (subjects.length > 2 * this.scope.expectedSubjects()) {
      // More churn than the plan allowed for (pods replaced over and over): one watch of the namespace costs less.
      this.deps.log(`namespace ${this.scope.namespace}: ${subjects.length} objects to follow; watching its events whole`);
      this.mode = 'namespace';
      for (const key of [...this.open.keys()]) this.close(key);
      this.watchNamespace();
      return;
    }
    const wanted = new Map(subjects.map((s) => [`${this.scope.namespace}#${s.kind}/${s.name}`, s]));
    for (const key of [...this.open.keys()]) if (!wanted.has(key)) this.close(key);
    for (const [key, s] of wanted) {
      if (this.open.has(key)) continue;
      const controller = new AbortController();
      this.open.set(key, controller);
      const spec = { ...this.spec, scope: key, fieldSelector: eventFieldSelector(s.kind, s.name) };
      this.deps.start(spec, AbortSignal.any([this.deps.signal, controller.signal]));
    }
  }

  private watchNamespace(): void {
    this.deps.start(this.spec, this.deps.signal, this.scope.filter('events'));
  }

  private close(key: string): void {
    this.open.get(key)?.abort();
    this.open.delete(key);
    this.deps.store.drop('events', key);
  }
}
