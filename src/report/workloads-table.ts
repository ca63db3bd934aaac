// One row per workload: kind/name, revision before -> after (-> the rollback's new revision), a status line and
// the time it took; then the objects a rollback does not restore, so nobody assumes they were.
import { formatDuration } from '../duration.js';
import { workloadId } from '../k8s/kinds.js';
import { type DeployResult, type Finding, type RollbackWorkload, type WorkloadResult } from '../model.js';
import { escapeText, table } from './escape.js';
import { findingsOf, longName, rollbackOf, worstFirst } from './workload-names.js';

function revision(n: number | null): string {
  return n === null ? 'new' : String(n);
}

export function revisionText(w: WorkloadResult, rb: RollbackWorkload | undefined): string {
  let text = w.changed
    ? `${revision(w.revisionBefore)} → ${w.revisionAfter ?? '?'}`
    : `${revision(w.revisionAfter ?? w.revisionBefore)} (unchanged)`;
  if (rb) {
    const target = rb.toRevision !== null ? `rollback to ${rb.toRevision}` : 'rollback';
    if (!rb.done) text += ` → ❌ ${target} failed`;
    else if (rb.newRevision !== null)
      text += ` → **${rb.newRevision}** (${rb.toRevision !== null ? `rollback of ${rb.toRevision}` : 'rollback'})`;
    else text += ` → ${target}`;
  }
  return text;
}

function findingStatus(f: Finding): string {
  const what = escapeText(f.reason ?? f.category, 100);
  const count = f.count ? `${escapeText(f.count, 60)} ` : '';
  const exit = f.exitCode !== null ? ` (exit ${f.exitCode})` : '';
  return `${count}${what}${exit}`;
}

export function statusText(w: WorkloadResult, findings: Finding[], result: DeployResult): string {
  const [worst] = worstFirst(findings);
  if (w.window?.state === 'broken') return `❌ ${escapeText(w.window.message, 300)}`;
  if (w.window?.state === 'unfinished') return `⏱️ ${escapeText(w.window.message, 300)}`;
  if (w.done) {
    const base = w.changed ? '✅ rolled out' : '✅ unchanged';
    return worst ? `${base} · ⚠️ ${findingStatus(worst)}` : base;
  }
  if (worst?.fatal) return `❌ ${findingStatus(worst)}`;
  const icon = result.verdict === 'timeout' ? '⏱️' : result.verdict === 'cancelled' ? '🚫' : '❌';
  const message = w.message ? escapeText(w.message, 300) : 'not ready';
  return worst ? `${icon} ${message} · ⚠️ ${findingStatus(worst)}` : `${icon} ${message}`;
}

export function workloadsTable(result: DeployResult, timings: Record<string, number> = {}): string[] {
  const rows = result.workloads.map((w) => {
    const took = timings[workloadId(w)];
    return [
      longName(w),
      revisionText(w, rollbackOf(result, w)),
      statusText(w, findingsOf(result, w), result),
      took === undefined ? '' : formatDuration(took),
    ];
  });
  for (const o of result.rollback?.notRestored ?? []) {
    rows.push([longName(o), 'changed', '⚠️ not restored by the rollback', '']);
  }
  if (rows.length === 0) return [];
  return table(['workload', 'revision', 'status', 'took'], rows);
}
