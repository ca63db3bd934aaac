import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { choosePull, isOwnComment, publishStickyComment, upsertStickyComment } from '../../../src/report/comment.js';
import { createGitHubClient } from '../../../src/report/github-client.js';
import type { GitHubCommentsApi } from '../../../src/report/github-api.js';
import { reportMarker } from '../../../src/report/marker.js';
import { ACTIONS_BOT, DEPLOY_USER, FakeGitHub, OTHER_USER } from './fake-github.js';

const repo = { owner: 'acme', repo: 'shop' };
const REPORT_ID = 'deploy/production';
const MARKER = reportMarker(REPORT_ID);

let gh: FakeGitHub;
let warnings: string[];
const warn = (m: string) => warnings.push(m);
const api = (token = 'ghs_actions'): GitHubCommentsApi => createGitHubClient({ token, baseUrl: gh.baseUrl, sleep: async () => {} });
const upsert = (body: string, token?: string, pullNumber = 7) =>
  upsertStickyComment({ api: api(token), repo, pullNumber, reportId: REPORT_ID, body, warn });
const writes = () => gh.requests.filter((r) => r.method !== 'GET');

beforeEach(async () => {
  gh = new FakeGitHub();
  warnings = [];
  await gh.start();
});
afterEach(() => gh.stop());

describe('sticky PR comment against a local GitHub', () => {
  it.each([
    ['GITHUB_TOKEN (403 on /user)', 'ghs_actions', ACTIONS_BOT.login],
    ['personal token', 'ghp_personal', DEPLOY_USER.login],
  ])('%s: first run creates, second run updates the same comment', async (_, token, login) => {
    const first = await upsert(`${MARKER}\n## ❌ Deploy failed`, token);
    expect(first.action).toBe('created');
    const second = await upsert(`${MARKER}\n✅ deployed`, token);
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect(writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /repos/acme/shop/issues/7/comments',
      `PATCH /repos/acme/shop/issues/comments/${first.commentId}`,
    ]);
    const [only] = gh.comments.get(7)!;
    expect(gh.comments.get(7)).toHaveLength(1);
    expect(only).toMatchObject({ body: `${MARKER}\n✅ deployed`, user: { login } });
    expect(warnings).toEqual([]);
  });

  it('sends the documented headers and JSON body', async () => {
    await upsert('report without marker');
    const post = gh.requests.find((r) => r.method === 'POST')!;
    expect(post.headers).toMatchObject({
      authorization: 'token ghs_actions',
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json; charset=utf-8',
      'user-agent': expect.stringMatching(/^kube-deploy-gate octokit-core\.js\//),
    });
    // The marker is added when the body lacks it, so the next run finds the comment.
    expect(post.body).toEqual({ body: `${MARKER}\nreport without marker` });
  });

  it("leaves another user's comment with the same marker alone", async () => {
    const theirs = gh.addComment(7, OTHER_USER, `quoting the bot:\n${MARKER}\nold report`);
    const result = await upsert(`${MARKER}\nnew report`);
    expect(result.action).toBe('created');
    expect(gh.comments.get(7)!.find((c) => c.id === theirs)!.body).toContain('old report');
    expect(writes().map((r) => r.method)).toEqual(['POST']);
  });

  it('a comment with the marker of another report id is not ours to update', async () => {
    gh.addComment(7, ACTIONS_BOT, `${reportMarker('deploy/staging')}\nstaging report`);
    expect((await upsert(`${MARKER}\nproduction report`)).action).toBe('created');
  });

  it('403 on a fork is one warning, no throw, and no comment', async () => {
    gh.addComment(7, OTHER_USER, 'LGTM');
    const result = await upsert(`${MARKER}\nreport`, 'ghs_fork');
    expect(result.action).toBe('skipped');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/403 Resource not accessible by integration.*fork.*pull-requests: write.*job summary still has the report/);
    expect(gh.comments.get(7)).toHaveLength(1);
  });

  it('pages through 230 comments and updates the marker found on page 3', async () => {
    for (let i = 0; i < 225; i++) gh.addComment(7, i % 2 ? OTHER_USER : ACTIONS_BOT, `comment ${i}`);
    const ours = gh.addComment(7, ACTIONS_BOT, `${MARKER}\nold report`);
    for (let i = 0; i < 4; i++) gh.addComment(7, OTHER_USER, `later ${i}`);
    const result = await upsert(`${MARKER}\nnew report`);
    expect(result).toMatchObject({ action: 'updated', commentId: ours });
    // The first page by the route, the next ones by the Link header's rel="next" (GitHub names the repository by id).
    const pages = gh.requests.filter((r) => r.url.includes('/issues/7/comments')).map((r) => r.url);
    expect(pages).toEqual([
      '/repos/acme/shop/issues/7/comments?per_page=100',
      '/repositories/1296269/issues/7/comments?per_page=100&page=2',
      '/repositories/1296269/issues/7/comments?per_page=100&page=3',
    ]);
  });

  it('stops at the last page when there is no marker, then creates', async () => {
    for (let i = 0; i < 200; i++) gh.addComment(7, OTHER_USER, `comment ${i}`);
    expect((await upsert(`${MARKER}\nreport`)).action).toBe('created');
    const gets = gh.requests.filter((r) => r.method === 'GET' && r.url.includes('/comments'));
    // Exactly two full pages: the Link header of page 2 has no rel="next".
    expect(gets).toHaveLength(2);
  });

  it('auto-find: the PR of a pushed commit via commits/{sha}/pulls', async () => {
    const sha = '9f1c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6';
    gh.pullsByCommit.set(sha, [
      { number: 3, state: 'closed', headSha: sha },
      { number: 12, state: 'open', headSha: sha },
    ]);
    const result = await publishStickyComment({ api: api(), repo, mode: 'auto-find', sha, reportId: REPORT_ID, body: 'report', warn });
    expect(result).toMatchObject({ action: 'created', pullNumber: 12 });
    expect(gh.requests[0].url).toBe(`/repos/acme/shop/commits/${sha}/pulls?per_page=100`);
    expect(gh.comments.get(12)).toHaveLength(1);
  });

  it.each([
    ['false', 7, undefined, 'skipped'],
    ['true', null, 'abc123', 'skipped'],
    ['true', 7, undefined, 'created'],
  ] as const)('mode %s with event PR %s and sha %s: %s', async (mode, eventPullNumber, sha, action) => {
    const result = await publishStickyComment({ api: api(), repo, mode, eventPullNumber, sha, reportId: REPORT_ID, body: 'r', warn });
    expect(result.action).toBe(action);
  });

  it('retries a 502 and a primary rate limit, then succeeds', async () => {
    const sleeps: number[] = [];
    const reset = Math.floor(Date.parse('2026-11-23T12:00:05Z') / 1000);
    gh.hiccups.push([502, {}, { message: 'Server Error' }]);
    gh.hiccups.push([
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      { message: 'API rate limit exceeded for installation ID 1.' },
    ]);
    const client = createGitHubClient({
      token: 'ghs_actions',
      baseUrl: gh.baseUrl,
      sleep: async (ms) => void sleeps.push(ms),
      now: () => Date.parse('2026-11-23T12:00:00Z'),
    });
    const pages = [];
    for await (const page of client.commentPages(repo, 7)) pages.push(page);
    expect(pages).toEqual([[]]);
    expect(sleeps).toEqual([1000, 6000]);
  });

  it('gives up after three attempts and reports the status', async () => {
    for (let i = 0; i < 3; i++) gh.hiccups.push([503, {}, { message: 'Service Unavailable' }]);
    const result = await upsert('report');
    expect(result.action).toBe('skipped');
    expect(warnings).toEqual([
      expect.stringMatching(/GET \/repos\/acme\/shop\/issues\/7\/comments\?per_page=100: 503 Service Unavailable/),
    ]);
  });

  it('does not wait an hour for a rate limit reset', async () => {
    gh.hiccups.push([429, { 'retry-after': '3600' }, { message: 'You have exceeded a secondary rate limit.' }]);
    expect((await upsert('report')).action).toBe('skipped');
    expect(warnings[0]).toMatch(/429 You have exceeded a secondary rate limit/);
  });
});

