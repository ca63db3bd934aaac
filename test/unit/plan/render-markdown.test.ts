// The plan comment's headline and objects table (plan/render-markdown.ts), exactly.
import { describe, expect, it } from 'vitest';
import { planHeadline, planReportId, renderPlanSummary } from '../../../src/plan/render-markdown.js';
import type { PlanResult } from '../../../src/plan/types.js';

const finding = (category: string, workload: string, fatal = true) => ({ category, workload, fatal, predicted: true });
const plan = (over: Partial<PlanResult>): PlanResult =>
  ({
    verdict: 'ok',
    summary: { create: 0, change: 0, unchanged: 0, refused: 0 },
    objects: [],
    findings: [],
    risks: [],
    notes: [],
    error: null,
    durationMs: 1200,
    ...over,
  }) as unknown as PlanResult;
const context = {
  reportId: 'deploy/gate/shop',
  repository: 'acme/shop',
  sha: 'abc1234def',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  runId: '42',
};

describe('planHeadline', () => {
  it.each([
    ['nothing to fail', plan({}), undefined, '## ✅ Plan: nothing predicted to fail'],
    ['with a title', plan({}), 'production', '## ✅ production: Plan: nothing predicted to fail'],
    [
      'an error',
      plan({ verdict: 'error', error: 'cannot reach the API' } as Partial<PlanResult>),
      undefined,
      '## ⛔ Plan could not run: cannot reach the API',
    ],
    ['an error without text', plan({ verdict: 'error' } as Partial<PlanResult>), undefined, '## ⛔ Plan could not run: unknown error'],
    [
      'one failure',
      plan({ findings: [finding('image-not-found', 'Deployment/shop/api')] } as unknown as Partial<PlanResult>),
      undefined,
      '## ❌ Plan: this change will not roll out: `shop/api` cannot start: its image does not exist',
    ],
    [
      'two failures: the worst is named',
      plan({
        findings: [finding('image-not-found', 'Deployment/shop/api'), finding('config-missing-ref', 'Deployment/shop/web')],
      } as unknown as Partial<PlanResult>),
      undefined,
      '## ❌ Plan: this change will not roll out: `shop/api` cannot start: its image does not exist (and 1 more predicted failure)',
    ],
    [
      'three failures',
      plan({
        findings: [
          finding('image-not-found', 'Deployment/shop/api'),
          finding('image-not-found', 'Deployment/shop/web'),
          finding('image-not-found', 'Deployment/shop/db'),
        ],
      } as unknown as Partial<PlanResult>),
      undefined,
      '## ❌ Plan: this change will not roll out: `shop/api` cannot start: its image does not exist (and 2 more predicted failures)',
    ],
  ])('%s', (_, p, title, want) => {
    expect(planHeadline(p, title)).toBe(want);
  });

  it('the comment id', () => {
    expect(planReportId('deploy/gate/shop')).toBe('plan:deploy/gate/shop');
  });
});

describe('the objects table', () => {
  it('counts, a refused object, a Secret by keys, a change by fields, a create with a note; the unchanged in one line', () => {
    const p = plan({
      summary: { create: 1, change: 2, unchanged: 1, refused: 1 },
      objects: [
        { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api', action: 'refused', changes: [] },
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: 'shop',
          name: 'tls',
          action: 'change',
          changes: [
            { path: 'data[tls.crt]', before: '(hidden)', after: '(hidden)' },
            { path: 'data[ca.crt]', before: null, after: '(hidden)' },
            { path: 'data[old]', before: '(hidden)', after: null },
          ],
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: 'shop',
          name: 'cfg',
          action: 'change',
          changes: [{ path: 'data[a]', before: '1', after: '2' }],
        },
        { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web', action: 'create', changes: [], note: 'new <b>' },
        { apiVersion: 'v1', kind: 'Namespace', name: 'shop', action: 'unchanged', changes: [] },
      ],
    } as unknown as Partial<PlanResult>);
    const body = renderPlanSummary({ plan: p, context });
    expect(body).toContain('**1** to create · **2** to change · **1** unchanged · **1** refused');
    expect(body).toContain('refused by the API server');
    expect(body).toContain('keys: `tls.crt` changed, `ca.crt` added, `old` removed');
    expect(body).toContain('| 1 field |');
    expect(body).toContain('new &lt;b&gt;');
  });
});
