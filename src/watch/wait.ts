// Waits for every applied workload at once, under one deadline, by watching (never polling) the API: the watches
// feed the live store, the store wakes the wait loop (wait-loop.ts), and the loop decides through the judge.
import type { Finding } from '../diagnose/finding.js';
import type { KubeClient } from '../kube/client.js';
import { WORKLOADS } from '../k8s/kinds.js';
import type { Clock } from './clock.js';
import type { Judge } from './judge.js';
import { LiveStore, type Snapshot } from './live-store.js';
import { revisionAfter } from './revision-after.js';
import { WaitLoop, type WaitTarget, type WorkloadOutcome } from './wait-loop.js';
import { permissionFor, planWatches } from './watch-plan.js';
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

export async function waitForWorkloads(client: KubeClient, workloads: WaitTarget[], options: WaitOptions): Promise<WaitResult> {
  const warnings: string[] = [];
  const watches = new AbortController();
  let onChange = () => {};
  const store = new LiveStore(() => onChange(), options.judge.alarming);
  const specs = planWatches(workloads, true);
  const generic = await prepareGenericWait(client, options.objects ?? [], {
    ...options,
    store,
    watchedEvents: specs,
    onChange: () => onChange(),
    warn: (w) => warnings.push(w),
  });
  const loop = new WaitLoop(workloads, store, { ...options, revisionOf: (ref) => revisionAfter(ref, store), objects: generic?.tracker });
  onChange = () => loop.changed();
  generic?.start(watches.signal);

  for (const spec of specs) {
    const typeMeta = { apiVersion: spec.apiVersion, kind: spec.kind };
    const onFatal = (e: Error) => {
      if (spec.required) loop.fail(e);
      else
        warnings.push(
          `could not watch ${spec.kind}s (${e.message.split(':')[0]}); findings are thinner. Grant ${permissionFor(spec)} for a full diagnosis`,
        );
    };
    const watcher = store.watcher(spec.collection, spec.namespace ?? '', typeMeta, onFatal);
    client
      .watchCollection(spec.apiVersion, spec.kind, spec.namespace, watcher, watches.signal, {}, (m) => options.log(m))
      // A watch ended by our own stop, the run's deadline or a cancellation is not a failure of the wait.
      .catch((e: Error) => {
        if (!watches.signal.aborted && !client.http.runSignal?.aborted) loop.fail(e);
      });
  }

  const end = await loop.run(options.signal);
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
      return obj ? options.judge.findings(obj, snapshot, now) : [];
    });
  for (const o of outcomes) {
    const obj = options.judge.notes && store.find(WORKLOADS[o.kind].collection, o.namespace, o.name);
    if (obj) findings.push(...options.judge.notes!(obj, snapshot, now));
  }
  const objects = generic?.tracker.outcomes ?? [];
  for (const o of objects) findings.push(...o.findings);
  return { outcomes, objects, findings, snapshot, warnings, cancelled: end === 'cancelled' };
}
