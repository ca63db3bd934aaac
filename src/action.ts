// The GitHub Action shell: inputs from INPUT_* (@actions/core), the same engine as the CLI, then the report where
// people look: step outputs, the job summary, annotations on the manifests, and one sticky PR comment.
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
import { headline } from './report/headline.js';
import { githubContext } from './action-context.js';
import { runPlanAction } from './action-plan.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cancel = new AbortController();
  const onSignal = (sig: string) => () => {
    core.warning(`received ${sig}: the job was cancelled; stopping the wait and writing the report`);
    cancel.abort();
  };
  process.once('SIGTERM', onSignal('SIGTERM'));
  process.once('SIGINT', onSignal('SIGINT'));

  let inputs: GateInputs;
  try {
    inputs = parseInputs((name) => core.getInput(name));
  } catch (e) {
    return fail(emptyResult(describeError(e)));
  }
  if (inputs.mode === 'plan') return runPlanAction(inputs, env, cancel.signal);
  const gate = await runGate(inputs, { log: (l) => core.info(l), maskSecret: (s) => core.setSecret(s), signal: cancel.signal });
  await report(gate, inputs, env);
}

async function report(gate: GateRun, inputs: GateInputs, env: NodeJS.ProcessEnv): Promise<void> {
  const { result } = gate;
  for (const [name, value] of Object.entries(stepOutputs(result))) core.setOutput(name, value);
  const ctx = githubContext(env);
  const input: ReportInput = {
    result,
    context: {
      runUrl: ctx.runUrl,
      runId: ctx.runId,
      repository: ctx.repository,
      sha: ctx.sha,
      reportId: inputs.reportId ?? defaultReportId({ workflow: ctx.workflow, job: ctx.job, namespace: inputs.namespace }),
    },
    timings: Object.fromEntries((gate.wait?.outcomes ?? []).map((o) => [workloadId(o), o.settledAtMs ?? 0])),
    now: new Date(),
  };
  if (inputs.summary) {
    try {
      await core.summary.addRaw(renderSummary(input)).write();
    } catch (e) {
      core.warning(`could not write the job summary: ${describeError(e)}`);
    }
  }
  const locations = new Map<string, SourceLocation>();
  for (const w of gate.applied?.workloads ?? []) if (w.source) locations.set(workloadId(w), w.source);
  for (const a of annotationsFor(result.findings, locations)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }
  if (inputs.prComment !== 'false' && inputs.githubToken) {
    const repo = ctx.repository ? parseRepository(ctx.repository) : null;
    if (repo) {
      const sticky = await publishStickyComment({
        api: createGitHubClient({ token: inputs.githubToken, baseUrl: ctx.apiUrl }),
        repo,
        mode: inputs.prComment,
        eventPullNumber: ctx.pullNumber,
        sha: ctx.sha,
        reportId: input.context.reportId,
        body: renderComment(input),
        warn: (m) => core.warning(m),
      });
      if (sticky.action !== 'skipped') core.info(`PR comment ${sticky.action}: ${sticky.url ?? `#${sticky.pullNumber}`}`);
    }
  }
  if (result.verdict !== 'healthy') fail(result, input);
}

function fail(result: DeployResult, input?: ReportInput): void {
  if (!input) for (const [name, value] of Object.entries(stepOutputs(result))) core.setOutput(name, value);
  core.setFailed(result.verdict === 'error' ? (result.error ?? 'the deploy could not run') : headline(result));
}

function emptyResult(error: string): DeployResult {
  return { verdict: 'error', durationMs: 0, workloads: [], findings: [], rollback: null, error };
}
