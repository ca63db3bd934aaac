// GFM tables: a row is split on every unescaped `|` before anything else is parsed, even inside code spans,
// and a row ends at a newline. Cells arrive as rendered markdown (escape.ts leaves raw pipes only in code spans).
export function cell(markdown: string): string {
  return markdown.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

export function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)];
}
