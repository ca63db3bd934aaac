import { describe, expect, it } from 'vitest';
import { median, ratio, ratioOfMedians, summarize } from '../../../bench/lib/stats.js';

describe('median', () => {
  it.each([
    { values: [], want: Number.NaN },
    { values: [5], want: 5 },
    { values: [3, 1, 2], want: 2 },
    { values: [4, 1, 3, 2], want: 2.5 },
    { values: [10, Number.NaN, 30, 20], want: 20 },
    { values: [-5, 5], want: 0 },
  ])('$values -> $want', ({ values, want }) => {
    expect(median(values)).toEqual(want);
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it.each([
    { values: [], want: null },
    { values: [Number.NaN], want: null },
    { values: [7], want: { n: 1, median: 7, min: 7, max: 7 } },
    { values: [9, 1, 5, Number.POSITIVE_INFINITY], want: { n: 3, median: 5, min: 1, max: 9 } },
  ])('$values', ({ values, want }) => {
    expect(summarize(values)).toEqual(want);
  });
});

describe('ratio', () => {
  it.each([
    { baseline: 60_000, ours: 1_000, floor: 0, want: 60 },
    { baseline: 60_000, ours: 50, floor: 100, want: 600 },
    { baseline: 60_000, ours: -300, floor: 100, want: 600 },
    { baseline: 60_000, ours: 0, floor: 0, want: null },
    { baseline: 60_000, ours: -300, floor: 0, want: null },
    { baseline: 0, ours: 10, floor: 0, want: null },
    { baseline: Number.NaN, ours: 10, floor: 0, want: null },
    { baseline: 10, ours: Number.NaN, floor: 0, want: null },
  ])('$baseline / max($ours, $floor) -> $want', ({ baseline, ours, floor, want }) => {
    expect(ratio(baseline, ours, floor)).toEqual(want);
  });

  it('compares medians, so one slow run does not decide', () => {
    expect(ratioOfMedians([60_000, 61_000, 90_000], [1_000, 1_000, 30_000])).toBe(61);
  });
});
