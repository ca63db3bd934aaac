import { describe, expect, it } from 'vitest';
import { logTicks, niceTicks } from '../../../bench/lib/axis.js';

describe('niceTicks', () => {
  it.each([
    { max: 10, want: [0, 2, 4, 6, 8, 10] },
    { max: 37, want: [0, 10, 20, 30, 40] },
    { max: 0.7, want: [0, 0.2, 0.4, 0.6, 0.8] },
    { max: 61.2, want: [0, 20, 40, 60, 80] },
    { max: 0, want: [0, 1] },
    { max: Number.NaN, want: [0, 1] },
  ])('0..$max', ({ max, want }) => {
    expect(niceTicks(max)).toEqual(want);
  });
});

describe('logTicks', () => {
  it.each([
    { min: 1, max: 100, want: [1, 10, 100] },
    { min: 1, max: 1, want: [1, 10] },
    { min: 3, max: 250, want: [1, 10, 100, 1000] },
    { min: 0, max: 10, want: [1, 10] },
  ])('$min..$max', ({ min, max, want }) => {
    expect(logTicks(min, max)).toEqual(want);
  });
});
