// The Markdown the bench writes: tables that also read well in a terminal, and the generated section of
// docs/benchmarks.md, which the bench replaces between two markers so a rerun updates the numbers without touching
// the hand-written prose around them.

export const SECTION_START = '<!-- bench:results:start (written by npm run bench; edits here are overwritten) -->';
export const SECTION_END = '<!-- bench:results:end -->';

/** Every column padded to its widest cell. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((r) => headers.map((_, i) => escapeCell(r[i] ?? '')));
  const width = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  const rule = `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

// A pipe inside a cell would end it early in Markdown; a newline would end the row.
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `doc` with the generated section replaced (or appended when the markers are missing). */
export function replaceSection(doc: string, section: string): string {
  const block = `${SECTION_START}\n${section.trim()}\n${SECTION_END}`;
  const start = doc.indexOf(SECTION_START);
  const end = doc.indexOf(SECTION_END);
  if (start === -1 || end === -1 || end < start) {
    return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${block}\n`;
  }
  return doc.slice(0, start) + block + doc.slice(end + SECTION_END.length);
}
