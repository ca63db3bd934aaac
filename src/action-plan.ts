// The Action in plan mode (`mode: plan`): the same inputs as a deploy, every write a dry run. Reports where a pull
// request's readers look: the step outputs `plan` (JSON) and `predicted-failures`, the job summary, annotations on
// the manifest lines, and a sticky PR comment of its own (the deploy's comment is never touched). The step fails when
// a failure is predicted (exit 1) or the plan could not run.
import * as core from '@actions/core';
import { githubContext } from './action-context.js';
import type { GateInputs } from './inputs.js';
import type { SourceLocation } from './model.js';
import { planReportId, renderPlanComment, renderPlanSummary, type PlanReportInput } from './plan/render-markdown.js';
import { headlineText } from './plan/render-text.js';
import { runPlan } from './plan/run.js';
import type { PlanResult } from './plan/types.js';
import { annotationsFor } from './report/annotations.js';
import { publishStickyComment } from './report/comment.js';
import { parseRepository } from './report/github-api.js';
import { createGitHubClient } from './report/github-client.js';
import { defaultReportId } from './report/marker.js';
import { describeError } from './errors.js';

export function planOutputs(plan: PlanResult): Record<string, string> {
  return { plan: JSON.stringify(plan), 'predicted-failures': String(plan.findings.length) };
}

export async function runPlanAction(inputs: GateInputs, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<void> {
  const plan = await runPlan(inputs, { log: (l) => core.info(l), maskSecret: (s) => core.setSecret(s), signal });
  for (const [name, value] of Object.entries(planOutputs(plan))) core.setOutput(name, value);
  const ctx = githubContext(env);
  const input: PlanReportInput = {
    plan,
    context: {
      runUrl: ctx.runUrl,
      runId: ctx.runId,
      repository: ctx.repository,
      sha: ctx.sha,
      reportId: inputs.reportId ?? defaultReportId({ workflow: ctx.workflow, job: ctx.job, namespace: inputs.namespace }),
    },
  };
  if (inputs.summary) {
    try {
      await core.summary.addRaw(renderPlanSummary(input)).write();
    } catch (e) {
      core.warning(`could not write the job summary: ${describeError(e)}`);
    }
  }
  const locations = new Map<string, SourceLocation>();
  for (const o of plan.objects) if (o.source) locations.set(`${o.kind}/${o.namespace ?? ''}/${o.name}`, o.source);
  for (const a of annotationsFor(plan.findings, locations))
    core.error(a.message, { title: `${a.title} (predicted)`, file: a.file, startLine: a.startLine });
  if (inputs.prComment !== 'false' && inputs.githubToken) {
    const repo = ctx.repository ? parseRepository(ctx.repository) : null;
    if (repo) {
      const sticky = await publishStickyComment({
        api: createGitHubClient({ token: inputs.githubToken, baseUrl: ctx.apiUrl }),
        repo,
        mode: inputs.prComment,
        eventPullNumber: ctx.pullNumber,
        sha: ctx.sha,
        reportId: planReportId(input.context.reportId),
        body: renderPlanComment(input),
        warn: (m) => core.warning(m),
      });
      if (sticky.action !== 'skipped') core.info(`PR comment ${sticky.action}: ${sticky.url ?? `#${sticky.pullNumber}`}`);
    }
  }
  if (plan.verdict !== 'clean') core.setFailed(headlineText(plan));
}
