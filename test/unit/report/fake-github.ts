// A local stand-in for the GitHub REST API, on 127.0.0.1 with an ephemeral port. It records every request and
// answers with the documented shapes: issue comment objects, pull request objects, Link headers for paging,
// 403 "Resource not accessible by integration" for installation tokens where GitHub gives it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const DEPLOY_USER: User = { login: 'deploy-bot-user', id: 5123, type: 'User' };
export const OTHER_USER: User = { login: 'octocat', id: 583231, type: 'User' };

interface Token {
  user: User;
  /** GITHUB_TOKEN-like: GET /user is refused. */
  installation: boolean;
  /** A fork's pull request: the token may read but not write. */
  readOnly: boolean;
}

interface StoredComment {
  id: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

const NOT_ACCESSIBLE = (docs: string) => ({ message: 'Resource not accessible by integration', documentation_url: docs, status: '403' });

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, Token>([
    ['ghs_actions', { user: ACTIONS_BOT, installation: true, readOnly: false }],
    ['ghs_fork', { user: ACTIONS_BOT, installation: true, readOnly: true }],
    ['ghp_personal', { user: DEPLOY_USER, installation: false, readOnly: false }],
  ]);
  readonly comments = new Map<number, StoredComment[]>();
  readonly pullsByCommit = new Map<string, { number: number; state: string; headSha: string }[]>();
  /** Answers to give before the real one, for retry tests: [status, headers, body]. */
  readonly hiccups: [number, Record<string, string>, unknown][] = [];
  private nextId = 1_000_000;
  private clock = Date.parse('2026-11-23T12:00:00Z');
  private server = http.createServer((req, res) => this.handle(req, res));
  baseUrl = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addComment(issue: number, user: User, body: string): number {
    const list = this.comments.get(issue) ?? [];
    const at = new Date((this.clock += 1000)).toISOString();
    const id = this.nextId++;
    list.push({ id, body, user, created_at: at, updated_at: at });
    this.comments.set(issue, list);
    return id;
  }

  private commentJson(c: StoredComment, issue: number) {
    const api = `https://api.github.com/repos/acme/shop`;
    return {
      id: c.id,
      node_id: `IC_kwDOA${c.id}`,
      url: `${api}/issues/comments/${c.id}`,
      html_url: `https://github.com/acme/shop/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `${api}/issues/${issue}`,
      body: c.body,
      user: { login: c.user.login, id: c.user.id, node_id: `MDQ6VXNlcj${c.user.id}`, type: c.user.type, site_admin: false },
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      this.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4999',
          ...headers,
        });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      const hiccup = this.hiccups.shift();
      if (hiccup) return send(hiccup[0], hiccup[2], hiccup[1]);
      // GitHub takes both schemes: `Bearer <token>` and `token <token>` (what Octokit sends).
      const token = this.tokens.get((req.headers.authorization ?? '').replace(/^(Bearer|token) /, ''));
      if (!token) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      const url = new URL(req.url!, this.baseUrl);
      // Link headers name the repository by its id, as GitHub's do: /repositories/1296269 is acme/shop.
      url.pathname = url.pathname.replace(/^\/repositories\/1296269\//, '/repos/acme/shop/');
      let m: RegExpExecArray | null;
      if (req.method === 'GET' && url.pathname === '/user') {
        if (token.installation) return send(403, NOT_ACCESSIBLE('https://docs.github.com/rest/users/users#get-the-authenticated-user'));
        return send(200, { login: token.user.login, id: token.user.id, type: token.user.type });
      }
      if ((m = /^\/repos\/acme\/shop\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
        const issue = Number(m[1]);
        if (req.method === 'GET') {
          const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
          const page = Number(url.searchParams.get('page') ?? 1);
          const all = this.comments.get(issue) ?? [];
          const last = Math.max(1, Math.ceil(all.length / perPage));
          const link = (p: number) => `<${this.baseUrl}/repositories/1296269/issues/${issue}/comments?per_page=${perPage}&page=${p}>`;
          const rels: string[] = [];
          if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
          if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
          if (page > 1) rels.push(`${link(1)}; rel="first"`);
          const items = all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c, issue));
          return send(200, items, rels.length ? { link: rels.join(', ') } : {});
        }
        if (req.method === 'POST') {
          if (token.readOnly) return send(403, NOT_ACCESSIBLE('https://docs.github.com/rest/issues/comments#create-an-issue-comment'));
          const id = this.addComment(issue, token.user, body.body);
          return send(
            201,
            this.commentJson(
              this.comments.get(issue)!.find((c) => c.id === id)!,
              issue,
            ),
            { location: `https://api.github.com/repos/acme/shop/issues/comments/${id}` },
          );
        }
      }
      if (req.method === 'PATCH' && (m = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
        const id = Number(m[1]);
        for (const [issue, list] of this.comments) {
          const c = list.find((x) => x.id === id);
          if (!c) continue;
          if (token.readOnly || c.user.login !== token.user.login)
            return send(403, NOT_ACCESSIBLE('https://docs.github.com/rest/issues/comments#update-an-issue-comment'));
          c.body = body.body;
          c.updated_at = new Date((this.clock += 1000)).toISOString();
          return send(200, this.commentJson(c, issue));
        }
        return send(404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
          status: '404',
        });
      }
      if (req.method === 'GET' && (m = /^\/repos\/acme\/shop\/commits\/([0-9a-f]+)\/pulls$/.exec(url.pathname))) {
        const pulls = (this.pullsByCommit.get(m[1]) ?? []).map((p) => ({
          url: `https://api.github.com/repos/acme/shop/pulls/${p.number}`,
          id: 1000 + p.number,
          number: p.number,
          state: p.state,
          title: `PR ${p.number}`,
          head: { ref: `feature-${p.number}`, sha: p.headSha },
          base: { ref: 'main', sha: '0'.repeat(40) },
        }));
        return send(200, pulls);
      }
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    });
  }
}
