// The engine both shells run: apply -> wait -> diagnose -> rollback, returning one DeployResult. IO comes in
// through `GateDeps` so the shells decide where logs, secrets and cancellation come from.
import { applyAll, type ApplyResult } from './apply/apply.js';
import { describeSources, openClient, readManifests, resolvePlanned } from './apply/prepare.js';
import type { UrlFetcher } from './apply/url-fetcher.js';
import { describeError, UserError } from './errors.js';
import { Cancelled, startPhase } from './phase.js';
import type { GateInputs } from './inputs.js';
import type { KubeClient } from './kube/client.js';
import { workloadId } from './k8s/kinds.js';
import { type ApplyNotice, type DeployResult, type Finding, type RollbackResult, type Verdict, type WorkloadResult } from './model.js';
import { createJudge } from './judge.js';
import { runContextOf } from './diagnose/index.js';
import { waitForWorkloads, type GenericOutcome, type WaitResult } from './watch/wait.js';
import { resolveGenericTargets } from './watch/generic-wait.js';
import { enrichFindings } from './diagnose/live.js';
import { rollbackRun } from './rollback/run.js';
import { runTrace, type TraceSource } from './apply/trace.js';

const PHASE_GRACE_MS = 2000;
const LOG_FETCH_TIMEOUT_MS = 15_000;

export interface GateDeps {
  log: (line: string) => void;
  maskSecret?: (secret: string) => void;
  signal?: AbortSignal;
  cwd?: string;
  /** Inject a client (tests); otherwise one is built from the kubeconfig inputs. */
  client?: KubeClient;
  /** Fetches manifests named by URL; node:https by default. */
  fetchUrl?: UrlFetcher;
  /** What the shell knows about the run (GitHub context, command line) for the change-cause and run trace. */
  trace?: TraceSource;
}

export interface GateRun {
  result: DeployResult;
  applied: ApplyResult | null;
  wait: WaitResult | null;
  warnings: string[];
  /** What the apply noticed for a person (an HPA that scales a workload whose manifest sets replicas...). */
  notices: ApplyNotice[];
}

