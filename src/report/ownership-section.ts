// Fields that changed hands in this deploy: the ones it took back (a kubectl hotfix, the gate's own earlier patch),
// with who had set them and when, so a person can tell "my own rollback" from "someone's fix I just overwrote"; and
// the ones it left to their owner (an HPA's replica count).
import type { DeployResult, FieldLeftOut, FieldTakeover } from '../model.js';
import { escapeText, inlineCode, table } from './escape.js';
import { longName, namedObjectOf } from './workload-names.js';

const MAX_ROWS = 30;

function value(v: unknown): string {
  return v === null || v === undefined ? '(not set)' : inlineCode(typeof v === 'string' ? v : JSON.stringify(v), 120);
}

function setBy(t: FieldTakeover): string {
  const how = [t.operation, t.subresource ? `through /${t.subresource}` : ''].filter(Boolean).join(' ');
  return `${inlineCode(t.manager, 80)} (${escapeText(how, 60)})`;
}

function takeoverRows(takeovers: readonly FieldTakeover[]): string[] {
  const rows = takeovers
    .slice(0, MAX_ROWS)
    .map((t) => [
      longName(namedObjectOf(t.object)),
      inlineCode(t.field, 160),
      value(t.found),
      setBy(t),
      t.time ? escapeText(t.time, 40) : 'unknown',
      value(t.applied),
    ]);
  const out = table(['object', 'field', 'was', 'set by', 'at', 'now'], rows);
  if (takeovers.length > MAX_ROWS) out.push('', `${takeovers.length - MAX_ROWS} more in the \`takeovers\` of the JSON result.`);
  return out;
}

function leftOutLine(l: FieldLeftOut): string {
  return `- ${longName(namedObjectOf(l.object))} ${inlineCode(l.field, 160)}: left to ${escapeText(l.owner, 200)}, which keeps ${value(l.live)} (the manifest says ${value(l.manifest)})`;
}

export function ownershipSection(result: DeployResult): string[] {
  const takeovers = result.takeovers ?? [];
  const leftOut = result.leftOut ?? [];
  if (takeovers.length === 0 && leftOut.length === 0) return [];
  const out = ['### Field ownership', ''];
  if (takeovers.length) {
    out.push(`Taken over by this deploy (${takeovers.length} field${takeovers.length === 1 ? '' : 's'} another manager had set):`, '');
    out.push(...takeoverRows(takeovers), '');
  }
  if (leftOut.length) out.push('Left to their owners:', '', ...leftOut.slice(0, MAX_ROWS).map(leftOutLine), '');
  return out;
}
