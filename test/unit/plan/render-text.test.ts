// The plan's terminal form (plan/render-text.ts), line for line.
import { describe, expect, it } from 'vitest';
import { changeLine, headlineText, objectName, renderPlanText } from '../../../src/plan/render-text.js';
import type { PlanResult } from '../../../src/plan/types.js';

const base: PlanResult = {
  verdict: 'ok',
  summary: { create: 1, change: 1, unchanged: 2, refused: 0 },
  objects: [
    { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'cfg', action: 'create', changes: [] },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'api',
      action: 'change',
      changes: [
        { path: 'spec.replicas', before: '2', after: '3' },
        { path: 'spec.template.spec.containers[app].env[MODE]', before: null, after: 'fast' },
        { path: 'spec.template.spec.containers[app].args', before: '["--slow"]', after: null },
      ],
      note: 'template changed',
    },
    { apiVersion: 'v1', kind: 'Namespace', name: 'shop', action: 'unchanged', changes: [] },
    { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'api', action: 'unchanged', changes: [] },
  ],
  findings: [],
  risks: [{ object: 'Deployment shop/api', field: 'spec.template.spec.containers[app].image', message: 'the image has no tag' }],
  notes: ['quota not read: forbidden', 'nodes not read'],
  error: null,
  durationMs: 1200,
} as unknown as PlanResult;

describe('the plan as text', () => {
  it('every part, in order', () => {
    expect(renderPlanText(base)).toBe(
      [
        'Plan: 1 to create, 1 to change, 2 unchanged; nothing predicted to fail (1.2s)',
        '',
        '  + ConfigMap shop/cfg',
        '  ~ Deployment shop/api: template changed',
        '      spec.replicas: 2 -> 3',
        '      spec.template.spec.containers[app].env[MODE]: (none) -> fast',
        '      spec.template.spec.containers[app].args: ["--slow"] -> (removed)',
        '  = unchanged: Namespace shop, Service shop/api',
        '',
        'Risks (will roll out, worth a look):',
        '  Deployment shop/api: the image has no tag (spec.template.spec.containers[app].image)',
        '',
        'Notes:',
        '  - quota not read: forbidden',
        '  - nodes not read',
        '',
      ].join('\n'),
    );
  });

  it('nothing unchanged, no risks, no notes', () => {
    const plan = { ...base, summary: { create: 1, change: 0, unchanged: 0, refused: 0 }, objects: [base.objects[0]], risks: [], notes: [] };
    expect(renderPlanText(plan)).toBe(
      'Plan: 1 to create, 0 to change, 0 unchanged; nothing predicted to fail (1.2s)\n\n  + ConfigMap shop/cfg\n',
    );
  });

  it('an error is the headline alone', () => {
    expect(renderPlanText({ ...base, verdict: 'error', error: 'cannot reach the API' } as PlanResult)).toBe(
      'plan could not run: cannot reach the API (1.2s)\n',
    );
  });

  it.each([
    [
      { create: 0, change: 0, unchanged: 0, refused: 2 },
      0,
      'Plan: 0 to create, 0 to change, 0 unchanged, 2 refused; nothing predicted to fail',
    ],
    [{ create: 3, change: 1, unchanged: 0, refused: 0 }, 1, 'Plan: 3 to create, 1 to change, 0 unchanged; 1 predicted failure'],
    [{ create: 3, change: 1, unchanged: 0, refused: 0 }, 2, 'Plan: 3 to create, 1 to change, 0 unchanged; 2 predicted failures'],
  ])('headline %j with %i findings', (summary, findings, want) => {
    expect(headlineText({ ...base, summary, findings: Array.from({ length: findings }, () => ({})) } as unknown as PlanResult)).toBe(want);
  });

  it('names objects with and without a namespace; change lines', () => {
    expect(objectName({ kind: 'Namespace', name: 'shop' })).toBe('Namespace shop');
    expect(objectName({ kind: 'Secret', namespace: 'shop', name: 'tls' })).toBe('Secret shop/tls');
    expect(changeLine({ path: 'a', before: 'x', after: 'y' })).toBe('a: x -> y');
  });
});
