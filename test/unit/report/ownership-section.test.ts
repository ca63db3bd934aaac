import { describe, expect, it } from 'vitest';
import type { DeployResult } from '../../../src/model.js';
import { ownershipSection } from '../../../src/report/ownership-section.js';
import { renderComment, renderSummary } from '../../../src/report/markdown.js';

const base: DeployResult = { verdict: 'healthy', durationMs: 4200, workloads: [], findings: [], rollback: null, error: null };
const takeover = {
  object: 'Deployment/shop/api',
  field: '.spec.template.spec.containers[name="api"].image',
  found: 'ghcr.io/acme/api:1.4.2-hotfix',
  manager: 'kubectl-set',
  operation: 'Update',
  subresource: null,
  time: '2026-12-05T03:12:40Z',
  applied: 'ghcr.io/acme/api:1.4.3',
};

describe('ownershipSection', () => {
  it('says nothing when no field changed hands', () => {
    expect(ownershipSection(base)).toEqual([]);
    expect(ownershipSection({ ...base, takeovers: [], leftOut: [] })).toEqual([]);
  });

  it('lists each takeover with the value found, who set it and when, and the value applied; then what was left to owners', () => {
    const result: DeployResult = {
      ...base,
      takeovers: [
        takeover,
        { ...takeover, field: '.spec.replicas', found: 5, manager: 'kubectl', subresource: 'scale', time: null, applied: 2 },
      ],
      leftOut: [
        {
          object: 'Deployment/shop/web',
          field: '.spec.replicas',
          owner: 'HorizontalPodAutoscaler shop/web',
          reason: 'hpa',
          live: 7,
          manifest: 3,
        },
      ],
    };
    expect(ownershipSection(result)).toEqual([
      '### Field ownership',
      '',
      'Taken over by this deploy (2 fields another manager had set):',
      '',
      '| object | field | was | set by | at | now |',
      '|---|---|---|---|---|---|',
      '| Deployment `shop/api` | `.spec.template.spec.containers[name="api"].image` | `ghcr.io/acme/api:1.4.2-hotfix` | `kubectl-set` (Update) | 2026-12-05T03:12:40Z | `ghcr.io/acme/api:1.4.3` |',
      '| Deployment `shop/api` | `.spec.replicas` | `5` | `kubectl` (Update through /scale) | unknown | `2` |',
      '',
      'Left to their owners:',
      '',
      '- Deployment `shop/web` `.spec.replicas`: left to HorizontalPodAutoscaler shop/web, which keeps `7` (the manifest says `3`)',
      '',
    ]);
  });

  it('appears in the job summary, and the green PR comment mentions the takeover', () => {
    const input = {
      result: { ...base, takeovers: [takeover] },
      context: { reportId: 'x' },
      timings: {},
      now: new Date('2026-12-05T04:00:00Z'),
    };
    expect(renderSummary(input)).toContain('### Field ownership');
    expect(renderComment(input)).toContain('took over 1 field set outside this pipeline (see the run summary)');
  });
});
