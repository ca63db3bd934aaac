// How numbers look in the terminal table and in docs/benchmarks.md. One place, so both read the same.
import type { Summary } from './stats.js';

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'n/a';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 100_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 1000)} s`;
}

export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${value.toFixed(1)}x`;
}

export function formatMiB(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "1.2 s (1.1-1.4, n=3)": the median first, the spread after, so a single noisy run is visible as such. */
export function formatSummary(summary: Summary | null, unit: (v: number) => string = formatDuration): string {
  if (!summary) return 'n/a';
  if (summary.n === 1) return unit(summary.median);
  return `${unit(summary.median)} (${unit(summary.min)}..${unit(summary.max)}, n=${summary.n})`;
}

/** The last line of `npm run bench -- --quick`, in the exact shape the issue asks for. */
export function quickLine(redRatio: number | null, greenLagMs: number | null): string {
  const lag = greenLagMs === null || !Number.isFinite(greenLagMs) ? 'n/a' : String(Math.round(greenLagMs));
  return `time-to-red ratio vs kubectl: ${formatRatio(redRatio)}; green lag: ${lag} ms`;
}
