// Waits for every applied workload at once, under one deadline, by watching (never polling) the API: the watches
// feed the live store, the store wakes the wait loop (wait-loop.ts), and the loop decides through the judge.
import type { Finding } from '../diagnose/finding.js';
import type { KubeClient } from '../kube/client.js';
import { WORKLOADS } from '../k8s/kinds.js';
import type { Clock } from './clock.js';
import type { Judge } from './judge.js';
import { LiveStore, type Snapshot } from './live-store.js';
import { revisionAfter } from './revision-after.js';
import { WaitLoop, findingsToReport, type WaitTarget, type WorkloadOutcome } from './wait-loop.js';
import { permissionFor, planWatches } from './watch-plan.js';
import { NamespaceEvents, type StartWatch } from './event-watches.js';
import { runScopes } from './run-scope.js';
import type { CollectionWatcher } from '../kube/watch-stream.js';
import type { GenericTarget } from './generic-targets.js';
import type { GenericOutcome } from './generic-tracker.js';
import { prepareGenericWait } from './generic-wait.js';

export type { Judge } from './judge.js';
export type { GenericOutcome } from './generic-tracker.js';
export { supersededMessage, type WaitTarget, type WindowOutcome, type WorkloadOutcome, type WorkloadState } from './wait-loop.js';

export interface WaitOptions {
  timeoutMs: number;
  failFast: boolean;
  judge: Judge;
  log: (line: string) => void;
  signal?: AbortSignal;
  clock?: Clock;
  diagnoseEveryMs?: number;
  alarmingEveryMs?: number;
  /** The stability window after kubectl's rule (the `min-ready` input); 0 or absent: kubectl's rule alone. */
  minReadyMs?: number;
  /** The other applied objects to wait for with the kstatus rules (input wait-for; generic-targets.ts). */
  objects?: readonly GenericTarget[];
  /** Input wait-for-load-balancers: a LoadBalancer Service waits for its ingress. */
  waitForLoadBalancers?: boolean;
}

export interface WaitResult {
  outcomes: WorkloadOutcome[];
  /** The other objects waited for, in the order given; an object whose kind could not be watched is left out (see warnings). */
  objects: GenericOutcome[];
  findings: Finding[];
  snapshot: Snapshot;
  /** What the gate could not see (refused watches) and which permission would have shown it. */
  warnings: string[];
  cancelled: boolean;
}

/** A workload to wait for; `applied` (the object this run applied) lets the watches skip what else shares its namespace. */
export type WaitWorkload = WaitTarget & { applied?: unknown };

export async function waitForWorkloads(client: KubeClient, workloads: WaitWorkload[], options: WaitOptions): Promise<WaitResult> {
  const warnings: string[] = [];
  const watches = new AbortController();
  let onChange = () => {};
  const store = new LiveStore(() => onChange(), options.judge.alarming);
  const scopes = runScopes(workloads, options.objects ?? []);
  const specs = planWatches(workloads, true, scopes);
  const start: StartWatch = (spec, signal, relevant) => {
    const typeMeta = { apiVersion: spec.apiVersion, kind: spec.kind };
    const onFatal = (e: Error) => {
      if (spec.required) loop.fail(e);
      else if (!warnings.some((w) => w.startsWith(`could not watch ${spec.kind}s `)))
        warnings.push(
          `could not watch ${spec.kind}s (${e.message.split(':')[0]}); findings are thinner. Grant ${permissionFor(spec)} for a full diagnosis`,
        );
    };
    const watcher = untilAborted(store.watcher(spec.collection, spec.scope, typeMeta, onFatal, relevant), signal);
    const selectors = { fieldSelector: spec.fieldSelector, labelSelector: spec.labelSelector };
    client
      .watchCollection(spec.apiVersion, spec.kind, spec.namespace, watcher, signal, selectors, (m) => options.log(m))
      // A watch ended by our own stop, the run's deadline or a cancellation is not a failure of the wait.
      .catch((e: Error) => {
        if (!signal.aborted && !client.http.runSignal?.aborted) loop.fail(e);
      });
  };
  const events = specs.flatMap((spec) => {
    const scope = spec.collection === 'events' && spec.namespace !== undefined ? scopes.get(spec.namespace) : undefined;
    return scope ? [new NamespaceEvents(spec, scope, { client, store, signal: watches.signal, start, log: options.log })] : [];
  });
  const [generic] = await Promise.all([
    prepareGenericWait(client, options.objects ?? [], {
      ...options,
      store,
      watchedEvents: specs,
      onChange: () => onChange(),
      warn: (w) => warnings.push(w),
    }),
    ...events.map((e) => e.decide()),
  ]);
  const loop = new WaitLoop(workloads, store, { ...options, revisionOf: (ref) => revisionAfter(ref, store), objects: generic?.tracker });
  onChange = () => {
    loop.changed();
    for (const e of events) e.changed();
  };
  generic?.start(watches.signal);
  for (const spec of specs) {
    if (spec.collection === 'events' && spec.namespace !== undefined && scopes.has(spec.namespace)) continue;
    start(spec, watches.signal, spec.namespace === undefined ? undefined : scopes.get(spec.namespace)?.filter(spec.collection));
  }
  for (const e of events) e.begin();

  const end = await loop.run(options.signal);
  generic?.tracker.refreshFailed((options.clock ?? { now: Date.now }).now());
  watches.abort();
  if (end === 'failed' && loop.fatal) throw loop.fatal;

  const outcomes = loop.outcomes;
  const snapshot = store.snapshot();
  const now = new Date((options.clock ?? { now: Date.now }).now());
  const findings = outcomes
    .filter((o) => o.state === 'failed' || o.state === 'timeout' || o.state === 'cancelled')
    .flatMap((o) => {
      if (o.windowFindings) return o.windowFindings;
      const obj = store.find(WORKLOADS[o.kind].collection, o.namespace, o.name);
      return findingsToReport(o, obj ? options.judge.findings(obj, snapshot, now) : []);
    });
  for (const o of outcomes) {
    const obj = options.judge.notes && store.find(WORKLOADS[o.kind].collection, o.namespace, o.name);
    if (obj) findings.push(...options.judge.notes!(obj, snapshot, now));
  }
  const objects = generic?.tracker.outcomes ?? [];
  for (const o of objects) findings.push(...o.findings);
  return { outcomes, objects, findings, snapshot, warnings, cancelled: end === 'cancelled' };
}

/** A watch that was stopped may still hand over lines it had read: they must not bring its objects back. */
function untilAborted(watcher: CollectionWatcher, signal: AbortSignal): CollectionWatcher {
  return {
    onSync: (items) => {
      if (!signal.aborted) watcher.onSync(items);
    },
    onEvent: (type, obj) => {
      if (!signal.aborted) watcher.onEvent(type, obj);
    },
    onFatal: (e) => watcher.onFatal(e),
  };
}
