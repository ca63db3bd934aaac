// The one renderer: DeployResult -> GitHub-flavoured markdown, as the job summary (everything, logs and events
// collapsed) or as the sticky PR comment (the same report without logs and events, linking to the summary).
import { formatDuration } from '../duration.js';
import { escapeText } from './escape.js';
import { findingBlock } from './finding-block.js';
import { afterRollout, headline, headlineSubjects, likelyCause, listNames, VERDICT_ICONS } from './headline.js';
import { reportMarker } from './marker.js';
import { FULL_LOG_LINES, type ReportInput, type RenderOptions } from './report-input.js';
import { rollbackSection } from './rollback-section.js';
import { ownershipSection } from './ownership-section.js';
import { footer, runLink, shrinkNotices } from './sections.js';
import { COMMENT_LIMIT_CHARS, fitToLimit, groupNonFatal, mergeGroup, SUMMARY_BUDGET_BYTES, utf16Chars, utf8Bytes } from './shrink.js';
import { worstFirst } from './workload-names.js';
import { workloadsTable } from './workloads-table.js';

export type { ReportContext, ReportInput, RenderOptions } from './report-input.js';
export { COMMENT_LIMIT_CHARS, SUMMARY_LIMIT_BYTES } from './shrink.js';

/** One rendering pass with explicit options; renderSummary and renderComment pick the options that fit. */
export function renderReport(input: ReportInput, o: RenderOptions): string {
  const { result } = input;
  const out: string[] = [];
  if (o.form === 'comment') out.push(reportMarker(input.context.reportId));
  out.push(headline(result, { title: input.context.title, timeoutMs: input.timeoutMs }), '');
  const after = afterRollout(result);
  if (after) out.push(after, '');
  const cause = likelyCause(result.findings);
  if (cause) out.push(cause, '');
  const rows = workloadsTable(result, input.timings);
  if (rows.length) out.push(...rows, '');

  const sorted = worstFirst(result.findings);
  const groups = o.mergeNonFatal ? groupNonFatal(sorted) : sorted.map((f) => [f]);
  const kept = groups.slice(0, Math.max(0, groups.length - o.omitFindings));
  const includeLogs = o.form === 'summary';
  for (const group of kept) {
    out.push(
      ...findingBlock(mergeGroup(group), {
        maxLogLines: o.maxLogLines,
        includeEvents: o.includeEvents && o.form === 'summary',
        includeLogs,
        now: input.now,
      }),
    );
  }
  const keptFindings = kept.reduce((n, g) => n + g.length, 0);
  out.push(
    ...shrinkNotices(o, {
      findingsTotal: sorted.length,
      mergedAway: keptFindings - kept.length,
      omitted: sorted.length - keptFindings,
      hadLogs: sorted.some((f) => f.logTail.length > 0),
      hadEvents: sorted.some((f) => f.events.length > 0),
    }),
  );
  if (o.form === 'comment' && sorted.length > 0) {
    out.push(`Log tails and events are in the ${runLink(input, 'run summary') ?? "run's summary"}.`, '');
  }
  out.push(...ownershipSection(result));
  out.push(...rollbackSection(result));
  out.push(footer(input), '');
  return out.join('\n');
}

function startOptions(form: RenderOptions['form'], limitName: string): RenderOptions {
  return { form, maxLogLines: FULL_LOG_LINES, includeEvents: true, mergeNonFatal: false, omitFindings: 0, limitName };
}

/** The job summary: at most 1 MiB (with headroom), shrunk gracefully when the findings are many or large. */
export function renderSummary(input: ReportInput): string {
  return fitToLimit(
    (o) => renderReport(input, o),
    startOptions('summary', '1 MiB per job summary'),
    input.result.findings.length,
    SUMMARY_BUDGET_BYTES,
    utf8Bytes,
  );
}

function greenLine(input: ReportInput): string {
  const { result, context } = input;
  const { subjects } = headlineSubjects(result);
  const changed = subjects.filter((w) => w.changed);
  const shown = changed.length ? changed : subjects;
  const revisions = shown.length === 1 && shown[0].revisionAfter !== null ? ` (revision ${shown[0].revisionAfter})` : '';
  const what = shown.length ? `${listNames(shown, 5)}${revisions}` : 'with no workloads to wait for';
  const title = context.title ? `${escapeText(context.title, 100)}: ` : '';
  const warnings = result.findings.length ? ` · ⚠️ ${result.findings.length} warning${result.findings.length === 1 ? '' : 's'}` : '';
  const taken = result.takeovers?.length ?? 0;
  const takeovers = taken ? ` · took over ${taken} field${taken === 1 ? '' : 's'} set outside this pipeline (see the run summary)` : '';
  const link = runLink(input);
  return `${VERDICT_ICONS.healthy} ${title}deployed ${what} in ${formatDuration(result.durationMs)}${warnings}${takeovers}${link ? ` · ${link}` : ''}`;
}

/**
 * The sticky PR comment, marker first. A green run is one line, so the comment stops shouting once fixed; a red
 * one is the report without logs and events, at most 65,536 characters.
 */
export function renderComment(input: ReportInput): string {
  if (input.result.verdict === 'healthy') return `${reportMarker(input.context.reportId)}\n${greenLine(input)}\n`;
  return fitToLimit(
    (o) => renderReport(input, o),
    startOptions('comment', '65,536 characters per comment'),
    input.result.findings.length,
    COMMENT_LIMIT_CHARS,
    utf16Chars,
  );
}
