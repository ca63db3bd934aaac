// Tick positions for the hand-drawn plot: round numbers a reader can interpolate between.

/** About `count` evenly spaced round ticks (1, 2 or 5 times a power of ten) from 0 up to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 1e-9; v += step) ticks.push(roundTo(v, step));
  if (ticks[ticks.length - 1] < max) ticks.push(roundTo(ticks[ticks.length - 1] + step, step));
  return ticks;
}

/** The powers of ten from below `min` to above `max`, for a logarithmic axis. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > 0)) return [1, 10];
  const from = Math.floor(Math.log10(min));
  const to = Math.max(Math.ceil(Math.log10(max)), from + 1);
  return Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
}

// Floating point steps (0.1 + 0.2...) would otherwise print as 0.30000000000000004.
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(decimals));
}
