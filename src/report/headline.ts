// The first thing read at 3 a.m.: one sentence naming what failed (category in words), which workload, and what
// was done about it; then the likely cause when the diagnosis tied the failure to a field this change touched.
import { formatDuration } from '../duration.js';
import type { DeployResult, Finding, SuspectedChange, Verdict, WorkloadResult } from '../model.js';
import { workloadId } from '../k8s/kinds.js';
import { categoryPhrase } from './categories.js';
import { escapeText, inlineCode } from './escape.js';
import { MARKDOWN, PLAIN, type TextStyle } from './text-style.js';
import { longName, namedObjectOf, worstFirst } from './workload-names.js';

export const VERDICT_ICONS: Record<Verdict, string> = {
  healthy: '✅',
  failed: '❌',
  timeout: '⏱️',
  error: '⛔',
  cancelled: '🚫',
};

const MAX_LISTED = 3;

export interface HeadlineOptions {
  /** Shown before the sentence, e.g. the environment ("production"). */
  title?: string;
  /** The run's timeout: a timed-out deploy says it, not the run's duration (which includes the rollback). */
  timeoutMs?: number;
}

export function listNames(workloads: WorkloadResult[], max = MAX_LISTED, style: TextStyle = MARKDOWN): string {
  const names = workloads.slice(0, max).map((w) => style.name(w));
  const more = workloads.length - names.length;
  if (more > 0) names.push(`${more} more`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function primaryFinding(result: DeployResult): Finding | undefined {
  return worstFirst(result.findings)[0];
}

function details(f: Finding, style: TextStyle): string {
  const parts = [f.count ? style.text(f.count) : '', f.exitCode !== null ? `exit ${f.exitCode}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The worst per-pod cause reported beside a node-concentrated finding, on that node. */
function causeOnNode(f: Finding, node: string, all: Finding[]): Finding | undefined {
  return worstFirst(
    all.filter((o) => o.workload === f.workload && o.category !== 'node-concentrated' && (o.node ?? '').split(', ').includes(node)),
  )[0];
}

function findingClause(f: Finding, all: Finding[], style: TextStyle): string {
  // Naming the node is the whole point of this category: it tells the reader to look at the machine, not the code;
  // the cause beside it says what breaks there.
  const singleNode = f.node && !f.node.includes(',') ? f.node : null;
  if (f.category === 'node-concentrated' && singleNode) {
    const cause = causeOnNode(f, singleNode, all);
    const where = cause
      ? `, where it ${style.text(categoryPhrase(cause.category))}${cause.exitCode !== null ? ` (exit ${cause.exitCode})` : ''}`
      : '';
    return `fails only on node ${style.code(singleNode, 100)}${details(f, style)}${where}`;
  }
  return `${style.text(categoryPhrase(f.category))}${details(f, style)}`;
}

function rollbackClause(result: DeployResult, subjectId: string | null): string {
  const rb = result.rollback;
  if (!rb) return '';
  if (!rb.attempted) return '; not rolled back';
  if (rb.workloads.some((w) => w.attempted && !w.done)) return '; the rollback failed';
  const own = rb.workloads.find((w) => workloadId(w) === subjectId && w.attempted) ?? rb.workloads.find((w) => w.attempted);
  if (!own) return '; rolled back';
  return own.toRevision !== null ? `; rolled back to revision ${own.toRevision}` : '; rolled back';
}

function failureSentence(result: DeployResult, style: TextStyle, o: HeadlineOptions): string {
  const finding = primaryFinding(result);
  const stuck = result.workloads.find((w) => !w.done);
  const subjectId = finding?.workload ?? (stuck ? workloadId(stuck) : null);
  const subject = finding ? style.name(namedObjectOf(finding.workload)) : stuck ? style.name(stuck) : null;
  const stuckMessage = stuck?.message ? style.text(stuck.message, 300) : 'did not become ready';
  const rollback = rollbackClause(result, subjectId);
  switch (result.verdict) {
    case 'timeout': {
      const head = `Deploy timed out after ${formatDuration(o.timeoutMs ?? result.durationMs)}`;
      if (!subject) return `${head}${rollback}`;
      // A finding explains the wait better than kubectl's progress line, which the table shows anyway.
      return finding
        ? `${head}: ${subject} ${findingClause(finding, result.findings, style)}${rollback}`
        : `${head}: ${subject} not ready: ${stuckMessage}${rollback}`;
    }
    case 'cancelled':
      return `Deploy cancelled${subject ? ` while waiting for ${subject}` : ''}${rollback}`;
    default:
      if (finding) return `Deploy failed: ${subject} ${findingClause(finding, result.findings, style)}${rollback}`;
      return `Deploy failed${subject ? `: ${subject}: ${stuckMessage}` : ''}${rollback}`;
  }
}

/** The workloads name a deploy; the other waited objects only when there is no workload (a run of custom resources). */
export function headlineSubjects(result: DeployResult): { subjects: WorkloadResult[]; objectsOnly: boolean } {
  const workloads = result.workloads.filter((w) => w.apiVersion === undefined);
  return workloads.length > 0 || result.workloads.length === 0
    ? { subjects: workloads, objectsOnly: false }
    : { subjects: result.workloads, objectsOnly: true };
}

function healthySentence(result: DeployResult, style: TextStyle): string {
  const { subjects, objectsOnly } = headlineSubjects(result);
  const changed = subjects.filter((w) => w.changed);
  const took = ` in ${formatDuration(result.durationMs)}`;
  if (subjects.length === 0) return `Deployed${took}: no workloads to wait for`;
  if (changed.length === 0) return `Deployed${took}: nothing changed, ${listNames(subjects, MAX_LISTED, style)} already up to date`;
  return `Deployed${took}: ${listNames(changed, MAX_LISTED, style)} ${objectsOnly ? 'ready' : 'rolled out'}`;
}

/** The headline's sentence in one style, with the title before it and no icon. */
export function headlineSentence(result: DeployResult, style: TextStyle, o: HeadlineOptions = {}): string {
  const prefix = o.title ? `${style.text(o.title, 100)}: ` : '';
  if (result.verdict === 'healthy') return prefix + healthySentence(result, style);
  if (result.verdict === 'error') return `${prefix}Deploy could not run: ${style.text(result.error ?? 'unknown error', 500)}`;
  return prefix + failureSentence(result, style, o);
}

/** The headline as a level-2 markdown heading, icon first (the summary and the comment). */
export function headline(result: DeployResult, o: HeadlineOptions = {}): string {
  return `## ${VERDICT_ICONS[result.verdict]} ${headlineSentence(result, MARKDOWN, o)}`;
}

/** The same sentence as plain text, for places GitHub shows as is: annotations and the step's failure message. */
export function plainHeadline(result: DeployResult, o: HeadlineOptions = {}): string {
  return headlineSentence(result, PLAIN, o);
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
