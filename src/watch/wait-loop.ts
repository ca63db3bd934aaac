// The wait as a small state machine: every workload starts pending and settles once (healthy, failed, timeout or
// cancelled); the other objects the run waits for are judged on the same passes (options.objects). It is driven by three inputs only: "the store changed", the clock (debounce, tick, deadline) and
// cancellation; it reads the cluster through the live store and decides through the judge, so it can be tested with
// a fake clock and a store fed by hand.
//
// Each change re-judges the pending workloads at once (a green verdict lags availability by one event); the diagnosis
// for fail-fast runs at most every `diagnoseEveryMs`, sooner (`alarmingEveryMs`) after an alarming change (a container
// failing, a Warning event); a tick re-judges rules that depend on the clock.
import { WORKLOADS, type ClusterSnapshot, type CollectionName, type WorkloadRef } from '../k8s/kinds.js';
import type { Workload } from '../k8s/objects.js';
import { semanticEqual } from '../k8s/semantic-equal.js';
import { systemClock, type Clock } from './clock.js';
import type { Judge } from './judge.js';
import type { Finding } from '../diagnose/finding.js';
import type { RolloutStatus } from './status/verdict.js';

export type WorkloadState = 'pending' | 'healthy' | 'failed' | 'timeout' | 'cancelled';

/**
 * A workload to wait for; with `templateAfter` the wait notices when someone else replaces this run's template. A
 * workload the run did not change (`changed: false`) has no new pods and skips the stability window.
 */
export type WaitTarget = WorkloadRef & { templateAfter?: unknown | null; changed?: boolean };

/** The gate's rule on top of kubectl's: did the new pods stay up for min-ready after kubectl's rule said done? */
export interface WindowOutcome {
  state: 'held' | 'broken' | 'unfinished';
  /** When kubectl's rule said done, from the start of the wait. */
  rolledOutAtMs: number;
  message: string;
}

export interface WorkloadOutcome extends WorkloadRef {
  state: WorkloadState;
  /** kubectl's verdict text, unchanged: the window is reported apart, in `window`. */
  status: RolloutStatus;
  revisionAfter: number | null;
  settledAtMs: number | null;
  window: WindowOutcome | null;
  /** What broke the window, diagnosed when it happened (the pods may look healthy again a moment later). */
  windowFindings: Finding[] | null;
  /**
   * What made the fail-fast rule call it doomed, diagnosed then: the report's findings are diagnosed again at the end,
   * and a cluster that moved on since (a pod replaced, an event expired) must not leave a red without its reason.
   */
  doomedFindings: Finding[] | null;
}

/** What the loop reads of the live store. */
export interface StoreView {
  readonly changes: number;
  readonly alarms: number;
  find(collection: CollectionName, namespace: string, name: string): Workload | undefined;
  snapshot(): ClusterSnapshot;
  /** False while a watch of the collection in that namespace has not delivered its first list. */
  listed?(collection: CollectionName, namespace: string): boolean;
}

export interface WaitLoopOptions {
  timeoutMs: number;
  failFast: boolean;
  judge: Judge;
  log: (line: string) => void;
  clock?: Clock;
  diagnoseEveryMs?: number;
  alarmingEveryMs?: number;
  tickMs?: number;
  /** The revision a workload runs once it settled (read from the store by the caller). */
  revisionOf?: (ref: WorkloadRef) => number | null;
  /** How long every new pod must stay Ready after kubectl's rule says done; 0: kubectl's rule alone. */
  minReadyMs?: number;
  /** The other objects the run waits for (generic-tracker.ts), judged on each pass beside the workloads. */
  objects?: ObjectWaits;
}

/** The loop's view of the wait for objects that are not workloads. */
export interface ObjectWaits {
  evaluate(nowMs: number): void;
  readonly pending: boolean;
  finish(state: 'timeout' | 'cancelled', nowMs: number): void;
}

export type LoopEnd = 'settled' | 'deadline' | 'cancelled' | 'failed';

