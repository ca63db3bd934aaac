// The goldens through cmark-gfm, the reference GFM implementation GitHub's renderer is built on (Debian package
// cmark-gfm). Skipped where it is not installed; the structural checks in markdown.test.ts run everywhere.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const hasCmark = (() => {
  try {
    execFileSync('cmark-gfm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function render(markdown: string): string {
  return execFileSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'], {
    input: markdown,
  }).toString();
}

const goldens = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.md')) : [];

describe.skipIf(!hasCmark)('goldens rendered by cmark-gfm', () => {
  it.each(goldens)('%s', (file) => {
    const html = render(fs.readFileSync(path.join(DIR, file), 'utf8'));
    // Only the tags we write, nothing from the cluster.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    for (const t of tags)
      expect([
        'h2',
        'h3',
        'p',
        'strong',
        'code',
        'pre',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'ul',
        'li',
        'details',
        'summary',
        'sub',
        'a',
        'blockquote',
      ]).toContain(t);
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
    // Every table row has as many cells as its header.
    for (const t of html.split('<table>').slice(1)) {
      const columns = (t.split('</thead>')[0].match(/<th>/g) ?? []).length;
      for (const row of t.split('</table>')[0].split('<tbody>')[1]?.split('</tr>').slice(0, -1) ?? []) {
        expect((row.match(/<td>/g) ?? []).length).toBe(columns);
      }
    }
    // Links are http(s) only: ours to the run, and GFM's autolinks of URLs that cluster text mentions.
    for (const m of html.matchAll(/<a href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
    // No mention or issue reference survives outside code: GitHub needs @ or # directly before the name.
    const text = html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(text).not.toMatch(/(^|[^\w])@[A-Za-z0-9]/m);
    expect(text).not.toMatch(/(^|[^\w&])#\d/m);
  });
});
