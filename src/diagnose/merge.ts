// Replicas of one template fail the same way; a person wants one block saying "3/3 pods", not three copies. Findings
// merge when they are the same cause in the same workload: same category and container, and (when the category is
// about one machine) the same node. What else must agree is the category's `sameCause` (categories/spec.ts):
// - 'exit-code': a restart cycle (crash loop, OOM, start error, liveness kill...) goes through stages the kubelet names
//   differently: the exit (reason Error, message "restarted 1 time"), the back-off (CrashLoopBackOff, "restarted 2
//   times"), the next run (Running, judged by the crash before it). The stage is not the cause, so reason and message
//   are left out; a stage with no exit code yet (a running container whose liveness probe fails, RunContainerError
//   before any StartError) joins the one exit code its container has, and stays apart when there are several. Two
//   exit codes are two causes.
// - 'evidence': the rule's own statement of the cause (a probe's output), not a message that also says how long.
// - 'message': reason, exit code and the message once pod names, UIDs, IPs and counts are blanked out.
// The result is ordered worst first: fatal before not fatal, then by category severity.
import type { Finding } from './finding.js';
import { categorySpec, severityRank, type Category } from './categories/index.js';

/** A finding with what its draft knew of its cause. */
export interface Diagnosed {
  finding: Finding;
  /** The category whose same-cause rule applies (categories/spec.ts `sameCause`). */
  cause: Category;
  /** The draft's evidence.cause (a probe's output), for 'evidence' categories. */
  evidence?: string | null;
}

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
      // Quantities a replica reports for itself (an evicted container's usage: 21418624Ki, 1.5Gi).
      .replace(/\b\d+(?:\.\d+)?(?:[KMGTPE]i|[kMGTPE])\b/g, '#')
      .replace(/(?<![\w.\-/:])\d+(?![\w.\-/])/g, '#')
  );
}

function baseKey(f: Finding): string {
  return [
    f.workload,
    f.category,
    f.container ?? '',
    f.pod === null ? 'workload' : 'pod',
    categorySpec(f.category).perNode ? (f.node ?? '') : '',
  ].join('\u0000');
}

function detailKey(f: Finding, podNames: string[]): string {
  return [f.reason ?? '', f.exitCode ?? '', normalizeMessage(f.message, podNames)].join('\u0000');
}

/** Restart-cycle findings of one container, split by exit code; those without one join the only exit code there is. */
function byExitCode(group: Finding[]): Finding[][] {
  const codes = new Map<number, Finding[]>();
  const unknown: Finding[] = [];
  for (const f of group) {
    if (f.exitCode === null) unknown.push(f);
    else codes.set(f.exitCode, [...(codes.get(f.exitCode) ?? []), f]);
  }
  const out = [...codes.values()];
  if (unknown.length === 0) return out;
  if (out.length === 1) out[0].push(...unknown);
  else out.push(unknown);
  return out;
}

function denominator(count: string): string {
  return /\/(\d+)/.exec(count)?.[1] ?? '?';
}

function mergeGroup(group: Finding[]): Finding {
  // One replica speaks for the group, a fatal one that failed most often: its reason, message, restarts, events and
  // logs describe one pod that can be looked up; the count and the nodes describe them all.
  const lead = [...group].sort(
    (a, b) => Number(b.fatal) - Number(a.fatal) || (b.restarts ?? 0) - (a.restarts ?? 0) || (a.pod ?? '').localeCompare(b.pod ?? ''),
  )[0];
  if (group.length === 1) return lead;
  const pods = new Set(group.map((f) => f.pod));
  const nodes = [...new Set(group.map((f) => f.node).filter((n): n is string => !!n))].sort();
  return {
    ...lead,
    // One replica that proved the cause conclusive proves it for the replicas at an earlier stage of the same cycle.
    fatal: group.some((f) => f.fatal),
    node: nodes.length ? nodes.join(', ') : null,
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

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

/** Merges findings of the same cause (see the top of this file); `cause` says which category's rule applies. */
export function mergeDiagnosed(items: Diagnosed[]): Finding[] {
  const podNames = [...new Set(items.map((d) => d.finding.pod).filter((p): p is string => !!p))];
  const keyOf = (d: Diagnosed): string => {
    const base = `${d.cause}\u0000${baseKey(d.finding)}`;
    switch (categorySpec(d.cause).sameCause ?? 'message') {
      case 'exit-code':
        return `exit-code\u0000${base}`;
      case 'evidence':
        return `evidence\u0000${base}\u0000${normalizeMessage(d.evidence ?? d.finding.message, podNames)}`;
      case 'message':
        return `message\u0000${base}\u0000${detailKey(d.finding, podNames)}`;
    }
  };
  const groups = groupBy(items, keyOf).flatMap((g) => {
    const findings = g.map((d) => d.finding);
    return categorySpec(g[0].cause).sameCause === 'exit-code' ? byExitCode(findings) : [findings];
  });
  return groups.map(mergeGroup).sort(compareFindings);
}

/** Merges findings whose category is their cause (none re-labelled); see mergeDiagnosed. */
export function mergeFindings(findings: Finding[]): Finding[] {
  return mergeDiagnosed(findings.map((finding) => ({ finding, cause: finding.category })));
}