interface Tracked extends WorkloadOutcome {
  templateAfter?: unknown;
  changed?: boolean;
  windowState?: unknown;
  /** The object judged last: the store replaces an object on every change, so the same one needs no second look. */
  lastSeen?: Workload;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function supersededMessage(kind: string, name: string): string {
  return `${kind.toLowerCase()} "${name}" was changed by someone else during the wait: its pod template is no longer the one this run applied`;
}

export class WaitLoop {
  private readonly tracked: Tracked[];
  private readonly clock: Clock;
  private readonly diagnoseEveryMs: number;
  private readonly alarmingEveryMs: number;
  private readonly started: number;
  private scheduled = false;
  private lastDiagnosis = Number.NEGATIVE_INFINITY;
  private diagnosedAtChange = -1;
  private diagnosedAtAlarm = 0;
  private diagnosisLater: unknown = undefined;
  private diagnosisLaterAt = 0;
  private deadlineTimer: unknown = undefined;
  private tickTimer: unknown = undefined;
  private soonTimer: unknown = undefined;
  private windowTimer: unknown = undefined;
  private windowTimerAt = Infinity;
  private end: ((how: LoopEnd) => void) | null = null;
  private ended: LoopEnd | null = null;
  private fatalError: Error | null = null;

  constructor(
    targets: readonly WaitTarget[],
    private readonly store: StoreView,
    private readonly options: WaitLoopOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.started = this.clock.now();
    this.diagnoseEveryMs = options.diagnoseEveryMs ?? 250;
    // Not zero: a crash-looping rollout of many pods sends alarming changes in a stream, and each pass reads them all.
    this.alarmingEveryMs = Math.min(options.alarmingEveryMs ?? 25, this.diagnoseEveryMs);
    this.tracked = targets.map(({ kind, namespace, name, templateAfter, changed }) => ({
      kind,
      namespace,
      name,
      templateAfter,
      changed,
      state: 'pending',
      status: { done: false, message: '', error: null },
      revisionAfter: null,
      settledAtMs: null,
      window: null,
      windowFindings: null,
      doomedFindings: null,
    }));
  }

  get outcomes(): WorkloadOutcome[] {
    return this.tracked.map(({ templateAfter: _t, lastSeen: _s, changed: _c, windowState: _w, ...o }) => o);
  }

  /** The watch error that made the wait impossible (a required collection refused), if any. */
  get fatal(): Error | null {
    return this.fatalError;
  }

