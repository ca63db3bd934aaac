// Findings about the workload rather than one pod: its controller cannot create pods (FailedCreate: "Error creating:
// pods \"web-x\" is forbidden: exceeded quota: ..." or an admission webhook / PodSecurity / missing service account),
// the Deployment passed its progress deadline, or the Job failed.
import type { WorkloadKind } from '../../k8s/kinds.js';
import { compareEvents, latest, type EventView } from '../events.js';
import { conditionOf } from '../../k8s/fields.js';
import { type Condition, type Workload } from '../../k8s/objects.js';
import type { NewRevision } from '../new-revision.js';
import type { Draft, Evidence } from './types.js';
import type { RunContext } from '../run-context.js';
import { quotaOutlook } from './quota.js';
import type { CategoryPolicy } from '../categories/index.js';

export interface WorkloadContext {
  kind: WorkloadKind;
  workload: Workload;
  revision: NewRevision;
  /** Events about the workload, oldest first. */
  events: EventView[];
  /** Events about the object that creates the pods (the new ReplicaSet), oldest first. */
  creatorEvents: EventView[];
  now: Date;
  /** What this deploy brings that may still resolve a failure (webhooks whose backends are starting...). */
  run: RunContext;
}

/** A FailedCreate event this old with no condition to back it is history, not the current state. */
const FAILED_CREATE_FRESH_MS = 10 * 60_000;

type CreateFailure = 'quota-exceeded' | 'admission-denied' | 'admission-webhook-unavailable';

export function classifyCreateFailure(message: string): { category: CreateFailure; evidence: Evidence } | null {
  const quota = /exceeded quota: ([^,\s]+)/.exec(message);
  if (quota) return { category: 'quota-exceeded', evidence: { quota: quota[1], cause: message } };
  // The API server could not reach the webhook (its backend down or still starting): no verdict on the pod at all.
  const unreachable = /failed calling webhook "([^"]+)"/.exec(message);
  if (unreachable) return { category: 'admission-webhook-unavailable', evidence: { webhook: unreachable[1], cause: message } };
  const webhook = /admission webhook "([^"]+)" denied the request/.exec(message);
  if (webhook) return { category: 'admission-denied', evidence: { webhook: webhook[1], cause: message } };
  const podSecurity = /violates PodSecurity "([^"]+)"/.exec(message);
  if (podSecurity) return { category: 'admission-denied', evidence: { webhook: `PodSecurity ${podSecurity[1]}`, cause: message } };
  const account = /serviceaccount "([^"]+)" not found|error looking up service account [^/\s]+\/([^:\s]+)/.exec(message);
  if (account) return { category: 'admission-denied', evidence: { serviceAccount: account[1] ?? account[2], cause: message } };
  if (/is forbidden|is invalid|denied/.test(message)) return { category: 'admission-denied', evidence: { cause: message } };
  return null;
}

function base(ctx: WorkloadContext, fields: Partial<Draft> & Pick<Draft, 'category' | 'message'>): Draft {
  return {
    pod: null,
    container: null,
    node: null,
    reason: null,
    exitCode: null,
    restarts: null,
    events: ctx.creatorEvents,
    evidence: {},
    since: null,
    failures: 1,
    ...fields,
  };
}

/**
 * The workload's own conditions describe the spec its controller last saw: until it has observed our apply's
 * generation, a ProgressDeadlineExceeded or ReplicaFailure there belongs to the rollout before (kubectl's rollout
 * status checks observedGeneration first for the same reason).
 */
function observedCurrent(workload: Workload): boolean {
  const generation = workload.metadata?.generation;
  const observed = workload.status?.observedGeneration;
  return typeof generation !== 'number' || (typeof observed === 'number' && observed >= generation);
}

function liveCount(ctx: WorkloadContext): number {
  return ctx.revision.pods.filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')
    .length;
}

