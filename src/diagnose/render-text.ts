// The text a person reads at 3 a.m.: one block per workload, the worst workload first and the worst finding first in
// each, every finding with its category ID (what scripts and docs refer to), scope, evidence, next step and events.
import type { EventSummary, Finding } from './finding.js';
import { compareFindings } from './merge.js';

const INDENT = '    ';

function scope(f: Finding): string {
  const parts = [f.count];
  if (f.pod && !/^1\//.test(f.count)) parts.push(`e.g. pod ${f.pod}`);
  else if (f.pod) parts.push(`pod ${f.pod}`);
  if (f.container) parts.push(`container ${f.container}`);
  if (f.node) parts.push(`node ${f.node}`);
  return parts.filter(Boolean).join(' | ');
}

function facts(f: Finding): string | null {
  const parts: string[] = [];
  if (f.reason) parts.push(f.reason);
  if (f.exitCode !== null) parts.push(`exit code ${f.exitCode}`);
  if (f.restarts) parts.push(`${f.restarts} restart${f.restarts === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : null;
}

// Whole seconds, the resolution of lastTimestamp: finer digits on some events would make the list (in the events'
// own order, see events.ts compareEvents) look out of order.
function wholeSecond(time: string): string {
  const at = Date.parse(time);
  return Number.isNaN(at) ? time : new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function eventLine(e: EventSummary): string {
  const times = e.count > 1 ? ` x${e.count}` : '';
  const when = e.lastSeen ? ` ${wholeSecond(e.lastSeen)}` : '';
  return `${e.type || 'Event'} ${e.reason}${times}${when}: ${e.message.replace(/\s+/g, ' ').trim()}`;
}

function renderFinding(f: Finding): string[] {
  const where = scope(f);
  const lines = [`  ${f.fatal ? 'FATAL' : 'WARN '} ${f.category}${where ? ` | ${where}` : ''}`];
  const known = facts(f);
  if (known) lines.push(`${INDENT}${known}`);
  lines.push(`${INDENT}${f.message}`);
  lines.push(`${INDENT}next: ${f.hint}`);
  if (f.suspectedChange) {
    const c = f.suspectedChange;
    lines.push(`${INDENT}changed: ${c.field}: ${c.before ?? '(none)'} -> ${c.after ?? '(none)'}`);
  }
  if (f.events.length) {
    lines.push(`${INDENT}events:`);
    for (const e of f.events) lines.push(`${INDENT}  ${eventLine(e)}`);
  }
  if (f.logTail.length) {
    lines.push(`${INDENT}logs (${f.container ?? 'container'}, last ${f.logTail.length} lines):`);
    for (const l of f.logTail) lines.push(`${INDENT}  | ${l}`);
  }
  return lines;
}

export function renderFindingsText(findings: Finding[]): string {
  const sorted = [...findings].sort(compareFindings);
  const order: string[] = [];
  const byWorkload = new Map<string, Finding[]>();
  for (const f of sorted) {
    if (!byWorkload.has(f.workload)) {
      byWorkload.set(f.workload, []);
      order.push(f.workload);
    }
    byWorkload.get(f.workload)!.push(f);
  }
  const blocks = order.map((workload) => {
    const list = byWorkload.get(workload)!;
    const fatal = list.filter((f) => f.fatal).length;
    const head = `${workload}: ${list.length} finding${list.length === 1 ? '' : 's'}${fatal ? `, ${fatal} fatal` : ''}`;
    return [head, ...list.flatMap(renderFinding)].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
