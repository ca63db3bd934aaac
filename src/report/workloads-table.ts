// One row per waited object: kind/name, revision before -> after (-> the rollback's new revision), a status line
// and the time it took; then the objects a rollback does not restore, so nobody assumes they were (a waited one
// says so in its own row).
import { formatDuration } from '../duration.js';
import { workloadId } from '../k8s/kinds.js';
import { type DeployResult, type Finding, type RollbackWorkload, type WorkloadResult } from '../model.js';
import { escapeText, table } from './escape.js';
import { findingsOf, longName, rollbackOf, worstFirst } from './workload-names.js';

function revision(n: number | null): string {
  return n === null ? 'new' : String(n);
}

export function revisionText(w: WorkloadResult, rb: RollbackWorkload | undefined): string {
  // Objects without revisions (kstatus-judged objects, Jobs, Pods, ReplicationControllers) say what the run did.
  if (w.revisionBefore === null && w.revisionAfter === null) return w.changed ? 'changed' : 'unchanged';
  let text = w.changed
    ? `${revision(w.revisionBefore)} → ${w.revisionAfter ?? '?'}`
    : `${revision(w.revisionAfter ?? w.revisionBefore)} (unchanged)`;
  // Only an action carried out or tried adds to the revisions; a skipped one (unchanged, kept...) did not fail.
  if (rb?.attempted) {
    const target = rb.toRevision !== null ? `rollback to ${rb.toRevision}` : 'rollback';
    if (!rb.done) text += ` → ❌ ${target} failed`;
    else if (rb.newRevision !== null)
      text += ` → **${rb.newRevision}** (${rb.toRevision !== null ? `rollback of ${rb.toRevision}` : 'rollback'})`;
    else text += ` → ${target}`;
  }
  return text;
}

// The category, not the reason: a merged finding counts the pods of one cause, which may be at different stages of it
// (one pod's container in Error, another's in CrashLoopBackOff); "3/3 pods CrashLoopBackOff" would claim more than is so.
function findingStatus(f: Finding): string {
  // A node-concentrated finding has no cause of its own: the node is what the row should name.
  const what = f.category === 'node-concentrated' && f.node ? `failing on ${escapeText(f.node, 100)} only` : escapeText(f.category, 100);
  const count = f.count ? `${escapeText(f.count, 60)} ` : '';
  const exit = f.exitCode !== null ? ` (exit ${f.exitCode})` : '';
  return `${count}${what}${exit}`;
}

export function statusText(w: WorkloadResult, findings: Finding[], result: DeployResult): string {
  const [worst] = worstFirst(findings);
  if (w.window?.state === 'broken') return `❌ ${escapeText(w.window.message, 300)}`;
  if (w.window?.state === 'unfinished') return `⏱️ ${escapeText(w.window.message, 300)}`;
  if (w.done) {
    // An object the kstatus rules judged says what made it current ("PVC is Bound", "Resource is Ready").
    // A ReplicationController never rolls its pods out: its rule says they are ready, whatever template they run.
    const rolled = w.kind === 'ReplicationController' ? '✅ ready' : '✅ rolled out';
    const base = w.apiVersion !== undefined ? `✅ ${escapeText(w.message, 300)}` : w.changed ? rolled : '✅ unchanged';
    return worst ? `${base} · ⚠️ ${findingStatus(worst)}` : base;
  }
  if (worst?.fatal) return `❌ ${findingStatus(worst)}`;
  const icon = result.verdict === 'timeout' ? '⏱️' : result.verdict === 'cancelled' ? '🚫' : '❌';
  const message = w.message ? escapeText(w.message, 300) : 'not ready';
  return worst ? `${icon} ${message} · ⚠️ ${findingStatus(worst)}` : `${icon} ${message}`;
}

export function workloadsTable(result: DeployResult, timings: Record<string, number> = {}): string[] {
  const notRestored = result.rollback?.notRestored ?? [];
  const ids = new Set(notRestored.map((o) => workloadId({ ...o, namespace: o.namespace ?? '' })));
  const rows = result.workloads.map((w) => {
    const took = timings[workloadId(w)];
    // An object waited for and not restored is one row that says both.
    const revision = revisionText(w, rollbackOf(result, w));
    return [
      longName(w),
      ids.has(workloadId(w)) ? `${revision} · ⚠️ not restored by the rollback` : revision,
      statusText(w, findingsOf(result, w), result),
      took === undefined ? '' : formatDuration(took),
    ];
  });
  const waited = new Set(result.workloads.map((w) => workloadId(w)));
  for (const o of notRestored) {
    if (waited.has(workloadId({ ...o, namespace: o.namespace ?? '' }))) continue;
    rows.push([longName(o), 'changed', '⚠️ not restored by the rollback', '']);
  }
  if (rows.length === 0) return [];
  return table(['workload', 'revision', 'status', 'took'], rows);
}
