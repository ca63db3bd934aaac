// Writes the results into docs/benchmarks.md (only the generated section) and the plot next to it.
import fs from 'node:fs';
import path from 'node:path';
import { replaceSection } from './lib/markdown.js';
import { renderResultsSection, type DocsContext } from './lib/docs-render.js';
import { verdictTimePlot } from './lib/plot-data.js';
import type { BenchResults } from './lib/results.js';
import { renderPlot } from './lib/svg-plot.js';

export const PLOT_FILE = 'benchmarks-verdict-time.svg';

export function writeDocs(root: string, results: BenchResults, ctx: Omit<DocsContext, 'plotFile'>): string[] {
  const docs = path.join(root, 'docs');
  fs.mkdirSync(docs, { recursive: true });
  const written: string[] = [];
  if (results.scale.length > 0) {
    fs.writeFileSync(path.join(docs, PLOT_FILE), renderPlot(verdictTimePlot(results)));
    written.push(path.join(docs, PLOT_FILE));
  }
  const file = path.join(docs, 'benchmarks.md');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  fs.writeFileSync(file, replaceSection(before, renderResultsSection(results, { ...ctx, plotFile: PLOT_FILE })));
  written.push(file);
  return written;
}
