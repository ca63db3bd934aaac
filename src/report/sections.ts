// The small pieces around the main blocks: the notices that say what was left out to fit GitHub's limits, and the
// footer that links back to the run.
import { formatDuration } from '../duration.js';
import type { ReportInput, RenderOptions } from './report-input.js';
import { FULL_LOG_LINES } from './report-input.js';
import { escapeText, inlineCode, safeUrl } from './escape.js';

export interface ShrinkFacts {
  findingsTotal: number;
  mergedAway: number;
  omitted: number;
  hadLogs: boolean;
  hadEvents: boolean;
}

export function shrinkNotices(o: RenderOptions, facts: ShrinkFacts): string[] {
  const limit = `GitHub's limit (${o.limitName})`;
  const notes: string[] = [];
  if (o.form === 'summary' && facts.hadLogs && o.maxLogLines < FULL_LOG_LINES) {
    notes.push(o.maxLogLines > 0 ? `log tails cut to ${o.maxLogLines} lines` : 'log tails left out');
  }
  if (facts.hadEvents && !o.includeEvents && o.form === 'summary') notes.push('events left out');
  if (facts.mergedAway > 0) notes.push(`${facts.mergedAway} low-severity findings merged into similar ones shown`);
  if (facts.omitted > 0) notes.push(`${facts.omitted} of ${facts.findingsTotal} findings omitted`);
  if (notes.length === 0) return [];
  const text = notes.join('; ');
  return [
    `> **Shortened:** ${text} to fit ${limit}. The \`findings\` step output and \`kube-deploy-gate deploy -o json\` have everything.`,
    '',
  ];
}

/** "[run 42](url)", or with a label of our own; null without a usable run URL. */
export function runLink(input: Pick<ReportInput, 'context'>, label?: string): string | null {
  const url = safeUrl(input.context.runUrl);
  if (!url) return null;
  const text = label ?? (input.context.runId !== undefined ? `run ${escapeText(String(input.context.runId), 40)}` : 'the run');
  return `[${text}](${url})`;
}

export function footer(input: ReportInput): string {
  const parts = ['kube-deploy-gate'];
  const { repository, sha } = input.context;
  // "repo@sha" would read as an @mention to GitHub; the short sha goes in a code span instead.
  if (repository) parts.push(escapeText(repository, 120) + (sha ? ` ${inlineCode(sha.slice(0, 7))}` : ''));
  if (input.verdictLatencyMs !== undefined) parts.push(`verdict ${formatDuration(input.verdictLatencyMs)} after the first fatal status`);
  parts.push(`${formatDuration(input.result.durationMs)} in all`);
  const link = runLink(input);
  if (link) parts.push(link);
  return `<sub>${parts.join(' · ')}</sub>`;
}