  /** Runs until every workload settled, the deadline passed, the signal aborted or a required watch failed. */
  run(signal?: AbortSignal): Promise<LoopEnd> {
    const done = new Promise<LoopEnd>((resolve) => (this.end = resolve));
    const onAbort = () => this.stop('cancelled');
    if (signal?.aborted) this.stop('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    this.deadlineTimer = this.clock.setTimeout(() => this.stop('deadline'), Math.max(0, this.options.timeoutMs));
    this.armTick();
    this.evaluate(false);
    return done.then((how) => {
      signal?.removeEventListener('abort', onAbort);
      const final: Record<LoopEnd, WorkloadState | null> = { settled: null, failed: null, deadline: 'timeout', cancelled: 'cancelled' };
      for (const o of this.tracked) {
        if (o.state !== 'pending' || !final[how]) continue;
        if (o.window) o.window = { ...o.window, state: 'unfinished', message: this.unfinishedMessage(o.window) };
        this.settle(o, final[how]!);
      }
      const end = final[how];
      if (end === 'timeout' || end === 'cancelled') this.options.objects?.finish(end, this.clock.now());
      return how;
    });
  }

  /** The store changed: judge again soon (changes arriving together are judged once). */
  changed(): void {
    if (this.scheduled || this.ended) return;
    this.scheduled = true;
    this.soonTimer = this.clock.setTimeout(() => {
      this.scheduled = false;
      this.evaluate(false);
    }, 0);
  }

  /** A watch the verdict cannot do without has failed for good. */
  fail(error: Error): void {
    this.fatalError = error;
    this.stop('failed');
  }

  private stop(how: LoopEnd): void {
    if (this.ended) return;
    this.ended = how;
    for (const t of [this.deadlineTimer, this.tickTimer, this.soonTimer, this.diagnosisLater, this.windowTimer]) this.clock.clearTimeout(t);
    this.end?.(how);
  }

  private armTick(): void {
    this.tickTimer = this.clock.setTimeout(() => {
      if (this.ended) return;
      this.evaluate(true);
      this.armTick();
    }, this.options.tickMs ?? 1000);
  }

  private evaluate(tick: boolean): void {
    if (this.ended) return;
    const snapshot = this.diagnosisDue(tick) ? this.store.snapshot() : undefined;
    const now = new Date(this.clock.now());
    for (const o of this.tracked) if (o.state === 'pending') this.judge(o, snapshot, now);
    this.endWindowsOnceFailed();
    this.options.objects?.evaluate(now.getTime());
    if (this.tracked.every((o) => o.state !== 'pending') && !this.options.objects?.pending) this.stop('settled');
  }

  /** Between ticks a diagnosis needs something new to look at; the tick re-judges rules that depend on the clock. */
  private diagnosisDue(tick: boolean): boolean {
    if (!this.options.failFast) return false;
    const changed = this.store.changes !== this.diagnosedAtChange;
    const alarmed = this.store.alarms !== this.diagnosedAtAlarm;
    const dueAt = this.lastDiagnosis + (alarmed ? this.alarmingEveryMs : this.diagnoseEveryMs);
    const now = this.clock.now();
    const due = tick || (changed && now >= dueAt);
    // A change that arrived too soon after the last diagnosis is looked at when its interval ends, not at the tick.
    if (changed && !due) this.diagnoseLater(dueAt);
    if (due) {
      this.lastDiagnosis = now;
      this.diagnosedAtChange = this.store.changes;
      this.diagnosedAtAlarm = this.store.alarms;
    }
    return due;
  }

  private diagnoseLater(at: number): void {
    if (this.diagnosisLater !== undefined && this.diagnosisLaterAt <= at) return;
    this.clock.clearTimeout(this.diagnosisLater);
    this.diagnosisLaterAt = at;
    this.diagnosisLater = this.clock.setTimeout(
      () => {
        this.diagnosisLater = undefined;
        this.evaluate(false);
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private judge(o: Tracked, snapshot: ClusterSnapshot | undefined, now: Date): void {
    const obj = this.store.find(WORKLOADS[o.kind].collection, o.namespace, o.name);
    if (!obj) return;
    const unchanged = o.lastSeen === obj;
    o.lastSeen = obj;
    if (!unchanged && o.templateAfter && !semanticEqual(obj.spec?.template, o.templateAfter)) {
      o.status = { done: false, message: '', error: supersededMessage(o.kind, o.name) };
      this.options.log(`${o.kind} ${o.namespace}/${o.name}: ${o.status.error}`);
      return this.settle(o, 'failed');
    }
    const status = unchanged ? o.status : this.options.judge.status(obj);
    if (status.message !== o.status.message || status.error !== o.status.error) {
      this.options.log(`${o.kind} ${o.namespace}/${o.name}: ${status.error ?? status.message}`);
    }
    o.status = status;
    if (status.done) this.afterRolledOut(o, obj, now);
    else if (status.error && this.options.judge.terminal(status)) this.settle(o, 'failed');
    else if (snapshot && this.options.judge.doomed(obj, snapshot, now)) {
      o.doomedFindings = this.options.judge.findings(obj, snapshot, now);
      this.settle(o, 'failed');
    }
  }

  /** kubectl's rule says done: healthy, or held in the stability window until the new pods have stayed up. */
  private afterRolledOut(o: Tracked, obj: Workload, now: Date): void {
    // The window and the notes read the pods: never judge before they are in view (a ReplicationController whose
    // template changed is done at once, before its pods' first list); their list is a change that comes back here.
    if (this.store.listed && !this.store.listed('pods', o.namespace)) return;
    const minReadyMs = this.options.minReadyMs ?? 0;
    const window = this.options.judge.window;
    const ownMinReadyMs = (typeof obj.spec?.minReadySeconds === 'number' ? obj.spec.minReadySeconds : 0) * 1000;
    // A Job completes rather than stays up; an unchanged workload has no new pods; a workload's own minReadySeconds
    // at least as long already made kubectl's rule wait.
    if (!window || minReadyMs <= 0 || o.kind === 'Job' || o.changed === false || ownMinReadyMs >= minReadyMs)
      return this.settle(o, 'healthy');
    const snapshot = this.store.snapshot();
    const nowMs = now.getTime();
    if (!o.window) {
      o.windowState = window.open(o, obj, snapshot, nowMs);
      o.window = { state: 'held', rolledOutAtMs: nowMs - this.started, message: '' };
      this.options.log(
        `${o.kind} ${o.namespace}/${o.name}: rolled out by kubectl's rules; waiting ${seconds(minReadyMs)} for the new pods to stay up (min-ready)`,
      );
    }
    const verdict = window.judge(o, obj, snapshot, o.windowState, now, minReadyMs);
    const after = `rolled out by kubectl's rules after ${seconds(o.window.rolledOutAtMs)}`;
    if (verdict.state === 'stable') {
      const then = verdict.note
        ? `; ${verdict.note}; then every new pod stayed Ready for ${seconds(minReadyMs)}`
        : `; every new pod then stayed Ready for ${seconds(minReadyMs)}`;
      o.window = { ...o.window, state: 'held', message: `${after}${then}` };
      this.options.log(`${o.kind} ${o.namespace}/${o.name}: the new pods stayed Ready for ${seconds(minReadyMs)}`);
      this.settle(o, 'healthy');
    } else if (verdict.state === 'broken') {
      const within = nowMs - this.started - o.window.rolledOutAtMs;
      o.window = { ...o.window, state: 'broken', message: `${after}, then ${verdict.what} within ${seconds(within)}` };
      o.windowFindings = verdict.findings;
      this.options.log(`${o.kind} ${o.namespace}/${o.name}: ${o.window.message}`);
      this.settle(o, 'failed');
    } else {
      this.wakeAt(verdict.untilMs);
    }
  }

  /**
   * Once a workload has failed the run is red, and a window only ever proves green: the workloads kubectl's rule
   * already calls done stop waiting for theirs, so the red (and the rollback) does not wait min-ready for them.
   * Workloads still rolling out keep being waited for: their own failure belongs in the report.
   */
  private endWindowsOnceFailed(): void {
    const failed = this.tracked.find((o) => o.state === 'failed');
    if (!failed) return;
    for (const o of this.tracked) {
      if (o.state !== 'pending' || o.window?.state !== 'held') continue;
      const message = `rolled out by kubectl's rules after ${seconds(o.window.rolledOutAtMs)}; the wait for the new pods to stay Ready for ${seconds(this.options.minReadyMs ?? 0)} stopped when ${failed.kind} ${failed.namespace}/${failed.name} failed`;
      o.window = { ...o.window, state: 'unfinished', message };
      this.settle(o, 'cancelled');
    }
  }

  private unfinishedMessage(w: WindowOutcome): string {
    return `rolled out by kubectl's rules after ${seconds(w.rolledOutAtMs)}, but the wait ended before the new pods had stayed Ready for ${seconds(this.options.minReadyMs ?? 0)}`;
  }

  /** The window ends by the clock alone when nothing changes: wake the loop then. */
  private wakeAt(atMs: number): void {
    if (this.windowTimer !== undefined && this.windowTimerAt <= atMs) return;
    this.clock.clearTimeout(this.windowTimer);
    this.windowTimerAt = atMs;
    this.windowTimer = this.clock.setTimeout(
      () => {
        this.windowTimer = undefined;
        this.windowTimerAt = Infinity;
        this.evaluate(false);
      },
      Math.max(0, atMs - this.clock.now()),
    );
  }

  private settle(o: Tracked, state: WorkloadState): void {
    o.state = state;
    o.settledAtMs = this.clock.now() - this.started;
    o.revisionAfter = this.options.revisionOf?.(o) ?? null;
  }
}

/**
 * The findings a failed workload is reported with: those diagnosed at the end, unless none of them is fatal while the
 * fail-fast rule called the workload doomed earlier; then the evidence the verdict rests on.
 */
export function findingsToReport(outcome: Pick<WorkloadOutcome, 'doomedFindings'>, latest: Finding[]): Finding[] {
  return outcome.doomedFindings && !latest.some((f) => f.fatal) ? outcome.doomedFindings : latest;
}
