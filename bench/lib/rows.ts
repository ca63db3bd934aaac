// The table, filled from one run: gate and baseline side by side, medians with their spread, the ratio,
// and whether the goal was met. Also the last line of --quick.
import { formatMiB, formatRatio, formatSummary, quickLine } from './format.js';
import type { BenchResults, ColdStartResults } from './results.js';
import { median, ratioOfMedians, summarize } from './stats.js';
import { busyRows, requestsCell, wideRows } from './rows-namespaces.js';

export const ROW_HEADERS = ['row', 'gate', 'baseline (same run)', 'ratio', 'goal'];

/** Our red verdict can come before the reference moment; count it as at least this long so the ratio stays finite. */
export const RED_FLOOR_MS = 100;

export function redRatio(results: BenchResults): number | null {
  return results.red ? ratioOfMedians(results.red.kubectl, results.red.gate, RED_FLOOR_MS) : null;
}

export function greenLag(results: BenchResults): number | null {
  const lag = results.green ? median(results.green.gate) : Number.NaN;
  return Number.isFinite(lag) ? lag : null;
}

export function quickSummaryLine(results: BenchResults): string {
  return quickLine(redRatio(results), greenLag(results));
}

export function resultRows(results: BenchResults): string[][] {
  const rows: string[][] = [];
  const { red, green, cold } = results;
  if (red) {
    const gate = median(red.gate);
    const r = redRatio(results);
    rows.push([
      `time to red after first ${red.reference} (progressDeadlineSeconds ${red.progressDeadlineSeconds})`,
      formatSummary(summarize(red.gate)),
      `kubectl rollout status: ${formatSummary(summarize(red.kubectl))}; Azure/k8s-deploy model: ${formatSummary(summarize(red.k8sDeploy))}`,
      `${formatRatio(r)} (k8s-deploy: ${formatRatio(ratioOfMedians(red.k8sDeploy, red.gate, RED_FLOOR_MS))})`,
      goal('<= 2 s and >= 20x', gate <= 2000 && (r ?? 0) >= 20),
    ]);
  }
  if (green) {
    const lag = median(green.gate);
    rows.push([
      'time from Deployment available to green verdict',
      formatSummary(summarize(green.gate)),
      `kubectl rollout status: ${formatSummary(summarize(green.kubectl))}`,
      formatRatio(ratioOfMedians(green.kubectl, green.gate)),
      goal('<= 1 s', lag <= 1000),
    ]);
    rows.push([
      `time from Deployment available + the ${green.windowMs / 1000} s stability window to green verdict (default min-ready)`,
      formatSummary(summarize(green.gateWindow)),
      'kubectl rollout status has no window',
      '-',
      goal('<= 1 s', median(green.gateWindow) <= 1000),
    ]);
  }
  if (results.late) {
    const late = results.late;
    const greens = late.kubectlVerdicts.filter((v) => v === 'healthy').length;
    rows.push([
      `time to red of a release that crashes ${late.crashAfter} after it starts (no readiness probe), from its first exit`,
      formatSummary(summarize(late.gate)),
      `kubectl rollout status: never red, it reported success in ${greens} of ${late.kubectlVerdicts.length} runs`,
      '-',
      goal('red every run', late.gate.length > 0 && late.gate.every((t) => Number.isFinite(t))),
    ]);
  }
  for (const s of results.scale) {
    rows.push([
      `wall time to gate ${s.workloads} x ${s.replicas} (apply + wait)`,
      formatSummary(summarize(s.gate)),
      `kubectl apply + rollout status per Deployment in turn: ${formatSummary(summarize(s.kubectl))}`,
      formatRatio(ratioOfMedians(s.kubectl, s.gate)),
      '-',
    ]);
  }
  for (const s of results.scale) {
    rows.push([
      `API requests for ${s.workloads} x ${s.replicas} (apiserver audit log)`,
      requestsCell(s.gateRequests),
      `kubectl: ${requestsCell(s.kubectlRequests)}`,
      formatRatio(
        ratioOfMedians(
          s.kubectlRequests.map((c) => c.total),
          s.gateRequests.map((c) => c.total),
        ),
      ),
      'O(workloads)',
    ]);
  }
  const largest = results.scale.reduce<BenchResults['scale'][number] | null>((a, s) => (!a || s.workloads > a.workloads ? s : a), null);
  if (largest) {
    const peak = Math.max(...largest.gateRss);
    rows.push([
      `peak RSS for ${largest.workloads} x ${largest.replicas}`,
      formatSummary(summarize(largest.gateRss), formatMiB),
      `kubectl (largest process of the sequence): ${formatSummary(summarize(largest.kubectlRss), formatMiB)}`,
      formatRatio(ratioOfMedians(largest.kubectlRss, largest.gateRss)),
      goal('< 200 MB', largest.gateRss.length > 0 && peak < 200 * 1000 * 1000),
    ]);
  }
  if (cold) {
    rows.push([
      `cold start: ${cold.subject} to first API request`,
      formatSummary(summarize(cold.firstRequestMs)),
      '-',
      '-',
      goal('< 300 ms', median(cold.firstRequestMs) < 300),
    ]);
    rows.push([
      'bundle size / import time',
      `${bundleCell(cold)} / ${formatSummary(summarize(cold.importMs))}`,
      '-',
      '-',
      '(part of the cold start)',
    ]);
  }
  if (results.busy) rows.push(...busyRows(results.busy));
  if (results.wide) rows.push(...wideRows(results.wide));
  return rows;
}

/** "0.3 MiB (+1.0 MiB in dist/lazy/, loaded on first use)" */
function bundleCell(cold: ColdStartResults): string {
  if (cold.bundleBytes === null) return 'n/a';
  const lazy = cold.lazyBytes ? ` (+${formatMiB(cold.lazyBytes)} in dist/lazy/, loaded on first use)` : '';
  return `${formatMiB(cold.bundleBytes)}${lazy}`;
}

function goal(text: string, met: boolean): string {
  return `${text}: ${met ? 'met' : 'NOT met'}`;
}