describe('pure decisions', () => {
  it.each([
    [{ id: 1, user: { login: 'github-actions[bot]', type: 'Bot' } }, null, true],
    [{ id: 1, user: { login: 'my-app[bot]', type: 'Bot' } }, null, true],
    [{ id: 1, user: { login: 'octocat', type: 'User' } }, null, false],
    [{ id: 1, user: { login: 'github-actions[bot]', type: 'Bot' } }, 'deploy-bot-user', false],
    [{ id: 1, user: { login: 'deploy-bot-user', type: 'User' } }, 'deploy-bot-user', true],
    [{ id: 1, user: null }, null, false],
  ])('isOwnComment(%j, %j) = %s', (comment, login, own) => {
    expect(isOwnComment(comment, login)).toBe(own);
  });

  it.each([
    [
      [
        { number: 1, state: 'open', head: { sha: 'other' } },
        { number: 2, state: 'open', head: { sha: 'abc' } },
      ],
      2,
    ],
    [
      [
        { number: 1, state: 'closed', head: { sha: 'abc' } },
        { number: 4, state: 'open', head: { sha: 'def' } },
      ],
      4,
    ],
    [[{ number: 1, state: 'closed', head: { sha: 'abc' } }], null],
    [[], null],
  ])('choosePull %#', (pulls, number) => {
    expect(choosePull(pulls, 'abc')).toBe(number);
  });
});
