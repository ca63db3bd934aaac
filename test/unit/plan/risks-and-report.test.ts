// Risk notes (changes that roll out but deserve a look), the assembled plan, and how it reads: the PR comment with
// its own marker, the escaping of what comes from manifests and the cluster, the size limit, and the text form.
import { describe, expect, it } from 'vitest';
import { assemblePlan } from '../../../src/plan/assemble.js';
import { objectPlan } from '../../../src/plan/object-plan.js';
import { planExitCode } from '../../../src/cli/plan.js';
import { planReportId, renderPlanComment, renderPlanSummary } from '../../../src/plan/render-markdown.js';
import { renderPlanText } from '../../../src/plan/render-text.js';
import { riskNotes } from '../../../src/plan/risks.js';
import { emptyPlan } from '../../../src/plan/run.js';
import type { DryRunObject, PlanResult } from '../../../src/plan/types.js';
import { facts, NS, planned, workload } from './fixtures.js';

describe('riskNotes', () => {
  const live = workload({
    replicas: 4,
    spec: { strategy: { rollingUpdate: { maxUnavailable: '25%' } } },
    container: {
      resources: { limits: { memory: '512Mi', cpu: '1' } },
      readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'DB_HOST', value: 'db' },
      ],
    },
  });

  it('limit lowered, probe removed, env var removed, fewer replicas, more pods down at once', () => {
    const after = workload({
      replicas: 2,
      spec: { strategy: { rollingUpdate: { maxUnavailable: '50%' } } },
      container: {
        resources: { limits: { memory: '256Mi', cpu: '2' } },
        env: [{ name: 'DB_HOST', valueFrom: { configMapKeyRef: { name: 'db', key: 'host' } } }],
      },
    });
    expect(riskNotes(planned(after, live)).map((r) => [r.kind, r.message])).toEqual([
      ['env-removed', 'env MODE removed in this change (it was prod)'],
      ['limit-lowered', 'memory limit lowered from 512Mi to 256Mi in this change'],
      [
        'probe-removed',
        'readiness probe removed in this change (it was http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3)',
      ],
      ['replicas-lowered', 'replicas lowered from 4 to 2'],
      [
        'max-unavailable-raised',
        'maxUnavailable raised from 25% to 50%: up to 1 of 2 pods may be down at once during the rollout (0 before)',
      ],
    ]);
  });

  it('an image without a tag or with latest; a digest or a version is fine; nothing for an unchanged workload', () => {
    const w = workload({
      podSpec: { initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/migrate:latest' }] },
      container: { image: 'nginx' },
    });
    expect(riskNotes(planned(w)).map((r) => [r.kind, r.field, r.after])).toEqual([
      ['image-tag-latest', 'spec.template.spec.initContainers[migrate].image', 'ghcr.io/acme/migrate:latest'],
      ['image-tag-latest', 'spec.template.spec.containers[app].image', 'nginx'],
    ]);
    expect(riskNotes(planned(workload({ container: { image: 'nginx@sha256:' + 'a'.repeat(64) } })))).toEqual([]);
    expect(riskNotes({ ...planned(w, w), action: 'unchanged' })).toEqual([]);
  });
});

function planWith(findingsFrom: Partial<DryRunObject>[]): PlanResult {
  const objects: DryRunObject[] = findingsFrom.map((o) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: NS,
    name: 'api',
    manifest: workload(),
    live: null,
    after: null,
    warnings: [],
    ...o,
  }));
  const plans = objects.map((o) => objectPlan(o, 'kube-deploy-gate'));
  return { ...assemblePlan({ objects, plans, workloads: [], facts: facts(), access: null, notes: ['a note'] }), durationMs: 1200 };
}

describe('the plan report', () => {
  const hostile = '<img src=x onerror=alert(1)> @octocat #12 </details> | `x`';
  const refused = planWith([{ refused: { status: 422, message: `Deployment.apps "api" is invalid: ${hostile}` } }]);
  const clean = planWith([
    {
      after: workload({ container: { image: 'ghcr.io/acme/api:1.4.3' } }),
      live: workload({ container: { image: 'ghcr.io/acme/api:1.4.2' } }),
    },
  ]);
  const context = {
    reportId: 'deploy/gate/shop',
    repository: 'acme/shop',
    sha: 'abc1234def',
    runUrl: 'https://github.com/acme/shop/actions/runs/42',
    runId: '42',
  };

  it('the comment carries its own marker, never the deploy one', () => {
    const body = renderPlanComment({ plan: refused, context });
    expect(planReportId('deploy/gate/shop')).toBe('plan:deploy/gate/shop');
    expect(body.startsWith('<!-- kube-deploy-gate:report-id=plan:deploy/gate/shop -->\n')).toBe(true);
    expect(body).not.toContain('<!-- kube-deploy-gate:report-id=deploy/gate/shop -->');
  });

  it('a predicted failure: the headline, the finding block, the table, and text from the cluster escaped', () => {
    const body = renderPlanSummary({ plan: refused, context });
    expect(body).toMatch(/^## ❌ Plan: this change will not roll out: `shop\/api` is refused by the API server\n/);
    expect(body).toContain('**1** refused');
    expect(body).toContain('### `apply-refused` · Deployment `shop/api`\n');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('</details> |');
    expect(body).not.toMatch(/@octocat|#12 /);
    expect(body).toContain('kube-deploy-gate plan · acme/shop `abc1234` · dry run: nothing was written to the cluster · 1.2s · [run 42]');
  });

  it('a clean plan: the headline, the counts, the diff', () => {
    const body = renderPlanSummary({ plan: clean, context });
    expect(body).toMatch(/^## ✅ Plan: nothing predicted to fail\n\n\*\*0\*\* to create · \*\*1\*\* to change · \*\*0\*\* unchanged\n/);
    expect(body).toContain(
      '```diff\n- spec.template.spec.containers[app].image: ghcr.io/acme/api:1.4.2\n+ spec.template.spec.containers[app].image: ghcr.io/acme/api:1.4.3\n```',
    );
  });

  it('stays within GitHub limits: diffs are cut first', () => {
    const big: PlanResult = {
      ...clean,
      objects: Array.from({ length: 300 }, (_, i) => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: NS,
        name: `cm-${i}`,
        action: 'change' as const,
        changes: Array.from({ length: 50 }, (_, j) => ({ path: `data.k${j}`, before: 'x'.repeat(100), after: 'y'.repeat(100) })),
      })),
    };
    const body = renderPlanComment({ plan: big, context });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('ConfigMap `shop/cm-299`');
  });

  it('an error, and the exit codes', () => {
    expect(renderPlanSummary({ plan: emptyPlan('cannot reach the API'), context })).toMatch(
      /^## ⛔ Plan could not run: cannot reach the API\n/,
    );
    expect([planExitCode(clean), planExitCode(refused), planExitCode(emptyPlan('x'))]).toEqual([0, 1, 2]);
  });

  it('the text form', () => {
    expect(renderPlanText(refused)).toMatch(
      /^Plan: 0 to create, 0 to change, 0 unchanged, 1 refused; 1 predicted failure \(1\.2s\)\n\n {2}! Deployment shop\/api: Deployment\.apps "api" is invalid: <img/,
    );
    expect(renderPlanText(refused)).toMatch(
      /\n {2}FATAL apply-refused\n {4}Invalid\n {4}The API server refuses Deployment shop\/api \(dry run\)/,
    );
    expect(renderPlanText(clean)).toContain(
      '  ~ Deployment shop/api\n      spec.template.spec.containers[app].image: ghcr.io/acme/api:1.4.2 -> ghcr.io/acme/api:1.4.3\n',
    );
  });
});
