// Findings as workflow annotations: an error per fatal finding, a warning per other one, on the manifest line
// of the workload when we know it. Annotations are plain text (not markdown), so nothing is escaped here beyond
// removing control characters; @actions/core encodes the workflow-command syntax itself.
import type { Finding, SourceLocation } from '../model.js';
import { stripControls, truncate } from './escape.js';
import { worstFirst } from './workload-names.js';

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  file?: string;
  startLine?: number;
}

// GitHub shows at most 10 error and 10 warning annotations per step; more are counted but not displayed.
export const MAX_PER_LEVEL = 10;
const MAX_MESSAGE_CHARS = 4000;

const plain = (s: string, max: number) => truncate(stripControls(s).replace(/\n+/g, ' ').trim(), max);

// GitHub places an annotation on a file of the repository; a manifest fetched from a URL has none, so its
// annotation goes on the run and says where the workload came from instead.
const FETCHED = /^https?:\/\//i;

function message(f: Finding, fetchedFrom: SourceLocation | undefined): string {
  const where = [f.count, f.container && `container ${f.container}`, f.pod && `pod ${f.pod}`, f.node && `node ${f.node}`]
    .filter(Boolean)
    .join(', ');
  const parts = [plain(f.message, 1500)];
  if (where) parts.push(`(${plain(where, 300)})`);
  if (f.hint) parts.push(`Fix: ${plain(f.hint, 1000)}`);
  if (fetchedFrom) parts.push(`Manifest: ${plain(fetchedFrom.file, 500)}, document ${fetchedFrom.documentIndex + 1}.`);
  return truncate(parts.join(' '), MAX_MESSAGE_CHARS);
}

/** Where each applied object's manifest document starts, by the id findings name it with ("Kind/namespace/name"). */
export function manifestLocations(
  objects: readonly { kind: string; namespace?: string; name: string; source?: SourceLocation }[],
): Map<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  for (const o of objects) if (o.source) out.set(`${o.kind}/${o.namespace ?? ''}/${o.name}`, o.source);
  return out;
}

/**
 * One annotation per finding, worst first, at most MAX_PER_LEVEL per level (GitHub would hide the rest anyway).
 * `locations` maps workloadId ("Deployment/ns/name") to where its manifest document starts.
 */
export function annotationsFor(findings: Finding[], locations: Map<string, SourceLocation> = new Map()): Annotation[] {
  const counts = { error: 0, warning: 0 };
  const out: Annotation[] = [];
  for (const f of worstFirst(findings)) {
    const level = f.fatal ? 'error' : 'warning';
    if (counts[level] >= MAX_PER_LEVEL) continue;
    counts[level] += 1;
    const loc = locations.get(f.workload);
    const fetched = loc && FETCHED.test(loc.file) ? loc : undefined;
    out.push({
      level,
      title: plain(`${f.category} · ${f.workload}`, 200),
      message: message(f, fetched),
      ...(loc && !fetched ? { file: loc.file, startLine: loc.line } : {}),
    });
  }
  return out;
}
