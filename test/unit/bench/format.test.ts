import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatMiB, formatRatio, formatSummary, quickLine } from '../../../bench/lib/format.js';

describe('formatDuration', () => {
  it.each([
    { ms: 0.4, want: '0 ms' },
    { ms: 412.6, want: '413 ms' },
    { ms: -250, want: '-250 ms' },
    { ms: 1000, want: '1.0 s' },
    { ms: 61_234, want: '61.2 s' },
    { ms: 123_456, want: '123 s' },
    { ms: Number.NaN, want: 'n/a' },
    { ms: null, want: 'n/a' },
  ])('$ms', ({ ms, want }) => {
    expect(formatDuration(ms)).toBe(want);
  });
});

describe('formatRatio, formatMiB, formatCount', () => {
  it.each([
    { got: formatRatio(62.34), want: '62.3x' },
    { got: formatRatio(0.96), want: '1.0x' },
    { got: formatRatio(null), want: 'n/a' },
    { got: formatMiB(5 * 1048576), want: '5.0 MiB' },
    { got: formatMiB(84.4 * 1048576), want: '84 MiB' },
    { got: formatMiB(null), want: 'n/a' },
    { got: formatCount(214), want: '214' },
    { got: formatCount(12.5), want: '12.5' },
    { got: formatCount(Number.NaN), want: 'n/a' },
  ])('$want', ({ got, want }) => {
    expect(got).toBe(want);
  });
});

describe('formatSummary', () => {
  it.each([
    { summary: null, want: 'n/a' },
    { summary: { n: 1, median: 900, min: 900, max: 900 }, want: '900 ms' },
    { summary: { n: 3, median: 1200, min: 1100, max: 1400 }, want: '1.2 s (1.1 s..1.4 s, n=3)' },
  ])('$want', ({ summary, want }) => {
    expect(formatSummary(summary)).toBe(want);
  });

  it('takes the unit of the row', () => {
    expect(formatSummary({ n: 2, median: 2 * 1048576, min: 1048576, max: 3 * 1048576 }, formatMiB)).toBe('2.0 MiB (1.0 MiB..3.0 MiB, n=2)');
  });
});

describe('quickLine: the last line of --quick', () => {
  it.each([
    { ratio: 30.04, lag: 412.4, want: 'time-to-red ratio vs kubectl: 30.0x; green lag: 412 ms' },
    { ratio: 1, lag: 0, want: 'time-to-red ratio vs kubectl: 1.0x; green lag: 0 ms' },
    { ratio: null, lag: null, want: 'time-to-red ratio vs kubectl: n/a; green lag: n/a ms' },
  ])('$want', ({ ratio, lag, want }) => {
    expect(quickLine(ratio, lag)).toBe(want);
    if (ratio !== null) expect(quickLine(ratio, lag)).toMatch(/^time-to-red ratio vs kubectl: \d+\.\dx; green lag: \d+ ms$/);
  });
});
