import { describe, expect, it } from 'vitest';
import { verdictTimePlot } from '../../../bench/lib/plot-data.js';
import { emptyResults } from '../../../bench/lib/results.js';

describe('verdictTimePlot', () => {
  it('plots median seconds per number of Deployments, with the spread, for both tools', () => {
    const r = emptyResults('x');
    const none = { gateRequests: [], kubectlRequests: [], gateRss: [], kubectlRss: [] };
    r.scale = [
      { workloads: 1, replicas: 10, gate: [2000, 3000, 2500], kubectl: [2600], ...none },
      { workloads: 100, replicas: 10, gate: [30_000], kubectl: [], ...none },
    ];
    const plot = verdictTimePlot(r);
    expect(plot.title).toBe('Time to verdict vs number of Deployments (10 pods each)');
    expect(plot.series.map((s) => s.points)).toEqual([
      [
        { x: 1, y: 2.5, low: 2, high: 3 },
        { x: 100, y: 30, low: 30, high: 30 },
      ],
      [{ x: 1, y: 2.6, low: 2.6, high: 2.6 }],
    ]);
  });
});
