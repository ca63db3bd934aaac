// What the runner tells a step about its run, read from the documented GITHUB_* variables and the event payload.
import fs from 'node:fs';
import type { TraceSource } from './apply/trace.js';

export interface GithubContext {
  repository?: string;
  sha?: string;
  runId?: string;
  runUrl?: string;
  apiUrl?: string;
  workflow?: string;
  job?: string;
  actor?: string;
  pullNumber: number | null;
}

export function githubContext(env: NodeJS.ProcessEnv): GithubContext {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  let pullNumber: number | null = null;
  let sha = env.GITHUB_SHA;
  try {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
    if (typeof event.pull_request?.number === 'number') {
      pullNumber = event.pull_request.number;
      sha = event.pull_request.head?.sha ?? sha;
    }
  } catch {
    /* no readable event payload: not a pull request run */
  }
  return {
    repository,
    sha,
    runId,
    pullNumber,
    runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
    apiUrl: env.GITHUB_API_URL,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    actor: env.GITHUB_ACTOR,
  };
}

/** What the workloads' trace says about a GitHub run: repository, commit, run URL, actor. */
export function githubTrace(ctx: GithubContext): TraceSource {
  return { repository: ctx.repository, sha: ctx.sha, runUrl: ctx.runUrl, actor: ctx.actor };
}
