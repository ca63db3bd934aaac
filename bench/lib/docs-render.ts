// The generated part of docs/benchmarks.md: when and where the numbers were taken, how to get them again, the table
// and the plot.
import type { BenchResults } from './results.js';
import { ROW_HEADERS, resultRows } from './rows.js';
import { renderTable } from './markdown.js';

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  memory: string;
  kernel: string;
  node: string;
  kubernetes: string;
  kubectl: string;
}

export interface DocsContext {
  date: string;
  command: string;
  plotFile: string;
  machine: MachineInfo;
  repetitions: string;
}

export function renderResultsSection(results: BenchResults, ctx: DocsContext): string {
  const m = ctx.machine;
  const lines = [
    `### Results of ${ctx.date}`,
    '',
    `Reproduce with \`${ctx.command}\` (the test cluster must be up: \`npm run cluster:up\`). Repetitions: ${ctx.repetitions}.`,
    `The gate ran as: ${results.gateRunner}.`,
    '',
    renderTable(
      ['machine', ''],
      [
        ['CPU', `${m.cpuModel} (${m.cpus} cores available, shared with other work)`],
        ['memory', m.memory],
        ['kernel', m.kernel],
        ['Node.js', m.node],
        ['Kubernetes (test cluster)', m.kubernetes],
        ['kubectl (baseline)', m.kubectl],
      ],
    ),
    '',
    'Each cell is the median, then (min..max, n=runs). Ratios are baseline median / gate median.',
    '',
    renderTable(ROW_HEADERS, resultRows(results)),
    '',
  ];
  if (results.scale.length > 0) lines.push(`![Time to verdict vs number of Deployments](${ctx.plotFile})`, '');
  if (results.notes.length > 0) lines.push('Notes from this run:', '', ...results.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
