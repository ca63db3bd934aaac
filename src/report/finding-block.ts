// One block per finding: category id, workload, container, count in the heading; then the message, the fix,
// the facts (pod, nodes, reason, exit code, restarts) and, collapsed, the log tail and the events.
import type { Finding } from '../model.js';
import { escapeHtml, escapeText, fencedBlock, inlineCode } from './escape.js';
import { eventsDetails } from './events-table.js';
import type { RenderOptions } from './report-input.js';
import { longName, namedObjectOf } from './workload-names.js';

export interface BlockOptions extends Pick<RenderOptions, 'maxLogLines' | 'includeEvents'> {
  includeLogs: boolean;
  now?: Date;
}

function heading(f: Finding): string {
  const parts = [inlineCode(f.category, 80), longName(namedObjectOf(f.workload))];
  if (f.container) parts.push(`container ${inlineCode(f.container, 100)}`);
  if (f.count) parts.push(escapeText(f.count, 60));
  return `### ${f.fatal ? '' : '⚠️ '}${parts.join(' · ')}`;
}

function facts(f: Finding): string | null {
  const items: string[] = [];
  if (f.pod) items.push(`pod ${inlineCode(f.pod, 100)}`);
  if (f.node) {
    const nodes = f.node.split(/,\s*/).filter(Boolean);
    items.push(`${nodes.length > 1 ? 'nodes' : 'node'} ${nodes.map((n) => inlineCode(n, 100)).join(', ')}`);
  }
  if (f.reason) items.push(`reason ${inlineCode(f.reason, 100)}`);
  if (f.exitCode !== null) items.push(`exit code ${f.exitCode}`);
  if (f.restarts !== null) items.push(`${f.restarts} restart${f.restarts === 1 ? '' : 's'}`);
  return items.length ? items.join(' · ') : null;
}

function logDetails(f: Finding, maxLines: number): string[] {
  if (f.logTail.length === 0 || maxLines <= 0) return [];
  const lines = f.logTail.slice(-maxLines);
  const count = lines.length < f.logTail.length ? `${lines.length} of ${f.logTail.length}` : `${lines.length}`;
  const of = f.container ? ` of <code>${escapeHtml(f.container, 100)}</code>` : '';
  const on = f.pod ? ` on ${escapeHtml(f.pod, 100)}` : '';
  return [`<details><summary>Last ${count} log lines${of}${on}</summary>`, '', fencedBlock(lines), '', '</details>'];
}

export function findingBlock(f: Finding, o: BlockOptions): string[] {
  const out = [heading(f), ''];
  if (f.message) out.push(escapeText(f.message), '');
  if (f.hint) out.push(`**Fix:** ${escapeText(f.hint)}`, '');
  const factLine = facts(f);
  if (factLine) out.push(factLine, '');
  if (o.includeLogs) {
    const logs = logDetails(f, o.maxLogLines);
    if (logs.length) out.push(...logs, '');
  }
  if (o.includeEvents) {
    const events = eventsDetails(f.events, o.now, f.pod);
    if (events.length) out.push(...events, '');
  }
  return out;
}
