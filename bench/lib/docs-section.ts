// docs/benchmarks.md keeps its hand-written explanation; the bench replaces only the part between two markers, so a
// rerun updates the numbers without touching the prose around them.

export const SECTION_START = '<!-- bench:results:start (written by npm run bench; edits here are overwritten) -->';
export const SECTION_END = '<!-- bench:results:end -->';

export function replaceSection(doc: string, section: string): string {
  const block = `${SECTION_START}\n${section.trim()}\n${SECTION_END}`;
  const start = doc.indexOf(SECTION_START);
  const end = doc.indexOf(SECTION_END);
  if (start === -1 || end === -1 || end < start) {
    return `${doc.trimEnd()}${doc.trim() ? '\n\n' : ''}${block}\n`;
  }
  return doc.slice(0, start) + block + doc.slice(end + SECTION_END.length);
}
