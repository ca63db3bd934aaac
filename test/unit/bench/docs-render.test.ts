import { describe, expect, it } from 'vitest';
import { renderResultsSection, type DocsContext } from '../../../bench/lib/docs-render.js';
import { emptyResults } from '../../../bench/lib/results.js';

const ctx: DocsContext = {
  date: '2026-11-23',
  command: 'npm run bench',
  plotFile: 'benchmarks-verdict-time.svg',
  repetitions: 'red 3, green 5',
  machine: {
    cpuModel: 'AMD EPYC',
    cpus: 2,
    memory: '23.5 GiB',
    kernel: 'Linux 6.18',
    node: 'v24.21.0',
    kubernetes: 'v1.37.2',
    kubectl: 'v1.37.2',
  },
};

describe('renderResultsSection', () => {
  it('says when, where and how, then the table', () => {
    const r = emptyResults('the bundle');
    r.green = { gate: [100], gateWindow: [150], windowMs: 10_000, kubectl: [20], gateRequests: [], kubectlRequests: [] };
    r.notes.push('something odd');
    const text = renderResultsSection(r, ctx);
    for (const part of [
      '### Results of 2026-11-23',
      '`npm run bench`',
      'The gate ran as: the bundle.',
      '| CPU ',
      'AMD EPYC (2 cores',
      'v24.21.0',
      '| time from Deployment available to green verdict ',
      '| 100 ms | kubectl rollout status: 20 ms ',
      'stability window to green verdict (default min-ready) | 150 ms',
      '- something odd',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('benchmarks-verdict-time.svg');
  });

  it('shows the plot once the wall-time row ran', () => {
    const r = emptyResults('the bundle');
    r.scale = [{ workloads: 1, replicas: 10, gate: [1], kubectl: [2], gateRequests: [], kubectlRequests: [], gateRss: [], kubectlRss: [] }];
    expect(renderResultsSection(r, ctx)).toContain('![Time to verdict vs number of Deployments](benchmarks-verdict-time.svg)');
  });
});
