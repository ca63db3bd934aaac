// A Markdown table that also reads well in a terminal: every column padded to its widest cell.

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
