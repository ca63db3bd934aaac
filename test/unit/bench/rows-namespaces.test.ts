import { describe, expect, it } from 'vitest';
import type { RequestCounts } from '../../../bench/lib/audit.js';
import type { BusyResults, BusyRun, WideResults } from '../../../bench/lib/results.js';
import { busyRows, wideRows } from '../../../bench/lib/rows-namespaces.js';

const MiB = 1024 * 1024;
const counts = (total: number, list: number, watch: number): RequestCounts => ({ total, discovery: 0, write: 0, get: 0, list, watch });
const run = (wallMs: number, bytes: number, rss: number, total = 17): BusyRun => ({
  wallMs,
  lagMs: 50,
  requests: counts(total, 6, 5),
  bytes,
  peakRss: rss,
});

function busy(): BusyResults {
  return {
    unrelatedPods: 3000,
    storedEvents: 8862,
    eventsPerSecond: 20,
    replicas: 3,
    gate: { busy: [run(2200, 0.3 * MiB, 70 * MiB), run(2400, 0.3 * MiB, 72 * MiB)], empty: [run(2000, 0.25 * MiB, 66 * MiB)] },
    kubectl: { busy: [run(2500, 0.2 * MiB, 50 * MiB)], empty: [run(2500, 0.2 * MiB, 50 * MiB)] },
  };
}

function wide(): WideResults {
  return {
    workloads: 500,
    replicas: 4,
    namespaces: 10,
    gateLag: [120, 180],
    kubectlLag: [20_000, 24_000],
    gateWall: [60_000, 62_000],
    kubectlWall: [120_000, 130_000],
    gateRequests: [counts(1100, 41, 41), counts(1102, 41, 41)],
    kubectlRequests: [counts(2100, 0, 500), counts(2100, 0, 500)],
    gateRss: [150 * MiB, 160 * MiB],
    kubectlRss: [60 * MiB, 62 * MiB],
  };
}

describe('busyRows', () => {
  it('shows each figure busy and empty for both tools, the ratio busy/empty and the goal', () => {
    const rows = busyRows(busy());
    expect(rows.map((r) => r[0])).toEqual([
      'peak RSS, 1 x 3 into a busy namespace (3000 unrelated pods, 8862 events stored, 20 new events/s) and an empty one',
      'bytes received, 1 x 3 into a busy namespace (3000 unrelated pods, 8862 events stored, 20 new events/s) and an empty one',
      'time to verdict, 1 x 3 into a busy namespace (3000 unrelated pods, 8862 events stored, 20 new events/s) and an empty one',
      'time from available to verdict, 1 x 3 into a busy namespace (3000 unrelated pods, 8862 events stored, 20 new events/s) and an empty one',
      'API requests, 1 x 3 into a busy namespace (3000 unrelated pods, 8862 events stored, 20 new events/s) and an empty one',
    ]);
    expect(rows[0].slice(1)).toEqual([
      'busy 71 MiB (70 MiB..72 MiB, n=2); empty 66 MiB; busy/empty 1.1x',
      'kubectl apply + rollout status: busy 50 MiB; empty 50 MiB; busy/empty 1.0x',
      '1.1x (kubectl: 1.0x)',
      'busy/empty <= 1.2: met',
    ]);
    expect(rows[3][4]).toBe('-');
    expect(rows[4][4]).toBe('-');
  });

  it('marks a missed goal', () => {
    const b = busy();
    b.gate.busy = [run(2200, 27 * MiB, 171 * MiB)];
    const rows = busyRows(b);
    expect(rows[0][4]).toBe('busy/empty <= 1.2: NOT met');
    expect(rows[1][4]).toBe('busy/empty <= 1.2: NOT met');
    expect(rows[2][4]).toBe('busy/empty <= 1.2: met');
  });
});

describe('wideRows', () => {
  it('lag, wall time, requests (the wait apart) and peak RSS, with their goals', () => {
    const rows = wideRows(wide());
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['time from the last of 500 x 4 over 10 namespaces available to the verdict', '150 ms (120 ms..180 ms, n=2)', '<= 1 s: met'],
      ['wall time to gate 500 x 4 over 10 namespaces (apply + wait)', '61.0 s (60.0 s..62.0 s, n=2)', '-'],
      [
        'API requests for 500 x 4 over 10 namespaces (apiserver audit log)',
        '1101 (list+watch 82)',
        'list+watch O(namespaces + kinds): met',
      ],
      ['peak RSS for 500 x 4 over 10 namespaces', '155 MiB (150 MiB..160 MiB, n=2)', '< 200 MiB: met'],
    ]);
  });

  it('marks a list+watch count that grows with the workloads', () => {
    const w = wide();
    w.gateRequests = [counts(2000, 500, 500)];
    expect(wideRows(w)[2][4]).toBe('list+watch O(namespaces + kinds): NOT met');
  });
});
