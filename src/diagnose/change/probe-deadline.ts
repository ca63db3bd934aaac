// Probe-aware fail fast: a readiness or startup probe that is still failing well after its own
// settings said it should have passed dooms the pod now, instead of at the progress deadline.
import { probeSettings, type ProbeSettings } from './probe-settings.js';
import { asRecord, asString } from './template-shape.js';

export interface ContainerSpecLike {
  name?: string;
  readinessProbe?: unknown;
  startupProbe?: unknown;
}

export interface ContainerStatusLike {
  name?: string;
  ready?: boolean;
  started?: boolean;
  state?: { running?: { startedAt?: string } | null } | null;
}

export interface PodConditionLike {
  type?: string;
  status?: string;
  lastTransitionTime?: string;
}

export interface ProbeOverdue {
  container: string;
  probe: 'readiness' | 'startup';
  /** Seconds the probe has had since the clock started (container start, or the last fall to not-ready). */
  elapsedSeconds: number;
  /** initialDelaySeconds + periodSeconds x failureThreshold + margin (see probeAllowanceSeconds). */
  allowedSeconds: number;
  /** Of allowedSeconds, what the settings themselves allow (with the startup probe's, when it ran first). */
  settingsSeconds: number;
  /** Of settingsSeconds, the startup probe's initialDelaySeconds + periodSeconds x failureThreshold (0 without one). */
  startupSeconds: number;
  settings: ProbeSettings;
}

export interface ProbeDeadline extends Omit<ProbeOverdue, 'elapsedSeconds'> {
  /** When the probe's clock started. */
  since: Date;
  /** When a still-unready container counts as failing. */
  at: Date;
}

/** Fixed part of the margin: the kubelet's status update and our watch need a moment to show "ready". */
export const PROBE_SLACK_SECONDS = 5;

/**
 * What a probe's own settings allow before it has surely failed: initialDelaySeconds +
 * periodSeconds x failureThreshold, plus a margin of one more period (the prober's ticker starts with
 * the pod, not with the container, so the first probe after the delay lands up to a period late), one
 * timeoutSeconds (the last attempt may run that long before it counts) and PROBE_SLACK_SECONDS.
 * Defaults 0/10/3 and timeout 1 give 0 + 30 + 10 + 1 + 5 = 46 s.
 */
export function probeAllowanceSeconds(probe: unknown): number {
  return budgetSeconds(probe) + marginSeconds(probe);
}

function budgetSeconds(probe: unknown): number {
  const s = probeSettings(probe);
  return s.initialDelaySeconds + s.periodSeconds * s.failureThreshold;
}

function marginSeconds(probe: unknown): number {
  const s = probeSettings(probe);
  return s.periodSeconds + s.timeoutSeconds + PROBE_SLACK_SECONDS;
}

/**
 * The moment from which a still-unready container counts as failing its probe, or null when no
 * probe applies (not running, no probe, already ready). Callers can schedule a re-check for it.
 */
export function probeDeadline(
  container: ContainerSpecLike,
  status: ContainerStatusLike,
  podConditions: PodConditionLike[] = [],
): ProbeDeadline | null {
  const startedAt = parseTime(asString(status.state?.running?.startedAt));
  if (!startedAt || status.ready === true) return null;
  const name = container.name ?? status.name ?? '';
  const startup = asRecord(container.startupProbe);
  const readiness = asRecord(container.readinessProbe);
  // Until the startup probe succeeds the kubelet runs no readiness probe: judge the startup probe alone.
  if (startup && status.started !== true) {
    return deadline(name, 'startup', startup, startedAt, 0);
  }
  if (!readiness) return null;
  // The readiness clock starts at container start (after the startup probe's own budget, when there is
  // one), or when the pod last fell to not-ready, whichever is later: a probe that passed for an hour
  // and just began failing gets its full allowance again.
  const fellAt = notReadySince(podConditions);
  const startupBudget = startup ? budgetSeconds(startup) : 0;
  const since = fellAt && fellAt.getTime() > startedAt.getTime() + startupBudget * 1000 ? fellAt : startedAt;
  return deadline(name, 'readiness', readiness, since, since === startedAt ? startupBudget : 0);
}

/** The readiness or startup probe of this container is failing past what its settings allow, or null. */
export function probeOverdue(
  container: ContainerSpecLike,
  status: ContainerStatusLike,
  now: Date,
  podConditions: PodConditionLike[] = [],
): ProbeOverdue | null {
  const due = probeDeadline(container, status, podConditions);
  if (!due || now.getTime() < due.at.getTime()) return null;
  return {
    container: due.container,
    probe: due.probe,
    elapsedSeconds: Math.floor((now.getTime() - due.since.getTime()) / 1000),
    allowedSeconds: due.allowedSeconds,
    settingsSeconds: due.settingsSeconds,
    startupSeconds: due.startupSeconds,
    settings: due.settings,
  };
}

/**
 * "not ready after 46s; its settings allow 30s (initialDelaySeconds 0 + failureThreshold 3 x periodSeconds 10) and
 * the gate adds 16s of margin": true whenever the probe is overdue, since elapsed >= settings + margin.
 */
export function describeOverdue(o: ProbeOverdue): string {
  const s = o.settings;
  const terms = [
    ...(o.startupSeconds > 0 ? [`${o.startupSeconds}s of the startup probe`] : []),
    `initialDelaySeconds ${s.initialDelaySeconds}`,
    `failureThreshold ${s.failureThreshold} × periodSeconds ${s.periodSeconds}`,
  ];
  const state = o.probe === 'startup' ? 'not started' : 'not ready';
  return `${state} after ${o.elapsedSeconds}s; its ${o.probe} probe's settings allow ${o.settingsSeconds}s (${terms.join(' + ')}) and the gate adds ${o.allowedSeconds - o.settingsSeconds}s of margin`;
}

function deadline(
  container: string,
  probe: ProbeOverdue['probe'],
  spec: Record<string, unknown>,
  since: Date,
  extraSeconds: number,
): ProbeDeadline {
  const settingsSeconds = extraSeconds + budgetSeconds(spec);
  const allowedSeconds = extraSeconds + probeAllowanceSeconds(spec);
  const at = new Date(since.getTime() + allowedSeconds * 1000);
  return { container, probe, allowedSeconds, settingsSeconds, startupSeconds: extraSeconds, settings: probeSettings(spec), since, at };
}

function notReadySince(conditions: PodConditionLike[]): Date | null {
  const condition = conditions.find((c) => c.type === 'ContainersReady' && c.status === 'False');
  return parseTime(condition?.lastTransitionTime ?? null);
}

function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