export async function runGate(inputs: GateInputs, deps: GateDeps): Promise<GateRun> {
  const started = Date.now();
  const finish = (verdict: Verdict, rest: Partial<DeployResult>, run: Partial<GateRun> = {}): GateRun => ({
    result: {
      verdict,
      durationMs: Date.now() - started,
      workloads: [],
      findings: [],
      rollback: null,
      error: null,
      takeovers: run.applied?.takeovers ?? [],
      leftOut: run.applied?.leftOut ?? [],
      ...rest,
    },
    applied: null,
    wait: null,
    warnings: [],
    notices: run.applied?.notices ?? [],
    ...run,
  });
  let cleanup = () => {};
  // One deadline for the deploy, from the first request: the wait's own deadline decides "timeout" a moment before
  // this one fires, which only ends requests that hang (discovery, apply) with a clear error.
  const deadlineAt = started + inputs.timeoutMs;
  const deployPhase = startPhase('the deploy', inputs.timeoutMs + PHASE_GRACE_MS, deps.signal, inputs.timeoutMs);
  let applyStarted = false;
  try {
    const { sources, manifests } = await readManifests(inputs, {
      cwd: deps.cwd,
      fetchUrl: deps.fetchUrl,
      signal: deployPhase.signal,
      deadlineAt,
    });
    let client = deps.client;
    if (!client) ({ client, cleanup } = openClient(inputs, deps));
    client.http.useRunSignal(deployPhase.signal);
    const version = await client.discovery.serverVersion();
    deps.log(`connected to ${client.http.server} (Kubernetes ${version})`);
    const planned = await resolvePlanned(client, manifests, inputs, deps.log);
    deps.log(`applying ${planned.length} object(s) from ${describeSources(sources)} with server-side apply as "${inputs.fieldManager}"`);
    applyStarted = true;
    const applied = await applyAll(client, planned, {
      fieldManager: inputs.fieldManager,
      fieldValidation: inputs.fieldValidation,
      conflicts: inputs.conflicts,
      respectHpa: inputs.respectHpa,
      trace: inputs.annotate ? runTrace({ ...deps.trace, changeCause: inputs.changeCause ?? deps.trace?.changeCause }) : null,
      log: deps.log,
    });
    const objects = await resolveGenericTargets(client, applied.objects, inputs.waitFor);
    if (applied.workloads.length === 0 && objects.length === 0) {
      deps.log('no workloads to wait for');
      return finish('healthy', {}, { applied });
    }
    if (objects.length) deps.log(`waiting for ${objects.length} other object(s) with the kstatus rules (wait-for)`);
    const wait = await waitForWorkloads(client, applied.workloads, {
      timeoutMs: deadlineAt - Date.now(),
      failFast: inputs.failFast,
      minReadyMs: inputs.minReadyMs,
      judge: createJudge(runContextOf(planned.map((m) => m.object))),
      log: deps.log,
      signal: deps.signal,
      objects,
      waitForLoadBalancers: inputs.waitForLoadBalancers,
    });
    deployPhase.dispose();
    const verdict = verdictOf(wait);
    // Log tails are a nicety: a short deadline of their own, none at all once the job is cancelled.
    const logsPhase = startPhase('reading container logs', LOG_FETCH_TIMEOUT_MS, deps.signal);
    client.http.useRunSignal(logsPhase.signal);
    const findings: Finding[] = await enrichFindings(client, wait.findings, applied, deps.log);
    logsPhase.dispose();
    const outcomeOf = new Map(wait.outcomes.map((o) => [workloadId(o), o]));
    const workloads: WorkloadResult[] = applied.workloads.map((w) => {
      const o = outcomeOf.get(workloadId(w))!;
      return {
        kind: w.kind,
        namespace: w.namespace,
        name: w.name,
        changed: w.changed,
        revisionBefore: w.revisionBefore,
        revisionAfter: o.revisionAfter,
        done: o.status.done,
        message: o.status.error ?? o.status.message ?? '',
        window: o.window,
      };
    });
    workloads.push(...wait.objects.map(objectResult));
    let rollback: RollbackResult | null = null;
    const shouldRollBack =
      inputs.rollback && (verdict === 'failed' || verdict === 'timeout' || (verdict === 'cancelled' && inputs.rollbackOnCancel));
    if (shouldRollBack) {
      // The rollback gets a deadline of its own; a cancelled job that asked for rollback-on-cancel still rolls back.
      const rollbackPhase = startPhase(
        'the rollback',
        inputs.timeoutMs + PHASE_GRACE_MS,
        inputs.rollbackOnCancel ? undefined : deps.signal,
        inputs.timeoutMs,
      );
      client.http.useRunSignal(rollbackPhase.signal);
      rollback = await rollbackRun(client, applied, wait, inputs, deps.log).finally(rollbackPhase.dispose);
    }
    for (const w of wait.warnings) deps.log(`warning: ${w}`);
    return finish(verdict, { workloads, findings, rollback }, { applied, wait, warnings: wait.warnings });
  } catch (e) {
    if (e instanceof Cancelled) {
      deps.log(e.message);
      return finish(applyStarted ? 'cancelled' : 'error', { error: applyStarted ? null : e.message });
    }
    // A bug, not the user's input: one line by default, the stack only when asked for (KDG_DEBUG=1).
    if (!(e instanceof UserError))
      deps.log(`internal error (please report it): ${process.env.KDG_DEBUG ? (e as Error).stack : describeError(e)}`);
    return finish('error', { error: describeError(e) });
  } finally {
    deployPhase.dispose();
    cleanup();
  }
}

function verdictOf(wait: WaitResult): Verdict {
  const all = [...wait.outcomes, ...wait.objects];
  if (wait.cancelled && all.some((o) => o.state === 'cancelled')) return 'cancelled';
  if (all.some((o) => o.state === 'failed')) return 'failed';
  if (all.some((o) => o.state === 'timeout')) return 'timeout';
  return 'healthy';
}

/** An object the kstatus rules judged, in the workloads list: no revisions, kstatus's message and reason. */
function objectResult(o: GenericOutcome): WorkloadResult {
  return {
    kind: o.kind,
    namespace: o.namespace,
    name: o.name,
    changed: o.changed,
    revisionBefore: null,
    revisionAfter: null,
    done: o.state === 'healthy',
    message: o.message,
    apiVersion: o.apiVersion,
    reason: o.status.state === 'current' ? null : (o.status.reason ?? null),
  };
}