export function createFailureRule(ctx: WorkloadContext): Draft | null {
  const creator = ctx.revision.creator as Workload | null;
  const condition: Condition | undefined = [
    conditionOf(creator?.status?.conditions, 'ReplicaFailure'),
    observedCurrent(ctx.workload) ? conditionOf(ctx.workload.status?.conditions, 'ReplicaFailure') : undefined,
  ].find((c) => c?.status === 'True' && c.reason === 'FailedCreate');
  const events = [...ctx.creatorEvents, ...(creator === ctx.workload ? [] : ctx.events)].filter((e) => e.reason === 'FailedCreate');
  const event = latest(events.sort(compareEvents));
  const fresh = event && ctx.now.getTime() - event.lastSeenMs < FAILED_CREATE_FRESH_MS && liveCount(ctx) < ctx.revision.desired;
  const message = condition?.message ?? (fresh ? event.message : null);
  if (!message) return null;
  const classified = classifyCreateFailure(message);
  const failures = Math.max(
    1,
    events.reduce((n, e) => n + e.count, 0),
  );
  const outlook = transience(ctx, classified?.category, message);
  return base(ctx, {
    category: classified?.category ?? 'unknown',
    reason: 'FailedCreate',
    message: `${ctx.revision.creatorKind} ${creator?.metadata?.name ?? ctx.workload.metadata?.name ?? ''} cannot create pods: ${message.replace(/^Error creating: /, '')}${outlook.note}`,
    evidence: classified?.evidence ?? { cause: message },
    events: event ? [event] : [],
    failures,
    since: condition?.lastTransitionTime ?? events[0]?.firstSeen ?? null,
    provisional: outlook.provisional,
    conclusive: outlook.conclusive,
    policy: outlook.policy,
  });
}

/**
 * Whether a refusal clears by itself: a quota the new pods fit once the old ones are gone, a webhook this deploy is
 * still bringing up. Otherwise the category's policy decides (see categories/workload.ts).
 */
/** A rollout stuck on a quota (maxUnavailable 0) waits a minute: another user of the quota may still free room. */
const QUOTA_STUCK_POLICY: CategoryPolicy = { fatal: 'after-seconds', seconds: 60 };

function transience(
  ctx: WorkloadContext,
  category: CreateFailure | undefined,
  message: string,
): { note: string; provisional?: boolean; conclusive?: boolean; policy?: CategoryPolicy } {
  if (category === 'quota-exceeded') {
    const oldPods = ctx.revision.olderPods.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.spec);
    const outlook = quotaOutlook(message, ctx.kind, ctx.workload, oldPods);
    if (outlook.kind === 'fits-later') return { note: ` (${outlook.detail}: waiting for the old pods to go)`, provisional: true };
    if (outlook.kind === 'never-fits') return { note: ` (${outlook.detail})`, conclusive: true };
    if (outlook.kind === 'stuck') return { note: ` (${outlook.detail})`, policy: QUOTA_STUCK_POLICY };
  }
  if (category === 'admission-webhook-unavailable') {
    const webhook = /failed calling webhook "([^"]+)"/.exec(message)?.[1] ?? '';
    if (ctx.run.webhooks.has(webhook))
      return { note: ' (this deploy applies that webhook: waiting for its backend to start)', provisional: true };
  }
  return { note: '' };
}

export function progressDeadlineRule(ctx: WorkloadContext): Draft | null {
  if (ctx.kind !== 'Deployment' || !observedCurrent(ctx.workload)) return null;
  const progressing = conditionOf(ctx.workload.status?.conditions, 'Progressing');
  if (progressing?.status !== 'False' || progressing.reason !== 'ProgressDeadlineExceeded') return null;
  const seconds = ctx.workload.spec?.progressDeadlineSeconds;
  return base(ctx, {
    category: 'progress-deadline-exceeded',
    reason: 'ProgressDeadlineExceeded',
    message: `${progressing.message ?? 'The rollout timed out progressing'}${typeof seconds === 'number' ? ` (progressDeadlineSeconds ${seconds})` : ''}`,
    events: ctx.events.slice(-3),
    since: progressing.lastTransitionTime ?? null,
  });
}

export function jobFailedRule(ctx: WorkloadContext): Draft | null {
  if (ctx.kind !== 'Job') return null;
  const failed = ['Failed', 'FailureTarget'].map((t) => conditionOf(ctx.workload.status?.conditions, t)).find((c) => c?.status === 'True');
  if (!failed) return null;
  const limit = ctx.workload.spec?.backoffLimit;
  const failedPods = ctx.workload.status?.failed;
  const detail =
    failed.reason === 'BackoffLimitExceeded' && typeof limit === 'number'
      ? ` (backoffLimit ${limit}${typeof failedPods === 'number' ? `, ${failedPods} failed pods` : ''})`
      : '';
  return base(ctx, {
    category: 'job-failed',
    reason: failed.reason ?? 'Failed',
    message: `${failed.message ?? 'The Job failed'}${detail}`,
    events: ctx.events.filter((e) => e.type === 'Warning').slice(-3),
    since: failed.lastTransitionTime ?? null,
  });
}

export const WORKLOAD_RULES = [createFailureRule, progressDeadlineRule, jobFailedRule];
