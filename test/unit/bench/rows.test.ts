import { describe, expect, it } from 'vitest';
import type { RequestCounts } from '../../../bench/lib/audit.js';
import { emptyResults, type BenchResults } from '../../../bench/lib/results.js';
import { greenLag, quickSummaryLine, redRatio, resultRows, ROW_HEADERS } from '../../../bench/lib/rows.js';

const MiB = 1024 * 1024;
const counts = (total: number, list: number, watch: number): RequestCounts => ({
  total,
  discovery: 0,
  write: 0,
  get: total - list - watch,
  list,
  watch,
});

function results(): BenchResults {
  const r = emptyResults('the bundle');
  r.red = {
    gate: [900, 1100, 1000],
    kubectl: [60_000, 61_000, 59_000],
    k8sDeploy: [61_000, 62_000, 60_000],
    reference: 'CrashLoopBackOff',
    progressDeadlineSeconds: 60,
  };
  r.green = {
    gate: [80, 120, 100],
    gateWindow: [90, 130, 110],
    windowMs: 10_000,
    kubectl: [20, 10, 30],
    gateRequests: [],
    kubectlRequests: [],
  };
  r.late = { gate: [900, 1100, 1000], kubectlVerdicts: ['healthy', 'healthy', 'healthy'], crashAfter: '2s' };
  r.scale = [
    {
      workloads: 1,
      replicas: 10,
      gate: [2000],
      kubectl: [2500],
      gateRequests: [counts(16, 6, 6)],
      kubectlRequests: [counts(7, 0, 1)],
      gateRss: [60 * MiB],
      kubectlRss: [40 * MiB],
    },
    {
      workloads: 100,
      replicas: 10,
      gate: [30_000, 32_000],
      kubectl: [60_000, 64_000],
      gateRequests: [counts(212, 6, 6), counts(214, 6, 6)],
      kubectlRequests: [counts(400, 0, 100), counts(400, 0, 100)],
      gateRss: [120 * MiB, 130 * MiB],
      kubectlRss: [50 * MiB, 52 * MiB],
    },
  ];
  r.cold = {
    subject: '`node dist/index.js`',
    firstRequestMs: [250, 260, 240],
    bundleBytes: 20 * MiB,
    lazyBytes: null,
    importMs: [150, 160, 170],
  };
  return r;
}

describe('redRatio, greenLag and the quick line', () => {
  it('compares the medians of the same run', () => {
    const r = results();
    expect(redRatio(r)).toBe(60);
    expect(greenLag(r)).toBe(100);
    expect(quickSummaryLine(r)).toBe('time-to-red ratio vs kubectl: 60.0x; green lag: 100 ms');
  });

  it('counts a verdict before the first CrashLoopBackOff as 100 ms, so the ratio stays finite', () => {
    const r = results();
    r.red!.gate = [-400, -300, -200];
    expect(redRatio(r)).toBe(600);
  });

  it('says n/a for rows that did not run', () => {
    expect(quickSummaryLine(emptyResults('x'))).toBe('time-to-red ratio vs kubectl: n/a; green lag: n/a ms');
  });
});

describe('resultRows', () => {
  const rows = resultRows(results());

  it('has one row per measurement, each with every column', () => {
    expect(rows.map((r) => r[0])).toEqual([
      'time to red after first CrashLoopBackOff (progressDeadlineSeconds 60)',
      'time from Deployment available to green verdict',
      'time from Deployment available + the 10 s stability window to green verdict (default min-ready)',
      'time to red of a release that crashes 2s after it starts (no readiness probe), from its first exit',
      'wall time to gate 1 x 10 (apply + wait)',
      'wall time to gate 100 x 10 (apply + wait)',
      'API requests for 1 x 10 (apiserver audit log)',
      'API requests for 100 x 10 (apiserver audit log)',
      'peak RSS for 100 x 10',
      'cold start: `node dist/index.js` to first API request',
      'bundle size / import time',
    ]);
    expect(rows.every((r) => r.length === ROW_HEADERS.length)).toBe(true);
  });

  it('shows medians with their spread, ratios and the goals', () => {
    expect(rows[0]).toEqual([
      rows[0][0],
      '1.0 s (900 ms..1.1 s, n=3)',
      'kubectl rollout status: 60.0 s (59.0 s..61.0 s, n=3); Azure/k8s-deploy model: 61.0 s (60.0 s..62.0 s, n=3)',
      '60.0x (k8s-deploy: 61.0x)',
      '<= 2 s and >= 20x: met',
    ]);
    expect(rows[1][4]).toBe('<= 1 s: met');
    expect(rows[2].slice(1)).toEqual(['110 ms (90 ms..130 ms, n=3)', 'kubectl rollout status has no window', '-', '<= 1 s: met']);
    expect(rows[3].slice(1)).toEqual([
      '1.0 s (900 ms..1.1 s, n=3)',
      'kubectl rollout status: never red, it reported success in 3 of 3 runs',
      '-',
      'red every run: met',
    ]);
    expect(rows[5].slice(1, 4)).toEqual([
      '31.0 s (30.0 s..32.0 s, n=2)',
      'kubectl apply + rollout status per Deployment in turn: 62.0 s (60.0 s..64.0 s, n=2)',
      '2.0x',
    ]);
    expect(rows[7].slice(1, 4)).toEqual(['213 (list+watch 12)', 'kubectl: 400 (list+watch 100)', '1.9x']);
    expect(rows[8].slice(1)).toEqual([
      '125 MiB (120 MiB..130 MiB, n=2)',
      'kubectl (largest process of the sequence): 51 MiB (50 MiB..52 MiB, n=2)',
      '0.4x',
      '< 200 MB: met',
    ]);
    expect(rows[9][4]).toBe('< 300 ms: met');
    expect(rows[10][1]).toBe('20 MiB / 160 ms (150 ms..170 ms, n=3)');
  });

  it('names the lazily loaded part of the bundle apart from what every start loads', () => {
    const r = results();
    r.cold!.lazyBytes = 1.5 * MiB;
    expect(resultRows(r)[10][1]).toBe('20 MiB (+1.5 MiB in dist/lazy/, loaded on first use) / 160 ms (150 ms..170 ms, n=3)');
  });

  it.each([
    { name: 'a slow red verdict', change: (r: BenchResults) => (r.red!.gate = [5000]), row: 0, want: '<= 2 s and >= 20x: NOT met' },
    { name: 'a green verdict lagging', change: (r: BenchResults) => (r.green!.gate = [1500]), row: 1, want: '<= 1 s: NOT met' },
    { name: 'too much memory', change: (r: BenchResults) => (r.scale[1].gateRss = [250 * MiB]), row: 8, want: '< 200 MB: NOT met' },
    { name: 'a slow start', change: (r: BenchResults) => (r.cold!.firstRequestMs = [900]), row: 9, want: '< 300 ms: NOT met' },
  ])('marks a missed goal: $name', ({ change, row, want }) => {
    const r = results();
    change(r);
    expect(resultRows(r)[row][4]).toBe(want);
  });
});
