// The GitHub Action shell: inputs from INPUT_* (@actions/core), the same engine as the CLI, then the report where
// people look: step outputs, the job summary, annotations on the manifests, and one sticky PR comment. Every way out
// ends in one `setFailed` line (or success): a bad input, a report that cannot be written, a bug.
import * as core from '@actions/core';
import { runGate, type GateRun } from './gate.js';
import { parseInputs, type GateInputs } from './inputs.js';
import { describeError } from './errors.js';
import { workloadId } from './k8s/kinds.js';
import { type DeployResult, type SourceLocation } from './model.js';
import { annotationsFor } from './report/annotations.js';
import { publishStickyComment } from './report/comment.js';
import { createGitHubClient } from './report/github-client.js';
import { parseRepository } from './report/github-api.js';
import { defaultReportId } from './report/marker.js';
import { renderComment, renderSummary, type ReportInput } from './report/markdown.js';
import { stepOutputs } from './report/outputs.js';
import { plainHeadline } from './report/headline.js';
import { githubContext, githubTrace } from './action-context.js';
import { runPlanAction } from './action-plan.js';
import { graceAfter } from './phase.js';

/** After a cancellation the PR comment gets this long; the runner kills the step soon after its SIGTERM. */
const CANCELLED_REPORT_GRACE_MS = 1000;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cancel = new AbortController();
  const onSignal = (sig: string) => () => {
    core.warning(`received ${sig}: the job was cancelled; stopping the wait and writing the report`);
    cancel.abort();
  };
  process.once('SIGTERM', onSignal('SIGTERM'));
  process.once('SIGINT', onSignal('SIGINT'));
  try {
    await runAction(env, cancel.signal);
  } catch (e) {
    core.setFailed(`kube-deploy-gate: ${describeError(e)}`);
  }
  // A cancelled job must end now: nothing left running (a socket, a timer) may hold the process.
  if (cancel.signal.aborted) process.exit();
}

async function runAction(env: NodeJS.ProcessEnv, cancel: AbortSignal): Promise<void> {
  let inputs: GateInputs;
  try {
    inputs = parseInputs((name) => core.getInput(name));
  } catch (e) {
    return await reportInputError(describeError(e), env);
  }
  if (inputs.mode === 'plan') return runPlanAction(inputs, env, cancel);
  const gate = await runGate(inputs, {
    log: (l) => core.info(l),
    maskSecret: (s) => core.setSecret(s),
    signal: cancel,
    trace: githubTrace(githubContext(env)),
  });
  await report(gate, inputs, env, cancel);
}

/** A bad input still gets its outputs and its job summary: the summary is where people look first. */
async function reportInputError(error: string, env: NodeJS.ProcessEnv): Promise<void> {
  const result: DeployResult = { verdict: 'error', durationMs: 0, workloads: [], findings: [], rollback: null, error };
  const problems = writeOutputs(result);
  if (core.getInput('summary').trim().toLowerCase() !== 'false') {
    const ctx = githubContext(env);
    const input = reportInput({ result }, ctx, defaultReportId({ workflow: ctx.workflow, job: ctx.job }));
    await writeSummary(input);
  }
  core.setFailed(problems.length ? `${error} (and ${problems[0]})` : error);
}

async function report(gate: GateRun, inputs: GateInputs, env: NodeJS.ProcessEnv, cancel: AbortSignal): Promise<void> {
  const { result } = gate;
  const problems = writeOutputs(result);
  const ctx = githubContext(env);
  const reportId = inputs.reportId ?? defaultReportId({ workflow: ctx.workflow, job: ctx.job, namespace: inputs.namespace });
  const input = reportInput(gate, ctx, reportId, inputs.timeoutMs);
  if (inputs.summary) await writeSummary(input);
  const locations = new Map<string, SourceLocation>();
  for (const w of gate.applied?.workloads ?? []) if (w.source) locations.set(workloadId(w), w.source);
  for (const n of gate.notices) {
    core.warning(
      n.message,
      n.source ? { title: 'kube-deploy-gate', file: n.source.file, startLine: n.source.line } : { title: 'kube-deploy-gate' },
    );
  }
  for (const a of annotationsFor(result.findings, locations)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }
  if (inputs.prComment !== 'false' && inputs.githubToken) {
    const repo = ctx.repository ? parseRepository(ctx.repository) : null;
    if (repo) {
      try {
        const sticky = await publishStickyComment({
          api: createGitHubClient({
            token: inputs.githubToken,
            baseUrl: ctx.apiUrl,
            signal: graceAfter(cancel, CANCELLED_REPORT_GRACE_MS),
          }),
          repo,
          mode: inputs.prComment,
          eventPullNumber: ctx.pullNumber,
          sha: ctx.sha,
          reportId,
          body: renderComment(input),
          warn: (m) => core.warning(m),
        });
        if (sticky.action !== 'skipped') core.info(`PR comment ${sticky.action}: ${sticky.url ?? `#${sticky.pullNumber}`}`);
      } catch (e) {
        core.warning(`could not write the PR comment: ${describeError(e)}`);
      }
    }
  }
  // GitHub shows the failure message as plain text: the Markdown headline would show its "## " and backticks.
  if (result.verdict !== 'healthy')
    core.setFailed(
      result.verdict === 'error' ? (result.error ?? 'the deploy could not run') : plainHeadline(result, { timeoutMs: inputs.timeoutMs }),
    );
  else if (problems.length) core.setFailed(`the deploy is healthy, but ${problems[0]}`);
}

function reportInput(
  gate: Pick<GateRun, 'result'> & Partial<GateRun>,
  ctx: ReturnType<typeof githubContext>,
  reportId: string,
  timeoutMs?: number,
): ReportInput {
  return {
    result: gate.result,
    context: { runUrl: ctx.runUrl, runId: ctx.runId, repository: ctx.repository, sha: ctx.sha, reportId },
    timings: Object.fromEntries(
      [...(gate.wait?.outcomes ?? []), ...(gate.wait?.objects ?? [])].map((o) => [workloadId(o), o.settledAtMs ?? 0]),
    ),
    now: new Date(),
    timeoutMs,
  };
}

/** The outputs are what later steps read: one that cannot be written fails the step (returned, said once at the end). */
function writeOutputs(result: DeployResult): string[] {
  try {
    for (const [name, value] of Object.entries(stepOutputs(result))) core.setOutput(name, value);
    return [];
  } catch (e) {
    return [`the step outputs could not be written (GITHUB_OUTPUT): ${describeError(e)}`];
  }
}

async function writeSummary(input: ReportInput): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(input)).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${describeError(e)}`);
  }
}
