// The plan as GitHub markdown: the job summary and the sticky PR comment (its own marker, so it never overwrites the
// deploy's comment). The headline says whether the change will roll out; then the predicted failures in the deploy's
// finding blocks, the objects and their changed fields as a diff, the risks and the notes. Everything from the
// manifests or the cluster goes through the report's escaping; Secret values never reach this far.
import { formatDuration } from '../duration.js';
import { escapeHtml, escapeText, fencedBlock, inlineCode, table } from '../report/escape.js';
import { findingBlock } from '../report/finding-block.js';
import { likelyCause } from '../report/headline.js';
import { categoryPhrase } from '../report/categories.js';
import { reportMarker } from '../report/marker.js';
import type { ReportContext } from '../report/report-input.js';
import { runLink } from '../report/sections.js';
import { COMMENT_LIMIT_CHARS, SUMMARY_BUDGET_BYTES, utf16Chars, utf8Bytes } from '../report/shrink.js';
import { longName, namedObjectOf, shortName, worstFirst } from '../report/workload-names.js';
import type { FieldChange, ObjectPlan, PlanResult } from './types.js';

export interface PlanReportInput {
  plan: PlanResult;
  context: ReportContext;
}

interface Options {
  comment: boolean;
  /** Diff lines shown per object; 0 leaves the diffs out. */
  maxDiffLines: number;
}

/** The plan's sticky comment is its own: "plan:" before the id the deploy of the same workflow would use. */
export function planReportId(reportId: string): string {
  return `plan:${reportId}`;
}

const ACTION_TEXT: Record<ObjectPlan['action'], string> = {
  create: '➕ create',
  change: '✏️ change',
  unchanged: 'unchanged',
  refused: '⛔ refused',
};

function counts(plan: PlanResult): string {
  const s = plan.summary;
  const parts = [`**${s.create}** to create`, `**${s.change}** to change`, `**${s.unchanged}** unchanged`];
  if (s.refused) parts.push(`**${s.refused}** refused`);
  return parts.join(' · ');
}

export function planHeadline(plan: PlanResult, title?: string): string {
  const prefix = title ? `${escapeText(title, 100)}: ` : '';
  if (plan.verdict === 'error') return `## ⛔ ${prefix}Plan could not run: ${escapeText(plan.error ?? 'unknown error', 500)}`;
  const [worst] = worstFirst(plan.findings);
  if (!worst) return `## ✅ ${prefix}Plan: nothing predicted to fail`;
  const more = plan.findings.length - 1;
  const subject = shortName(namedObjectOf(worst.workload));
  const rest = more > 0 ? ` (and ${more} more predicted failure${more === 1 ? '' : 's'})` : '';
  return `## ❌ ${prefix}Plan: this change will not roll out: ${subject} ${escapeText(categoryPhrase(worst.category))}${rest}`;
}

function changeSummary(o: ObjectPlan): string {
  if (o.action === 'refused') return escapeText(o.note ?? 'refused by the API server', 300);
  if (o.kind === 'Secret' && o.changes.length) return `keys: ${o.changes.map((c) => keyChange(c)).join(', ')}`;
  if (o.action === 'change') return `${o.changes.length} field${o.changes.length === 1 ? '' : 's'}`;
  return o.note ? escapeText(o.note, 200) : '';
}

function keyChange(c: FieldChange): string {
  const key = inlineCode(c.path.replace(/^data\[(.*)\]$/, '$1'), 100);
  return c.before === null ? `${key} added` : c.after === null ? `${key} removed` : `${key} changed`;
}

function objectsTable(plan: PlanResult): string[] {
  const shown = plan.objects.filter((o) => o.action !== 'unchanged');
  const unchanged = plan.objects.filter((o) => o.action === 'unchanged');
  const out: string[] = [];
  if (shown.length)
    out.push(
      ...table(
        ['object', 'action', 'what'],
        shown.map((o) => [longName(o), ACTION_TEXT[o.action], changeSummary(o)]),
      ),
      '',
    );
  if (unchanged.length) out.push(`Unchanged: ${unchanged.map((o) => longName(o)).join(', ')}`, '');
  return out;
}

function diffLines(o: ObjectPlan): string[] {
  return o.changes.flatMap((c) => [
    ...(c.before !== null ? [`- ${c.path}: ${c.before}`] : []),
    ...(c.after !== null ? [`+ ${c.path}: ${c.after}`] : []),
  ]);
}

