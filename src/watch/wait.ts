// Waits for every applied workload at once, under one deadline, by watching (never polling) the API. Each change
// re-judges the pending workloads at once (a green verdict lags availability by one event); diagnosis for fail-fast
// runs at most every `diagnoseEveryMs`, sooner after an alarming change (a container failing, a Warning event), and a
// 1 s tick re-judges time-based rules.
import type { KubeClient } from '../kube/client.js';
import type { Finding } from '../diagnose/finding.js';
import type { RolloutStatus } from './status/verdict.js';
import type { WorkloadRef } from '../k8s/kinds.js';
import { LiveStore, type Snapshot } from './live-store.js';
import { permissionFor, planWatches } from './watch-plan.js';
import { revisionAfter } from './revision-after.js';
import { semanticEqual } from '../k8s/semantic-equal.js';
import { WORKLOADS } from '../k8s/kinds.js';

export type WorkloadState = 'pending' | 'healthy' | 'failed' | 'timeout' | 'cancelled';

export interface Judge {
  status(workload: any): RolloutStatus;
  /** The error means waiting longer cannot help (progress deadline exceeded, job failed...). */
  terminal(status: RolloutStatus): boolean;
  /** Fail fast: true when every new pod has a fatal finding (or pods cannot be created). */
  doomed(workload: any, snapshot: Snapshot, now: Date): boolean;
  findings(workload: any, snapshot: Snapshot, now: Date): Finding[];
  /** A change that may make a workload doomed: diagnosed after `alarmingEveryMs` rather than `diagnoseEveryMs`. */
  alarming?(obj: any): boolean;
}

export interface WaitOptions {
  timeoutMs: number;
  failFast: boolean;
  judge: Judge;
  log: (line: string) => void;
  signal?: AbortSignal;
  now?: () => Date;
  diagnoseEveryMs?: number;
  alarmingEveryMs?: number;
}

export interface WorkloadOutcome extends WorkloadRef {
  state: WorkloadState;
  status: RolloutStatus;
  revisionAfter: number | null;
  settledAtMs: number | null;
}

export interface WaitResult {
  outcomes: WorkloadOutcome[];
  findings: Finding[];
  snapshot: Snapshot;
  /** What the gate could not see (refused watches) and which permission would have shown it. */
  warnings: string[];
  cancelled: boolean;
}

const collectionOf = (kind: WorkloadRef['kind']) => WORKLOADS[kind].collection;

/** A workload to wait for; with `templateAfter` the wait notices when someone else replaces this run's template. */
export type WaitTarget = WorkloadRef & { templateAfter?: unknown | null };

export function supersededMessage(kind: string, name: string): string {
  return `${kind.toLowerCase()} "${name}" was changed by someone else during the wait: its pod template is no longer the one this run applied`;
}

