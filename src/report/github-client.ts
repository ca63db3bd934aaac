// GitHubCommentsApi over @actions/github's Octokit: the toolkit's client reaches GITHUB_API_URL (GitHub Enterprise
// Server has its own) through @actions/http-client, which honours the runner's HTTPS_PROXY, HTTP_PROXY and NO_PROXY
// (a self-hosted runner behind a proxy has no other way out; Node's own fetch ignores them), and its paginate plugin
// follows GitHub's Link headers. It has no retries: every request goes through the one retry helper (../retry.ts),
// hooked in below, with a deadline per attempt. The package is loaded from dist/lazy/ on first use (docs/bundling.md):
// a run that writes no comment never reads it.
import { getOctokit } from '@actions/github';
import { GitHubHttpError, type GitHubCommentsApi, type IssueComment, type PullSummary, type RepoRef } from './github-api.js';
import { abortableSleep, withRetry } from '../retry.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
export const PER_PAGE = 100;
const API_VERSION = '2022-11-28';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  baseUrl?: string;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** Longest wait for a rate limit to reset before giving up instead. */
  maxWaitMs?: number;
  /** How long one request may take (default 30 s): a GitHub API that never answers must not hold the job. */
  requestTimeoutMs?: number;
  /** Ends every request and retry wait at once (the job was cancelled and its grace is over). */
  signal?: AbortSignal;
}

/** What Octokit's RequestError carries (read as unknown: the error crosses the lazy package's boundary). */
interface FailedAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  message?: string;
  documentationUrl?: string;
}

function failedAnswer(e: unknown): FailedAnswer | null {
  const response = (e as { response?: { status?: unknown; headers?: unknown; data?: unknown } } | null)?.response;
  if (!response || typeof response.status !== 'number') return null;
  const data = (typeof response.data === 'object' && response.data !== null ? response.data : {}) as Record<string, unknown>;
  return {
    status: response.status,
    headers: (response.headers ?? {}) as Record<string, string | undefined>,
    message: typeof data.message === 'string' ? data.message : typeof response.data === 'string' ? response.data.slice(0, 200) : undefined,
    documentationUrl: typeof data.documentation_url === 'string' ? data.documentation_url : undefined,
  };
}

function describeRequest(options: { method?: unknown; url?: unknown }, base: string): string {
  const url = String(options.url ?? '');
  return `${String(options.method ?? 'GET')} ${url.startsWith(base) ? url.slice(base.length) : url}`;
}

export function createGitHubClient(o: GitHubClientOptions): GitHubCommentsApi {
  const base = (o.baseUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  const sleep = o.sleep ?? ((ms: number) => abortableSleep(ms, o.signal));
  const requestTimeoutMs = o.requestTimeoutMs ?? 30_000;
  const now = o.now ?? Date.now;
  const maxAttempts = o.maxAttempts ?? 3;
  const maxWaitMs = o.maxWaitMs ?? 60_000;
  const octokit = getOctokit(o.token, { baseUrl: base, userAgent: 'kube-deploy-gate' });

  // How long to wait before retrying, or null when the answer is final. GitHub signals its primary rate limit
  // with 403/429 and x-ratelimit-remaining: 0 (reset time in x-ratelimit-reset), secondary limits with retry-after.
  function retryDelay(a: FailedAnswer | null, attempt: number): number | null {
    const backoff = 1000 * 2 ** (attempt - 1);
    if (a === null || a.status >= 500) return backoff;
    if (a.status !== 403 && a.status !== 429) return null;
    const retryAfter = a.headers['retry-after'];
    if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    if (a.headers['x-ratelimit-remaining'] === '0') {
      const reset = Number(a.headers['x-ratelimit-reset']);
      return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now()) + 1000 : backoff;
    }
    return a.status === 429 ? backoff : null;
  }

  // Every request, the paginated ones included: a deadline per attempt, the retry rule above, and one error type.
  // The options are changed in place: the hooks inside this one (the token's) were bound to this very object.
  octokit.hook.wrap('request', async (request, options) => {
    const label = describeRequest(options, base);
    options.headers.accept = 'application/vnd.github+json';
    options.headers['x-github-api-version'] = API_VERSION;
    const attemptOnce = async () => {
      const deadline = AbortSignal.timeout(requestTimeoutMs);
      options.request = { ...options.request, signal: o.signal ? AbortSignal.any([o.signal, deadline]) : deadline };
      return request(options);
    };
    try {
      return await withRetry(attemptOnce, {
        policy: { attempts: maxAttempts, baseDelayMs: 1000, maxDelayMs: maxWaitMs },
        random: () => 0.5,
        sleep: (ms) => sleep(ms),
        signal: o.signal,
        retryable: (e, attempt) => {
          const delay = retryDelay(failedAnswer(e), attempt);
          return delay === null || delay > maxWaitMs ? null : { afterMs: delay };
        },
      });
    } catch (e) {
      const a = failedAnswer(e);
      if (a) throw new GitHubHttpError(a.status, `${label}: ${a.status} ${a.message ?? ''}`.trim(), label, a.documentationUrl);
      if (o.signal?.aborted) throw e;
      throw new GitHubHttpError(0, `${label}: ${(e as Error)?.message ?? String(e)}`, label);
    }
  });

  return {
    async *commentPages(repo: RepoRef, issueNumber: number): AsyncIterable<IssueComment[]> {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issueNumber,
        per_page: PER_PAGE,
      });
      for await (const page of pages) yield page.data as IssueComment[];
    },
    async createComment(repo, issueNumber, body) {
      const { data } = await octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: issueNumber, body });
      return data as IssueComment;
    },
    async updateComment(repo, commentId, body) {
      const { data } = await octokit.rest.issues.updateComment({ owner: repo.owner, repo: repo.repo, comment_id: commentId, body });
      return data as IssueComment;
    },
    async authenticatedLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return typeof data?.login === 'string' ? data.login : null;
      } catch (e) {
        if (e instanceof GitHubHttpError) return null;
        throw e;
      }
    },
    async listPullsForCommit(repo, sha): Promise<PullSummary[]> {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: repo.owner,
        repo: repo.repo,
        commit_sha: sha,
        per_page: PER_PAGE,
      });
      return data as PullSummary[];
    },
  };
}
