// The first thing read at 3 a.m.: one sentence naming what failed (category in words), which workload, and what
// was done about it; then the likely cause when the diagnosis tied the failure to a field this change touched.
import { formatDuration } from '../duration.js';
import type { DeployResult, Finding, SuspectedChange, Verdict, WorkloadResult } from '../model.js';
import { workloadId } from '../k8s/kinds.js';
import { categoryPhrase } from './categories.js';
import { escapeText, inlineCode } from './escape.js';
import { longName, namedObjectOf, shortName, worstFirst } from './workload-names.js';

export const VERDICT_ICONS: Record<Verdict, string> = {
  healthy: '✅',
  failed: '❌',
  timeout: '⏱️',
  error: '⛔',
  cancelled: '🚫',
};

const MAX_LISTED = 3;

export function listNames(workloads: WorkloadResult[], max = MAX_LISTED): string {
  const names = workloads.slice(0, max).map((w) => shortName(w));
  const more = workloads.length - names.length;
  if (more > 0) names.push(`${more} more`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function primaryFinding(result: DeployResult): Finding | undefined {
  return worstFirst(result.findings)[0];
}

function findingClause(f: Finding): string {
  const details = [f.count ? escapeText(f.count) : '', f.exitCode !== null ? `exit ${f.exitCode}` : ''].filter(Boolean);
  // Naming the node is the whole point of this category: it tells the reader to look at the machine, not the code.
  const singleNode = f.node && !f.node.includes(',') ? f.node : null;
  const phrase =
    f.category === 'node-concentrated' && singleNode
      ? `fails only on node ${inlineCode(singleNode, 100)}`
      : escapeText(categoryPhrase(f.category));
  return `${phrase}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function rollbackClause(result: DeployResult, subjectId: string | null): string {
  const rb = result.rollback;
  if (!rb) return '';
  if (!rb.attempted) return '; not rolled back';
  if (rb.workloads.some((w) => !w.done)) return '; the rollback failed';
  const own = rb.workloads.find((w) => workloadId(w) === subjectId) ?? rb.workloads[0];
  if (!own) return '; rolled back';
  return own.toRevision !== null ? `; rolled back to revision ${own.toRevision}` : '; rolled back';
}

function failureSentence(result: DeployResult): string {
  const finding = primaryFinding(result);
  const stuck = result.workloads.find((w) => !w.done);
  const subjectId = finding?.workload ?? (stuck ? workloadId(stuck) : null);
  const subject = finding ? shortName(namedObjectOf(finding.workload)) : stuck ? shortName(stuck) : null;
  const stuckMessage = stuck?.message ? escapeText(stuck.message, 300) : 'did not become ready';
  const rollback = rollbackClause(result, subjectId);
  switch (result.verdict) {
    case 'timeout': {
      const head = `Deploy timed out after ${formatDuration(result.durationMs)}`;
      if (!subject) return `${head}${rollback}`;
      // A finding explains the wait better than kubectl's progress line, which the table shows anyway.
      return finding
        ? `${head}: ${subject} ${findingClause(finding)}${rollback}`
        : `${head}: ${subject} not ready: ${stuckMessage}${rollback}`;
    }
    case 'cancelled':
      return `Deploy cancelled${subject ? ` while waiting for ${subject}` : ''}${rollback}`;
    default:
      if (finding) return `Deploy failed: ${subject} ${findingClause(finding)}${rollback}`;
      return `Deploy failed${subject ? `: ${subject}: ${stuckMessage}` : ''}${rollback}`;
  }
}

function healthySentence(result: DeployResult): string {
  const changed = result.workloads.filter((w) => w.changed);
  const took = ` in ${formatDuration(result.durationMs)}`;
  if (result.workloads.length === 0) return `Deployed${took}: no workloads to wait for`;
  if (changed.length === 0) return `Deployed${took}: nothing changed, ${listNames(result.workloads)} already up to date`;
  return `Deployed${took}: ${listNames(changed)} rolled out`;
}

/** The headline as a level-2 heading, icon first. */
export function headline(result: DeployResult, title?: string): string {
  const prefix = title ? `${escapeText(title, 100)}: ` : '';
  let sentence: string;
  if (result.verdict === 'healthy') sentence = healthySentence(result);
  else if (result.verdict === 'error') sentence = `Deploy could not run: ${escapeText(result.error ?? 'unknown error', 500)}`;
  else sentence = failureSentence(result);
  return `## ${VERDICT_ICONS[result.verdict]} ${prefix}${sentence}`;
}

function describeChange(c: SuspectedChange): string {
  const field = inlineCode(c.field);
  if (c.description) return `${escapeText(c.description)} (${field})`;
  if (c.before === null && c.after !== null) return `${field} was set to ${inlineCode(c.after)} in this change`;
  if (c.after === null && c.before !== null) return `${field} was removed in this change (it was ${inlineCode(c.before)})`;
  return `${field} changed from ${inlineCode(c.before ?? '')} to ${inlineCode(c.after ?? '')} in this change`;
}

/** "**Likely cause:** ..." for the worst finding that points at a changed field, or null. */
export function likelyCause(findings: Finding[]): string | null {
  const f = worstFirst(findings).find((x) => x.suspectedChange !== null);
  if (!f?.suspectedChange) return null;
  return `**Likely cause:** ${describeChange(f.suspectedChange)} (${longName(namedObjectOf(f.workload))}).`;
}

/**
 * "**After the rollout:** ..." when the gate's stability window failed a workload kubectl called done: the reader
 * must see that kubectl's rule was met and what happened next, or the red looks like a contradiction.
 */
export function afterRollout(result: DeployResult): string | null {
  const broken = result.workloads.filter((w) => w.window && w.window.state !== 'held');
  if (broken.length === 0) return null;
  return broken.map((w) => `**After the rollout:** ${longName(w)} ${escapeText(w.window!.message, 300)}.`).join('\n');
}
