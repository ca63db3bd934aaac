// Medians and ratios: the machines are noisy, so the bench reports the middle of several runs and compares tools
// measured in the same run, never single times.

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

/** The middle value (mean of the two middle values for an even count); NaN when there is nothing to summarize. */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

export function summarize(values: readonly number[]): Summary | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  return { n: finite.length, median: median(finite), min: Math.min(...finite), max: Math.max(...finite) };
}

/**
 * How many times longer the baseline took than ours. `floor` stops a near-zero (or negative: our verdict came before
 * the reference moment) time of ours from turning the ratio into infinity; null when either side is missing.
 */
export function ratio(baseline: number, ours: number, floor = 0): number | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(ours) || baseline <= 0) return null;
  const denominator = Math.max(ours, floor);
  if (denominator <= 0) return null;
  return baseline / denominator;
}

/** The ratio of the medians of two sets of runs. */
export function ratioOfMedians(baseline: readonly number[], ours: readonly number[], floor = 0): number | null {
  return ratio(median(baseline), median(ours), floor);
}
