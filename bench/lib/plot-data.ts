// The plot docs/benchmarks.md shows: verdict (wall) time against the number of Deployments, gate vs the kubectl
// sequence, from the wall-time row.
import type { BenchResults } from './results.js';
import { median } from './stats.js';
import type { PlotSpec } from './svg-plot.js';

export function verdictTimePlot(results: BenchResults): PlotSpec {
  const line = (pick: (s: BenchResults['scale'][number]) => number[]) =>
    results.scale
      .filter((s) => pick(s).length > 0)
      .map((s) => {
        const seconds = pick(s).map((ms) => ms / 1000);
        return { x: s.workloads, y: median(seconds), low: Math.min(...seconds), high: Math.max(...seconds) };
      });
  const replicas = results.scale[0]?.replicas ?? 10;
  return {
    title: `Time to verdict vs number of Deployments (${replicas} pods each)`,
    xLabel: 'Deployments (log scale)',
    yLabel: 'seconds from start to verdict',
    series: [
      { name: 'kube-deploy-gate (one deadline, shared watches)', color: '#1f77b4', points: line((s) => s.gate) },
      { name: 'kubectl apply + rollout status per Deployment in turn', color: '#d62728', points: line((s) => s.kubectl) },
    ],
  };
}
