// Replicas of one template fail the same way; a person wants one block saying "3/3 pods", not three copies. Findings
// merge when workload, category, container, reason, exit code and message agree once pod names, UIDs, IPs, counts
// and quantities are blanked out. The result is ordered worst first: fatal before not fatal, then by category severity.
import type { EventSummary, Finding } from './finding.js';
import { categorySpec, severityRank } from './categories/index.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function normalizeMessage(message: string, podNames: string[]): string {
  let out = message;
  for (const name of [...podNames].sort((a, b) => b.length - a.length)) out = out.replace(new RegExp(escape(name), 'g'), '<pod>');
  return (
    out
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uid>')
      .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>')
      .replace(/\b\d+(?:\.\d+)?(?:ms|s|m|h)\b/g, '#')
      // Quantities a replica reports for itself (an evicted container's usage: 21418624Ki, 1.5Gi).
      .replace(/\b\d+(?:\.\d+)?(?:[KMGTPE]i|[kMGTPE])\b/g, '#')
      .replace(/(?<![\w.\-/:])\d+(?![\w.\-/])/g, '#')
  );
}

function keyOf(f: Finding, podNames: string[]): string {
  return [
    f.workload,
    f.category,
    f.container ?? '',
    f.reason ?? '',
    f.exitCode ?? '',
    f.pod === null ? 'workload' : 'pod',
    categorySpec(f.category).perNode ? (f.node ?? '') : '',
    normalizeMessage(f.message, podNames),
  ].join('\u0000');
}

function denominator(count: string): string {
  return /\/(\d+)/.exec(count)?.[1] ?? '?';
}

function mergeEvents(groups: EventSummary[][], podNames: string[], limit = 5): EventSummary[] {
  const byKey = new Map<string, EventSummary>();
  for (const e of groups.flat()) {
    const key = `${e.type}\u0000${e.reason}\u0000${normalizeMessage(e.message, podNames)}`;
    const seen = byKey.get(key);
    if (!seen || (e.lastSeen ?? '') > (seen.lastSeen ?? '')) byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => (a.lastSeen ?? '').localeCompare(b.lastSeen ?? '')).slice(-limit);
}

function mergeGroup(group: Finding[], podNames: string[]): Finding {
  // The replica that failed most often speaks for the group.
  const lead = [...group].sort((a, b) => (b.restarts ?? 0) - (a.restarts ?? 0) || (a.pod ?? '').localeCompare(b.pod ?? ''))[0];
  if (group.length === 1) return lead;
  const pods = new Set(group.map((f) => f.pod));
  const nodes = [...new Set(group.map((f) => f.node).filter((n): n is string => !!n))].sort();
  return {
    ...lead,
    fatal: group.every((f) => f.fatal),
    node: nodes.length ? nodes.join(', ') : null,
    restarts: group.some((f) => f.restarts !== null) ? Math.max(...group.map((f) => f.restarts ?? 0)) : null,
    events: mergeEvents(
      group.map((f) => f.events),
      podNames,
    ),
    count: `${pods.size}/${denominator(lead.count)} pods`,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(b.fatal) - Number(a.fatal) ||
    severityRank(a.category) - severityRank(b.category) ||
    a.workload.localeCompare(b.workload) ||
    (a.pod ?? '').localeCompare(b.pod ?? '')
  );
}

export function mergeFindings(findings: Finding[]): Finding[] {
  const podNames = [...new Set(findings.map((f) => f.pod).filter((p): p is string => !!p))];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = keyOf(f, podNames);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) => mergeGroup(g, podNames)).sort(compareFindings);
}
