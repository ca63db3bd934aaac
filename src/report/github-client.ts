// GitHubCommentsApi over plain fetch, against GITHUB_API_URL (GitHub Enterprise Server has its own), with the
// headers GitHub documents and a small bounded retry for rate limits and server errors.
import {
  GitHubHttpError,
  type CommentPage,
  type GitHubCommentsApi,
  type IssueComment,
  type PullSummary,
  type RepoRef,
} from './github-api.js';
import { abortableSleep, withRetry } from '../retry.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
export const PER_PAGE = 100;
const API_VERSION = '2022-11-28';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  baseUrl?: string;
  fetch?: typeof fetch;
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

/** A non-2xx answer, kept whole so the retry rule can read its headers. */
class AnswerError extends Error {
  constructor(
    readonly answer: Answer,
    readonly error: GitHubHttpError,
  ) {
    super(error.message);
  }
}

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/** Link: <url?page=2>; rel="next", <url?page=3>; rel="last" -> { next: url, last: url } */
export function parseLinkHeader(header: string | null): Record<string, string> {
  const rels: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]*)>\s*;\s*rel="?([^";]+)"?/.exec(part);
    if (m) for (const rel of m[2].split(/\s+/)) rels[rel] = m[1];
  }
  return rels;
}

const seg = encodeURIComponent;
const repoPath = (r: RepoRef) => `/repos/${seg(r.owner)}/${seg(r.repo)}`;

export function createGitHubClient(o: GitHubClientOptions): GitHubCommentsApi {
  const base = (o.baseUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  const doFetch = o.fetch ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => abortableSleep(ms, o.signal));
  const requestTimeoutMs = o.requestTimeoutMs ?? 30_000;
  const now = o.now ?? Date.now;
  const maxAttempts = o.maxAttempts ?? 3;
  const maxWaitMs = o.maxWaitMs ?? 60_000;

  // How long to wait before retrying, or null when the answer is final. GitHub signals its primary rate limit
  // with 403/429 and x-ratelimit-remaining: 0 (reset time in x-ratelimit-reset), secondary limits with retry-after.
  function retryDelay(a: Answer | null, attempt: number): number | null {
    const backoff = 1000 * 2 ** (attempt - 1);
    if (a === null || a.status >= 500) return backoff;
    if (a.status !== 403 && a.status !== 429) return null;
    const retryAfter = a.headers.get('retry-after');
    if (retryAfter !== null && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    if (a.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(a.headers.get('x-ratelimit-reset'));
      return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now()) + 1000 : backoff;
    }
    return a.status === 429 ? backoff : null;
  }

  async function once(method: string, path: string, body: unknown): Promise<Answer> {
    const label = `${method} ${path}`;
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${o.token}`,
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': API_VERSION,
          'User-Agent': 'kube-deploy-gate',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(requestTimeoutMs)]) : AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (e) {
      throw new GitHubHttpError(0, `${label}: ${(e as Error)?.message ?? e}`, label);
    }
    const json = parseBody(await res.text());
    const answer = { status: res.status, headers: res.headers, json };
    if (res.ok) return answer;
    const j = (json ?? {}) as { message?: string; documentation_url?: string };
    throw new AnswerError(
      answer,
      new GitHubHttpError(res.status, `${label}: ${res.status} ${j.message ?? ''}`.trim(), label, j.documentation_url),
    );
  }

  async function request(method: string, path: string, body?: unknown): Promise<Answer> {
    try {
      return await withRetry(() => once(method, path, body), {
        policy: { attempts: maxAttempts, baseDelayMs: 1000, maxDelayMs: maxWaitMs },
        random: () => 0.5,
        sleep: (ms) => sleep(ms),
        signal: o.signal,
        retryable: (e, attempt) => {
          const delay = retryDelay(e instanceof AnswerError ? e.answer : null, attempt);
          return delay === null || delay > maxWaitMs ? null : { afterMs: delay };
        },
      });
    } catch (e) {
      throw e instanceof AnswerError ? e.error : e;
    }
  }

  return {
    async listComments(repo, issueNumber, page): Promise<CommentPage> {
      const a = await request('GET', `${repoPath(repo)}/issues/${issueNumber}/comments?per_page=${PER_PAGE}&page=${page}`);
      const comments = Array.isArray(a.json) ? (a.json as IssueComment[]) : [];
      const link = a.headers.get('link');
      return { comments, hasNext: link ? 'next' in parseLinkHeader(link) : comments.length === PER_PAGE };
    },
    async createComment(repo, issueNumber, body) {
      return (await request('POST', `${repoPath(repo)}/issues/${issueNumber}/comments`, { body })).json as IssueComment;
    },
    async updateComment(repo, commentId, body) {
      return (await request('PATCH', `${repoPath(repo)}/issues/comments/${commentId}`, { body })).json as IssueComment;
    },
    async authenticatedLogin() {
      try {
        const login = ((await request('GET', '/user')).json as { login?: unknown })?.login;
        return typeof login === 'string' ? login : null;
      } catch (e) {
        if (e instanceof GitHubHttpError) return null;
        throw e;
      }
    },
    async listPullsForCommit(repo, sha): Promise<PullSummary[]> {
      const a = await request('GET', `${repoPath(repo)}/commits/${seg(sha)}/pulls?per_page=${PER_PAGE}`);
      return Array.isArray(a.json) ? (a.json as PullSummary[]) : [];
    },
  };
}
