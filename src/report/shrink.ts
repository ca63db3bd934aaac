// GitHub drops a job summary over 1 MiB per step and refuses a comment over 65,536 characters. Rather than cut
// the text blindly, shrink what matters least first: fewer log lines, then no events, then merge low-severity
// findings, then omit findings from the least severe up. The renderer prints a notice for each step taken.
import type { Finding } from '../model.js';
import type { RenderOptions } from './report-input.js';

export const SUMMARY_LIMIT_BYTES = 1_048_576;
export const COMMENT_LIMIT_CHARS = 65_536;
// The runner has rejected summaries a couple of bytes under 1 MiB (actions/runner#4337), and the shell may add
// a line or two of its own to the same step: keep a little headroom.
export const SUMMARY_BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 8 * 1024;

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
// GitHub counts characters; UTF-16 units are never fewer, so this errs on the safe side.
export const utf16Chars = (s: string): number => s.length;

/** Groups non-fatal findings of the same category, workload, container and reason; fatal ones stay alone. */
export function groupNonFatal(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  const out: Finding[][] = [];
  for (const f of findings) {
    if (f.fatal) {
      out.push([f]);
      continue;
    }
    const key = JSON.stringify([f.category, f.workload, f.container, f.reason]);
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
      out.push(group);
    }
    group.push(f);
  }
  return out;
}

/** One finding standing for its group: the first one's text, every node, no logs or events. */
export function mergeGroup(group: Finding[]): Finding {
  const [first] = group;
  if (group.length === 1) return first;
  const nodes = [...new Set(group.map((f) => f.node).filter((n): n is string => !!n))];
  const pods = new Set(group.map((f) => f.pod).filter(Boolean));
  return {
    ...first,
    pod: pods.size === 1 ? first.pod : null,
    node: nodes.length ? nodes.join(', ') : null,
    count: `${group.length} similar findings merged`,
    events: [],
    logTail: [],
  };
}

/**
 * Renders with `render(options)` and returns the first result whose `measure` is within `limit`, trying the
 * options from richest to leanest. The last resort cuts at a line boundary, which only happens when even the
 * headline and table alone are too big (thousands of workloads).
 */
export function fitToLimit(
  render: (o: RenderOptions) => string,
  start: RenderOptions,
  findingCount: number,
  limit: number,
  measure: (s: string) => number,
): string {
  const fits = (o: RenderOptions) => {
    const text = render(o);
    return measure(text) <= limit ? text : null;
  };
  const steps: RenderOptions[] = [start];
  for (const lines of [10, 3, 0]) if (lines < start.maxLogLines) steps.push({ ...start, maxLogLines: lines });
  const lean = { ...start, maxLogLines: 0, includeEvents: false };
  steps.push(lean, { ...lean, mergeNonFatal: true });
  for (const o of steps) {
    const text = fits(o);
    if (text !== null) return text;
  }
  const merged = { ...lean, mergeNonFatal: true };
  // Fewest omissions that fit, by binary search: each render is linear in the findings.
  let lo = 1;
  let hi = Math.max(1, findingCount);
  let best = fits({ ...merged, omitFindings: hi });
  if (best === null) return cutToLimit(render({ ...merged, omitFindings: hi }), limit, measure);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const text = fits({ ...merged, omitFindings: mid });
    if (text !== null) {
      best = text;
      hi = mid;
    } else lo = mid + 1;
  }
  return best;
}

const CUT_NOTICE = "\n\n> **Shortened:** the report was cut here to fit GitHub's limit.\n";

function cutToLimit(text: string, limit: number, measure: (s: string) => number): string {
  const lines = text.split('\n');
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(lines.slice(0, mid).join('\n') + CUT_NOTICE) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lines.slice(0, lo).join('\n') + CUT_NOTICE;
}
