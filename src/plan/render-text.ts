// The plan for a terminal: one line per object (+ create, ~ change, ! refused), the changed fields under it, then the
// predicted failures in the deploy's own text form, the risks and the notes.
import { formatDuration } from '../duration.js';
import { renderFindingsText } from '../diagnose/render-text.js';
import type { FieldChange, ObjectPlan, PlanResult } from './types.js';

const MARK: Record<ObjectPlan['action'], string> = { create: '+', change: '~', unchanged: '=', refused: '!' };

export function objectName(o: Pick<ObjectPlan, 'kind' | 'namespace' | 'name'>): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

export function changeLine(c: FieldChange): string {
  if (c.before === null) return `${c.path}: (none) -> ${c.after}`;
  if (c.after === null) return `${c.path}: ${c.before} -> (removed)`;
  return `${c.path}: ${c.before} -> ${c.after}`;
}

export function headlineText(plan: PlanResult): string {
  if (plan.verdict === 'error') return `plan could not run: ${plan.error}`;
  const s = plan.summary;
  const counts = [`${s.create} to create`, `${s.change} to change`, `${s.unchanged} unchanged`];
  if (s.refused) counts.push(`${s.refused} refused`);
  const failures = plan.findings.length;
  const verdict = failures ? `${failures} predicted failure${failures === 1 ? '' : 's'}` : 'nothing predicted to fail';
  return `Plan: ${counts.join(', ')}; ${verdict}`;
}

export function renderPlanText(plan: PlanResult): string {
  const lines = [`${headlineText(plan)} (${formatDuration(plan.durationMs)})`];
  if (plan.verdict === 'error') return `${lines.join('\n')}\n`;
  lines.push('');
  const unchanged = plan.objects.filter((o) => o.action === 'unchanged');
  for (const o of plan.objects) {
    if (o.action === 'unchanged') continue;
    lines.push(`  ${MARK[o.action]} ${objectName(o)}${o.note ? `: ${o.note}` : ''}`);
    for (const c of o.changes) lines.push(`      ${changeLine(c)}`);
  }
  if (unchanged.length) lines.push(`  = unchanged: ${unchanged.map(objectName).join(', ')}`);
  if (plan.findings.length) lines.push('', `Predicted failures (${plan.findings.length}):`, renderFindingsText(plan.findings).trimEnd());
  if (plan.risks.length) {
    lines.push('', 'Risks (will roll out, worth a look):');
    for (const r of plan.risks) lines.push(`  ${r.object}: ${r.message} (${r.field})`);
  }
  if (plan.notes.length) {
    lines.push('', 'Notes:');
    for (const n of plan.notes) lines.push(`  - ${n}`);
  }
  return `${lines.join('\n')}\n`;
}
