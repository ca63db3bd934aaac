// The few GitHub REST calls the sticky comment needs, as an interface: comment.ts decides, github-client.ts talks
// HTTP, and tests can swap either side.
export interface RepoRef {
  owner: string;
  repo: string;
}

/** The fields we read of GitHub's issue comment object. */
export interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user: { login: string; type?: string } | null;
}

/** The fields we read of a pull request listed for a commit. */
export interface PullSummary {
  number: number;
  state: string;
  head?: { sha?: string };
}

export interface GitHubCommentsApi {
  /** The issue's comments, oldest first, one page per step (GitHub's Link headers say where the next one is). */
  commentPages(repo: RepoRef, issueNumber: number): AsyncIterable<IssueComment[]>;
  createComment(repo: RepoRef, issueNumber: number, body: string): Promise<IssueComment>;
  updateComment(repo: RepoRef, commentId: number, body: string): Promise<IssueComment>;
  /** The token's own login, or null when the token may not read GET /user (GITHUB_TOKEN gets 403 there). */
  authenticatedLogin(): Promise<string | null>;
  listPullsForCommit(repo: RepoRef, sha: string): Promise<PullSummary[]>;
}

/** An answer from GitHub other than 2xx, after any retries. */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly request: string,
    readonly documentationUrl?: string,
  ) {
    super(message);
    this.name = 'GitHubHttpError';
  }
}

export function parseRepository(fullName: string): RepoRef | null {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName.trim());
  return m ? { owner: m[1], repo: m[2] } : null;
}
