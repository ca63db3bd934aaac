// The sticky PR comment: one comment per report id, found by its hidden marker among the comments written by the
// same identity as our token, updated in place on every later run. Failing to comment never fails the deploy:
// the job summary carries the report anyway, so every GitHub error becomes one warning.
import { GitHubHttpError, type GitHubCommentsApi, type IssueComment, type PullSummary, type RepoRef } from './github-api.js';
import { hasMarker, reportMarker } from './marker.js';

/** The login of comments written with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const MAX_PAGES = 100;

export type CommentMode = 'true' | 'false' | 'auto-find';

export interface StickyResult {
  action: 'created' | 'updated' | 'skipped';
  pullNumber?: number;
  commentId?: number;
  url?: string;
}

/**
 * Whether a comment was written by our token's identity. A personal or App-user token can read GET /user and we
 * compare logins. The workflow's GITHUB_TOKEN is an installation token: GET /user answers 403 and its comments
 * are by `github-actions[bot]` (type Bot), so without a login we accept that bot, or another Bot (an installation
 * token of a GitHub App writes as `<app>[bot]`), and never a person who pasted the marker.
 */
export function isOwnComment(c: IssueComment, login: string | null): boolean {
  if (!c.user) return false;
  if (login) return c.user.login === login;
  return c.user.login === ACTIONS_BOT_LOGIN || c.user.type === 'Bot';
}

/** Pages through the comments (oldest first) and returns the first one of ours that carries the marker. */
async function findSticky(api: GitHubCommentsApi, repo: RepoRef, issueNumber: number, reportId: string): Promise<IssueComment | undefined> {
  let login: string | null | undefined;
  let pages = 0;
  for await (const comments of api.commentPages(repo, issueNumber)) {
    for (const c of comments) {
      if (!hasMarker(c.body, reportId)) continue;
      // Ask who we are only once a candidate shows up: most runs never need to.
      if (login === undefined) login = await api.authenticatedLogin();
      if (isOwnComment(c, login)) return c;
    }
    if (++pages >= MAX_PAGES) return undefined;
  }
  return undefined;
}

function describeFailure(e: unknown): string {
  if (e instanceof GitHubHttpError && (e.status === 403 || e.status === 404)) {
    return (
      `could not write the pull request comment (${e.message}). On a pull request from a fork the token is read-only; ` +
      'otherwise give the job `permissions: pull-requests: write`. The job summary still has the report.'
    );
  }
  return `could not write the pull request comment: ${e instanceof Error ? e.message : String(e)}. The job summary still has the report.`;
}

export interface UpsertOptions {
  api: GitHubCommentsApi;
  repo: RepoRef;
  pullNumber: number;
  reportId: string;
  body: string;
  warn: (message: string) => void;
}

/** Creates the sticky comment or updates ours in place; any GitHub failure is one warning and 'skipped'. */
export async function upsertStickyComment(o: UpsertOptions): Promise<StickyResult> {
  const marker = reportMarker(o.reportId);
  const body = o.body.includes(marker) ? o.body : `${marker}\n${o.body}`;
  try {
    const existing = await findSticky(o.api, o.repo, o.pullNumber, o.reportId);
    if (existing) {
      const c = await o.api.updateComment(o.repo, existing.id, body);
      return { action: 'updated', pullNumber: o.pullNumber, commentId: c.id ?? existing.id, url: c.html_url ?? existing.html_url };
    }
    const c = await o.api.createComment(o.repo, o.pullNumber, body);
    return { action: 'created', pullNumber: o.pullNumber, commentId: c.id, url: c.html_url };
  } catch (e) {
    o.warn(describeFailure(e));
    return { action: 'skipped', pullNumber: o.pullNumber };
  }
}

/** Of the pull requests a commit belongs to, the open one whose head is that commit, else the first open one. */
export function choosePull(pulls: PullSummary[], sha: string): number | null {
  const open = pulls.filter((p) => p.state === 'open');
  return (open.find((p) => p.head?.sha === sha) ?? open[0])?.number ?? null;
}

export interface TargetOptions {
  api: GitHubCommentsApi;
  repo: RepoRef;
  mode: CommentMode;
  /** The pull request of the triggering event (pull_request, pull_request_target), when there is one. */
  eventPullNumber?: number | null;
  sha?: string;
  warn: (message: string) => void;
}

/** Which pull request to comment on: the event's, or with auto-find the open PR of the pushed commit. */
export async function findTargetPull(o: TargetOptions): Promise<number | null> {
  if (o.mode === 'false') return null;
  if (o.eventPullNumber) return o.eventPullNumber;
  if (o.mode !== 'auto-find' || !o.sha) return null;
  try {
    return choosePull(await o.api.listPullsForCommit(o.repo, o.sha), o.sha);
  } catch (e) {
    o.warn(`could not find the pull request of commit ${o.sha.slice(0, 7)}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** The whole PR-comment step: find the pull request, then create or update the sticky comment. */
export async function publishStickyComment(o: TargetOptions & { reportId: string; body: string }): Promise<StickyResult> {
  const pullNumber = await findTargetPull(o);
  if (pullNumber === null) return { action: 'skipped' };
  return upsertStickyComment({ api: o.api, repo: o.repo, pullNumber, reportId: o.reportId, body: o.body, warn: o.warn });
}
