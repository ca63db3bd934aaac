// The wait for the objects the kstatus rules judge (generic-targets.ts), driven by the wait loop: each pass judges
// the pending ones on the live object. Current settles healthy, failed (Stalled) settles failed with the condition
// as the finding, in progress waits; with fail-fast a fatal finding of the diagnosis on top (a claim whose class
// does not exist) settles failed too. At the deadline the rest time out with kstatus's message, and a controller
// that never observed the applied generation is named as the likely reason.
import type { Finding } from '../diagnose/finding.js';
import type { KubeObject } from '../k8s/objects.js';
import type { ObjectJudge } from './judge.js';
import type { GenericTarget } from './generic-targets.js';
import { awaitsFirstStatus, noStatusYet, type ObjectStatus, type ObjectStatusOptions } from './status/generic/index.js';
import type { WorkloadState } from './wait-loop.js';

export interface GenericOutcome extends GenericTarget {
  state: WorkloadState;
  /** The last kstatus verdict. */
  status: ObjectStatus;
  /** The verdict's message, and at a timeout what the verdict suggests ("is its controller running?"). */
  message: string;
  settledAtMs: number | null;
  findings: Finding[];
}

/** What the tracker reads of the live view. */
export interface GenericView {
  find(target: GenericTarget): KubeObject | undefined;
  /** The events of the watched namespaces, for the diagnosis on top. */
  events(): readonly unknown[];
}

export interface GenericTrackerOptions {
  judge: ObjectJudge;
  statusOptions: ObjectStatusOptions;
  failFast: boolean;
  /** How long a changed object may have no status before kstatus's "current" is believed (status/generic/first-status.ts). */
  firstStatusMs: number;
  log: (line: string) => void;
}

function describe(t: GenericTarget): string {
  return `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

/** What a verdict still in progress at the deadline means. */
export function timeoutMessage(status: ObjectStatus): string {
  if (status.reason === 'LatestGenerationNotObserved') return `${status.message}: is its controller running?`;
  return status.message;
}

export class GenericTracker {
  private readonly tracked: GenericOutcome[];
  private readonly dropped = new Set<GenericOutcome>();
  private readonly looked = new Map<GenericOutcome, { obj: KubeObject; events: readonly unknown[]; atMs: number; findings: Finding[] }>();
  private startedMs: number | null = null;

  constructor(
    targets: readonly GenericTarget[],
    private readonly view: GenericView,
    private readonly options: GenericTrackerOptions,
  ) {
    this.tracked = targets.map((t) => ({
      ...t,
      state: 'pending',
      status: { state: 'in-progress', reason: 'NotFound', message: `${describe(t)} not found` },
      message: '',
      settledAtMs: null,
      findings: [],
    }));
  }

  get pending(): boolean {
    return this.tracked.some((t) => t.state === 'pending' && !this.dropped.has(t));
  }

  /** Every object waited for, in the order given; the dropped ones (their kind could not be watched) are left out. */
  get outcomes(): GenericOutcome[] {
    return this.tracked.filter((t) => !this.dropped.has(t)).map((t) => ({ ...t, message: t.message || t.status.message }));
  }

  /** Stops waiting for the pending targets `which` selects, which cannot be seen; returns how many. */
  drop(which: (t: GenericTarget) => boolean): number {
    const gone = this.tracked.filter((t) => t.state === 'pending' && !this.dropped.has(t) && which(t));
    for (const t of gone) this.dropped.add(t);
    return gone.length;
  }

  evaluate(nowMs: number): void {
    this.startedMs ??= nowMs;
    for (const t of this.tracked) if (t.state === 'pending' && !this.dropped.has(t)) this.judge(t, nowMs);
  }

  /** The deadline passed or the run was cancelled: what is still pending ends so, with what explains it. */
  finish(state: 'timeout' | 'cancelled', nowMs: number): void {
    for (const t of this.tracked) {
      if (t.state !== 'pending' || this.dropped.has(t)) continue;
      const obj = this.view.find(t);
      if (obj) t.findings = this.findings(t, obj, nowMs);
      this.settle(t, state, nowMs, state === 'timeout' ? timeoutMessage(t.status) : t.status.message);
    }
  }

  /**
   * The findings of the objects that failed, diagnosed again when the wait ends: a controller writes the Stalled
   * condition and then its event, so the event may have come after the verdict.
   */
  refreshFailed(nowMs: number): void {
    for (const t of this.tracked) {
      if (t.state !== 'failed' || this.dropped.has(t)) continue;
      const obj = this.view.find(t);
      const findings = obj ? this.findings(t, obj, nowMs) : [];
      if (findings.length > 0) t.findings = findings;
    }
  }

  private judge(t: GenericOutcome, nowMs: number): void {
    const obj = this.view.find(t);
    if (!obj) return;
    let status = this.options.judge.status(obj, this.options.statusOptions);
    const young = nowMs - (this.startedMs ?? nowMs) < this.options.firstStatusMs;
    if (status.state === 'current' && t.changed && young && awaitsFirstStatus(obj)) status = noStatusYet(t.kind);
    if (status.message !== t.status.message) this.options.log(`${describe(t)}: ${status.message}`);
    t.status = status;
    if (status.state === 'current') return this.settle(t, 'healthy', nowMs, status.message);
    if (status.state === 'failed') {
      t.findings = this.findings(t, obj, nowMs);
      return this.settle(t, 'failed', nowMs, status.message);
    }
    if (!this.options.failFast) return;
    const findings = this.findingsWhileWaiting(t, obj, nowMs);
    if (findings.some((f) => f.fatal)) {
      t.findings = findings;
      this.options.log(`${describe(t)}: ${findings.find((f) => f.fatal)!.message}`);
      this.settle(t, 'failed', nowMs, status.message);
    }
  }

  /**
   * The wait judges on every change (a rollout of many pods sends a stream): the diagnosis on top runs again only
   * when the object or the events changed, or a second passed (its policies count time).
   */
  private findingsWhileWaiting(t: GenericOutcome, obj: KubeObject, nowMs: number): Finding[] {
    const events = this.view.events();
    const last = this.looked.get(t);
    if (last && last.obj === obj && last.events === events && nowMs - last.atMs < 1000) return last.findings;
    const findings = this.findings(t, obj, nowMs);
    this.looked.set(t, { obj, events, atMs: nowMs, findings });
    return findings;
  }

  private findings(t: GenericOutcome, obj: KubeObject, nowMs: number): Finding[] {
    const context = { events: this.view.events(), now: new Date(nowMs), storageClasses: this.options.statusOptions.storageClasses };
    return this.options.judge.findings(t, obj, t.status, context);
  }

  private settle(t: GenericOutcome, state: WorkloadState, nowMs: number, message: string): void {
    t.state = state;
    t.message = message;
    t.settledAtMs = nowMs - (this.startedMs ?? nowMs);
  }
}
