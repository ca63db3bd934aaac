// The table rows of the two rows about what else lives in the namespaces: 'busy namespace' (the ratio busy/empty of
// each figure is what counts) and 'wide' (500 x 4 over 10 namespaces).
import type { RequestCounts } from './audit.js';
import { formatCount, formatDuration, formatMiB, formatRatio, formatSummary } from './format.js';
import type { BusyResults, BusyRun, WideResults } from './results.js';
import { median, ratioOfMedians, summarize } from './stats.js';

/** The goal of the busy row: each figure at most this much above the empty namespace's. */
export const BUSY_GOAL = 1.2;

type Figure = (run: BusyRun) => number;

/** The figures the goal names; the lag (the gate's own part of the time) and the requests are shown beside them. */
const GOALS = new Set(['peak RSS', 'bytes received', 'time to verdict']);

const FIGURES: { name: string; of: Figure; unit: (v: number) => string }[] = [
  { name: 'peak RSS', of: (r) => r.peakRss ?? Number.NaN, unit: formatMiB },
  { name: 'bytes received', of: (r) => r.bytes, unit: formatMiB },
  { name: 'time to verdict', of: (r) => r.wallMs, unit: formatDuration },
  { name: 'time from available to verdict', of: (r) => r.lagMs, unit: formatDuration },
  { name: 'API requests', of: (r) => r.requests.total, unit: formatCount },
];

/** Busy median / empty median of one figure, for one tool. */
export function busyRatio(side: { busy: BusyRun[]; empty: BusyRun[] }, of: Figure): number | null {
  return ratioOfMedians(side.busy.map(of), side.empty.map(of));
}

function sideCell(side: { busy: BusyRun[]; empty: BusyRun[] }, of: Figure, unit: (v: number) => string): string {
  const busy = formatSummary(summarize(side.busy.map(of)), unit);
  const empty = formatSummary(summarize(side.empty.map(of)), unit);
  return `busy ${busy}; empty ${empty}; busy/empty ${formatRatio(busyRatio(side, of))}`;
}

export function busyRows(b: BusyResults): string[][] {
  const what = `${formatCount(b.unrelatedPods)} unrelated pods, ${formatCount(b.storedEvents)} events stored, ${b.eventsPerSecond} new events/s`;
  return FIGURES.map(({ name, of, unit }) => {
    const ratio = busyRatio(b.gate, of);
    const goal = !GOALS.has(name) ? '-' : `busy/empty <= ${BUSY_GOAL}: ${ratio !== null && ratio <= BUSY_GOAL ? 'met' : 'NOT met'}`;
    return [
      `${name}, 1 x ${b.replicas} into a busy namespace (${what}) and an empty one`,
      sideCell(b.gate, of, unit),
      `kubectl apply + rollout status: ${sideCell(b.kubectl, of, unit)}`,
      `${formatRatio(ratio)} (kubectl: ${formatRatio(busyRatio(b.kubectl, of))})`,
      goal,
    ];
  });
}

export function wideRows(w: WideResults): string[][] {
  const size = `${w.workloads} x ${w.replicas} over ${w.namespaces} namespaces`;
  const lag = median(w.gateLag);
  const peak = w.gateRss.length ? Math.max(...w.gateRss) : Number.NaN;
  const listWatch = w.gateRequests.length ? Math.max(...w.gateRequests.map((c) => c.list + c.watch)) : Number.NaN;
  return [
    [
      `time from the last of ${size} available to the verdict`,
      formatSummary(summarize(w.gateLag)),
      `kubectl rollout status per Deployment in turn: ${formatSummary(summarize(w.kubectlLag))}`,
      formatRatio(ratioOfMedians(w.kubectlLag, w.gateLag)),
      `<= 1 s: ${lag <= 1000 ? 'met' : 'NOT met'}`,
    ],
    [
      `wall time to gate ${size} (apply + wait)`,
      formatSummary(summarize(w.gateWall)),
      `kubectl apply + rollout status per Deployment in turn: ${formatSummary(summarize(w.kubectlWall))}`,
      formatRatio(ratioOfMedians(w.kubectlWall, w.gateWall)),
      '-',
    ],
    [
      `API requests for ${size} (apiserver audit log)`,
      requestsCell(w.gateRequests),
      `kubectl: ${requestsCell(w.kubectlRequests)}`,
      formatRatio(
        ratioOfMedians(
          w.kubectlRequests.map((c) => c.total),
          w.gateRequests.map((c) => c.total),
        ),
      ),
      // The apply sends one request per object whatever the tool; the wait is what may not grow with the workloads:
      // per namespace a list and a watch of the Deployments, pods, ReplicaSets and events, the events' one-item count
      // and the apply's HorizontalPodAutoscaler list (10), and the nodes' list and watch once.
      `list+watch O(namespaces + kinds): ${listWatch <= 10 * w.namespaces + 2 ? 'met' : 'NOT met'}`,
    ],
    [
      `peak RSS for ${size}`,
      formatSummary(summarize(w.gateRss), formatMiB),
      `kubectl (largest process of the sequence): ${formatSummary(summarize(w.kubectlRss), formatMiB)}`,
      formatRatio(ratioOfMedians(w.kubectlRss, w.gateRss)),
      `< 200 MiB: ${peak < 200 * 1024 * 1024 ? 'met' : 'NOT met'}`,
    ],
  ];
}

/** "1034 (list+watch 42)": the total, and the part that is the wait itself. */
export function requestsCell(counts: RequestCounts[]): string {
  if (counts.length === 0) return 'n/a';
  const total = median(counts.map((c) => c.total));
  const wait = median(counts.map((c) => c.list + c.watch));
  return `${formatCount(total)} (list+watch ${formatCount(wait)})`;
}
