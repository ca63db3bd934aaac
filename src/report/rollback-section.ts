// What was done about the failure: rolled back (to which revisions, Ready again or not), rollback failed, or not
// attempted; and the objects a rollback cannot restore.
import type { DeployResult, RollbackWorkload } from '../model.js';
import { escapeText, inlineCode } from './escape.js';
import { longName } from './workload-names.js';

// The message already says what happened ("rolled back to the template of revision 7, now revision 9"); the
// revisions are spelled out here only when it does not.
// A workload nothing was done to says why in its message ("not rolled back: unchanged by this run").
function line(w: RollbackWorkload): string {
  const icon = w.done ? '✅' : w.attempted ? '❌' : '➖';
  // A code span: the change-cause is free text ("acme/shop@abc1234" would otherwise mention someone).
  const cause = w.changeCause ? ` (change-cause: ${inlineCode(w.changeCause, 300)})` : '';
  if (!w.attempted || /\brevision\b/.test(w.message)) return `- ${icon} ${longName(w)}: ${escapeText(w.message, 500)}${cause}`;
  let s = `- ${icon} ${longName(w)} ${w.done ? 'rolled back' : 'not rolled back'}`;
  if (w.toRevision !== null) s += ` to revision ${w.toRevision}`;
  if (w.done && w.newRevision !== null) s += ` (new revision ${w.newRevision})`;
  if (w.message) s += `: ${escapeText(w.message, 500)}`;
  return s;
}

// The forced path changes more than a template: it deletes pods. Name them, so nobody wonders where they went.
function forcedLine(w: RollbackWorkload): string[] {
  const pods = w.deletedPods ?? [];
  if (pods.length === 0) return [];
  const names = pods.map((p) => inlineCode(p, 100)).join(', ');
  return [
    `  - Forced rollback: deleted ${pods.length === 1 ? 'pod' : `${pods.length} pods`} ${names} of the failed revision that ${pods.length === 1 ? 'was' : 'were'} not Ready, so the controller recreates ${pods.length === 1 ? 'it' : 'them'} from the restored template (with OrderedReady it waits for a broken pod to become Ready before replacing it).`,
  ];
}

function lines(workloads: RollbackWorkload[]): string[] {
  return workloads.flatMap((w) => [line(w), ...forcedLine(w)]);
}

export function rollbackSection(result: DeployResult): string[] {
  const rb = result.rollback;
  if (!rb && (result.verdict === 'healthy' || result.verdict === 'error')) return [];
  const out = ['### Rollback', ''];
  if (!rb) {
    out.push('Not attempted: the new revision is still in place.', '');
    return out;
  }
  if (!rb.attempted) {
    out.push('Not attempted.', '');
    if (rb.workloads.length) out.push(...lines(rb.workloads), '');
  } else {
    const tried = rb.workloads.filter((w) => w.attempted);
    const failed = tried.filter((w) => !w.done);
    if (tried.length === 0) out.push('Attempted, but there was nothing to roll back.', '');
    else if (failed.length === 0) {
      out.push(
        `Done: every workload is back on its previous template and ready. The step still fails because the change did not deploy.`,
        '',
      );
    } else {
      out.push(
        `**Failed** for ${failed.length} of ${tried.length} workload${tried.length === 1 ? '' : 's'}: check ${failed.length === 1 ? 'it' : 'them'} now, the cluster may still be serving the failed revision.`,
        '',
      );
    }
    if (rb.workloads.length) out.push(...lines(rb.workloads), '');
  }
  const notRestored = rb.notRestored ?? [];
  if (notRestored.length) {
    out.push('Not restored by the rollback (it restores pod templates only; these keep the values this run applied):', '');
    out.push(...notRestored.map((o) => `- ${longName(o)}`), '');
  }
  return out;
}