export async function waitForWorkloads(client: KubeClient, workloads: WaitTarget[], options: WaitOptions): Promise<WaitResult> {
  const now = options.now ?? (() => new Date());
  const start = Date.now();
  const outcomes = workloads.map<WorkloadOutcome & { templateAfter?: unknown; lastSeen?: unknown }>(
    ({ kind, namespace, name, templateAfter }) => ({
      kind,
      namespace,
      name,
      templateAfter,
      state: 'pending',
      status: { done: false, message: '', error: null },
      revisionAfter: null,
      settledAtMs: null,
    }),
  );
  const warnings: string[] = [];
  const watches = new AbortController();
  let fatal: Error | null = null;
  let lastDiagnosis = 0;
  let diagnosedAtChange = -1;
  let diagnosedAtAlarm = 0;
  let diagnosisLater: NodeJS.Timeout | undefined;
  let diagnosisLaterAt = 0;
  const diagnoseEveryMs = options.diagnoseEveryMs ?? 250;
  // Not zero: a crash-looping rollout of many pods sends alarming changes in a stream, and each pass reads them all.
  const alarmingEveryMs = Math.min(options.alarmingEveryMs ?? 25, diagnoseEveryMs);
  let scheduled = false;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));

  const store = new LiveStore(() => schedule(), options.judge.alarming);
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      evaluate(false);
    });
  };

  const evaluate = (tick: boolean) => {
    // Between ticks a diagnosis needs something new to look at; the tick re-judges rules that depend on the clock.
    const changed = store.changes !== diagnosedAtChange;
    const alarmed = store.alarms !== diagnosedAtAlarm;
    const dueAt = lastDiagnosis + (alarmed ? alarmingEveryMs : diagnoseEveryMs);
    const diagnoseNow = options.failFast && (tick || (changed && Date.now() >= dueAt));
    // A change that arrived too soon after the last diagnosis is looked at when its interval ends, not at the tick.
    if (options.failFast && changed && !diagnoseNow) diagnoseLater(dueAt);
    const snapshot = diagnoseNow ? store.snapshot() : undefined;
    if (diagnoseNow) {
      lastDiagnosis = Date.now();
      diagnosedAtChange = store.changes;
      diagnosedAtAlarm = store.alarms;
    }
    for (const o of outcomes) {
      if (o.state !== 'pending') continue;
      const obj = store.find(collectionOf(o.kind), o.namespace, o.name);
      if (!obj) continue;
      // The store replaces an object on every change: the one judged last time needs no second look.
      const unchanged = o.lastSeen === obj;
      o.lastSeen = obj;
      if (!unchanged && o.templateAfter && !semanticEqual(obj.spec?.template, o.templateAfter)) {
        o.status = { done: false, message: '', error: supersededMessage(o.kind, o.name) };
        options.log(`${o.kind} ${o.namespace}/${o.name}: ${o.status.error}`);
        settle(o, 'failed');
        continue;
      }
      const status = unchanged ? o.status : options.judge.status(obj);
      if (status.message !== o.status.message || status.error !== o.status.error) {
        options.log(`${o.kind} ${o.namespace}/${o.name}: ${status.error ?? status.message}`);
      }
      o.status = status;
      if (status.done) settle(o, 'healthy');
      else if (status.error && options.judge.terminal(status)) settle(o, 'failed');
      else if (snapshot && options.judge.doomed(obj, snapshot, now())) settle(o, 'failed');
    }
    if (outcomes.every((o) => o.state !== 'pending')) finish();
  };

  const diagnoseLater = (at: number) => {
    if (diagnosisLater && diagnosisLaterAt <= at) return;
    clearTimeout(diagnosisLater);
    diagnosisLaterAt = at;
    diagnosisLater = setTimeout(() => {
      diagnosisLater = undefined;
      schedule();
    }, at - Date.now());
  };

  const settle = (o: WorkloadOutcome, state: WorkloadState) => {
    o.state = state;
    o.settledAtMs = Date.now() - start;
    o.revisionAfter = revisionAfter(o, store);
  };

  for (const spec of planWatches(workloads, true)) {
    client
      .watchCollection(
        spec.apiVersion,
        spec.kind,
        spec.namespace,
        store.watcher(spec.collection, spec.namespace ?? '', { apiVersion: spec.apiVersion, kind: spec.kind }, (e) => {
          if (spec.required) {
            fatal = e;
            finish();
          } else {
            warnings.push(
              `could not watch ${spec.kind}s (${e.message.split(':')[0]}); findings are thinner. Grant ${permissionFor(spec)} for a full diagnosis`,
            );
          }
        }),
        watches.signal,
        {},
        (m) => options.log(m),
      )
      .catch((e) => {
        if (!watches.signal.aborted) {
          fatal = e;
          finish();
        }
      });
  }

  const deadline = setTimeout(finish, Math.max(0, options.timeoutMs - (Date.now() - start)));
  const ticker = setInterval(() => evaluate(true), 1000);
  const onCancel = () => finish();
  options.signal?.addEventListener('abort', onCancel);
  await finished;
  clearTimeout(deadline);
  clearInterval(ticker);
  clearTimeout(diagnosisLater);
  options.signal?.removeEventListener('abort', onCancel);
  watches.abort();
  if (fatal) throw fatal;

  const cancelled = options.signal?.aborted === true;
  for (const o of outcomes) if (o.state === 'pending') settle(o, cancelled ? 'cancelled' : 'timeout');
  const snapshot = store.snapshot();
  const findings = outcomes
    .filter((o) => o.state === 'failed' || o.state === 'timeout' || o.state === 'cancelled')
    .flatMap((o) => {
      const obj = store.find(collectionOf(o.kind), o.namespace, o.name);
      return obj ? options.judge.findings(obj, snapshot, now()) : [];
    });
  return { outcomes: outcomes.map(({ templateAfter: _t, lastSeen: _s, ...o }) => o), findings, snapshot, warnings, cancelled };
}
