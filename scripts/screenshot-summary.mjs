// Renders a job-summary markdown file the way GitHub does (cmark-gfm, GitHub's own renderer, with its extensions)
// inside a page styled like a run summary, and screenshots it with headless Chromium.
//   node scripts/screenshot-summary.mjs SUMMARY.md OUT.png [TITLE] [HEIGHT]
// TITLE is the box's caption (default "deploy summary"; a PR comment: "github-actions bot commented"), HEIGHT the
// window's height in pixels (default 820).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [input, output, title = 'deploy summary', height = '820'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/screenshot-summary.mjs SUMMARY.md OUT.png [TITLE] [HEIGHT]');
  process.exit(2);
}
const markdown = fs.readFileSync(input, 'utf8');
// --unsafe keeps the raw <details>/<summary>/<sub> tags GitHub allows; tagfilter removes the ones it does not.
const body = execFileSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'], {
  input: markdown,
  encoding: 'utf8',
});
const page = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; background: #f6f8fa; margin: 0; padding: 24px; }
.box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 32px; max-width: 1012px; }
.title { font-weight: 600; padding-bottom: 8px; border-bottom: 1px solid #d1d9e0; margin-bottom: 16px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } h3 { font-size: 1.25em; }
table { border-collapse: collapse; margin: 12px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; } code { background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; font-size: 85%; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; } pre code { background: none; padding: 0; }
details { margin: 8px 0; } summary { cursor: pointer; } blockquote { color: #59636e; border-left: .25em solid #d1d9e0; margin: 0; padding: 0 1em; }
a { color: #0969da; text-decoration: none; } sub { color: #59636e; }
</style></head><body><div class="box"><div class="title">${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</div>${body}</div></body></html>`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-shot-'));
const html = path.join(dir, 'summary.html');
fs.writeFileSync(html, page);
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${path.join(dir, 'profile')}`,
    '--hide-scrollbars',
    `--window-size=1100,${Number(height) || 820}`,
    `--screenshot=${path.resolve(output)}`,
    `file://${html}`,
  ],
  { stdio: 'ignore' },
);
console.log(`wrote ${output}`);