function diffs(plan: PlanResult, o: Options): string[] {
  if (o.maxDiffLines <= 0) return [];
  const changed = plan.objects.filter((x) => x.action === 'change' && x.changes.length);
  const total = changed.reduce((n, x) => n + diffLines(x).length, 0);
  return changed.flatMap((x) => {
    const lines = diffLines(x);
    const kept = lines.slice(0, o.maxDiffLines);
    if (kept.length < lines.length) kept.push(`# ${lines.length - kept.length} more lines: kube-deploy-gate plan -o json has them all`);
    const block = fencedBlock(kept);
    const fence = block.slice(0, block.indexOf('\n'));
    const open = total <= 40 ? ' open' : '';
    const label = `${x.kind} ${x.namespace ? `${x.namespace}/` : ''}${x.name}: ${x.changes.length} field${x.changes.length === 1 ? '' : 's'}`;
    return [
      `<details${open}><summary>${escapeHtml(label)}</summary>`,
      '',
      `${fence}diff${block.slice(fence.length)}`,
      '',
      '</details>',
      '',
    ];
  });
}

function risks(plan: PlanResult): string[] {
  if (!plan.risks.length) return [];
  return [
    '**Risks** (these roll out, but deserve a look):',
    '',
    ...plan.risks.map((r) => `- ⚠️ ${longName(namedObjectOf(r.object))}: ${escapeText(r.message, 400)} (${inlineCode(r.field, 200)})`),
    '',
  ];
}

function notes(plan: PlanResult): string[] {
  if (!plan.notes.length) return [];
  return [
    `<details><summary>Notes (${plan.notes.length})</summary>`,
    '',
    ...plan.notes.map((n) => `- ${escapeText(n, 600)}`),
    '',
    '</details>',
    '',
  ];
}

function footer(input: PlanReportInput): string {
  const parts = ['kube-deploy-gate plan'];
  const { repository, sha } = input.context;
  if (repository) parts.push(escapeText(repository, 120) + (sha ? ` ${inlineCode(sha.slice(0, 7))}` : ''));
  parts.push('dry run: nothing was written to the cluster');
  parts.push(formatDuration(input.plan.durationMs));
  const link = runLink(input);
  if (link) parts.push(link);
  return `<sub>${parts.join(' · ')}</sub>`;
}

function render(input: PlanReportInput, o: Options): string {
  const { plan } = input;
  const out: string[] = [];
  if (o.comment) out.push(reportMarker(planReportId(input.context.reportId)));
  out.push(planHeadline(plan, input.context.title), '');
  if (plan.verdict !== 'error') {
    out.push(counts(plan), '');
    const cause = likelyCause(plan.findings);
    if (cause) out.push(cause, '');
    if (plan.findings.length) {
      out.push(
        `**Predicted failures** (the deploy would report ${plan.findings.length === 1 ? 'this' : 'these'}; nothing was applied):`,
        '',
      );
      for (const f of worstFirst(plan.findings)) out.push(...findingBlock(f, { maxLogLines: 0, includeEvents: false, includeLogs: false }));
    }
    out.push(...objectsTable(plan), ...diffs(plan, o), ...risks(plan), ...notes(plan));
  }
  out.push(footer(input), '');
  return out.join('\n');
}

function fit(input: PlanReportInput, comment: boolean, limit: number, measure: (s: string) => number): string {
  for (const maxDiffLines of [200, 20, 0]) {
    const text = render(input, { comment, maxDiffLines });
    if (measure(text) <= limit) return text;
  }
  const text = render(input, { comment, maxDiffLines: 0 });
  const notice = "\n\n> **Shortened:** the plan was cut here to fit GitHub's limit; `kube-deploy-gate plan -o json` has all of it.\n";
  let cut = text.length;
  while (cut > 0 && measure(text.slice(0, cut) + notice) > limit) cut = text.lastIndexOf('\n', cut - 1);
  return text.slice(0, Math.max(0, cut)) + notice;
}

export function renderPlanSummary(input: PlanReportInput): string {
  return fit(input, false, SUMMARY_BUDGET_BYTES, utf8Bytes);
}

export function renderPlanComment(input: PlanReportInput): string {
  return fit(input, true, COMMENT_LIMIT_CHARS, utf16Chars);
}
