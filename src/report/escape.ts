// Everything that comes from the cluster (names, messages, log lines, events) is untrusted: a pod can print
// anything. These helpers turn such text into markdown that renders as the same text and nothing else: no HTML,
// no broken tables or <details>, no @mentions or #references that would notify people or link issues.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
// C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides of "Trojan Source" text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Renovate and Dependabot use the same trick: a zero-width space after "@" or "#" survives rendering as an
// invisible character, so GitHub's mention and issue-reference filters no longer match.
const ZWSP = '&#8203;';

export const MAX_TEXT_CHARS = 2000;
export const MAX_LOG_LINE_CHARS = 500;

/** Removes terminal escapes and invisible control characters; newlines are kept for the caller to decide. */
export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}

/** Cuts text to `max` characters (never inside a surrogate pair) and says how much was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)} … [${text.length - cut} more characters]`;
}

/** Untrusted text as one line of plain text (annotations, the step's failure message): no markup, no controls. */
export function oneLine(text: string, max: number): string {
  return truncate(
    stripControls(text)
      .replace(/[\n\t]+/g, ' ')
      .trim(),
    max,
  );
}

function neutralized(char: string, next: string | undefined): string | null {
  if (char === '@' && next !== undefined && /[A-Za-z0-9]/.test(next)) return `@${ZWSP}`;
  if (char === '#' && next !== undefined && /[0-9]/.test(next)) return `#${ZWSP}`;
  return null;
}

// `|` becomes an entity rather than `\|` so the same text is safe inside and outside table cells.
const MARKDOWN_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };
const MARKDOWN_PUNCTUATION = new Set(['\\', '`', '*', '_', '[', ']', '~', '$']);

/** Untrusted text as one line of markdown prose (paragraphs, table cells). */
export function escapeText(text: string, max = MAX_TEXT_CHARS): string {
  const s = oneLine(text, max);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const n = neutralized(c, s[i + 1]);
    if (n !== null) out += n;
    else if (MARKDOWN_ENTITIES[c]) out += MARKDOWN_ENTITIES[c];
    else if (c === '_' && isIntraword(s, i)) out += c;
    else if (MARKDOWN_PUNCTUATION.has(c)) out += `\\${c}`;
    else out += c;
  }
  return guardLineStart(out);
}

// An underscore between letters or digits can neither open nor close emphasis: leave pod_namespace readable.
function isIntraword(s: string, i: number): boolean {
  return /[A-Za-z0-9]/.test(s[i - 1] ?? '') && /[A-Za-z0-9]/.test(s[i + 1] ?? '');
}

// Text that may begin a line must not begin a heading, list, quote or setext underline.
function guardLineStart(s: string): string {
  if (/^[#+=-]/.test(s)) return `\\${s}`;
  return s.replace(/^(\d+)([.)])/, '$1\\$2');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Untrusted text inside raw HTML (a <summary> line), where markdown is not parsed but HTML and mentions are. */
export function escapeHtml(text: string, max = MAX_TEXT_CHARS): string {
  const s = oneLine(text, max);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    out += neutralized(c, s[i + 1]) ?? HTML_ENTITIES[c] ?? c;
  }
  return out;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Untrusted text as an inline code span. Code spans show their content literally and GitHub does not look for
 * mentions in them; the delimiter is one backtick longer than any run inside so the content cannot close it.
 * A raw `|` stays raw here: table.ts escapes it, because a pipe splits a table cell even inside a code span.
 */
export function inlineCode(text: string, max = 300): string {
  const s = oneLine(text, max);
  if (s === '') return '(empty)';
  const fence = '`'.repeat(longestBacktickRun(s) + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** One log line, cleaned and cut, ready for a fenced block. */
export function logLine(line: string, max = MAX_LOG_LINE_CHARS): string {
  return truncate(stripControls(line).replace(/\n/g, ' '), max);
}

/**
 * Log lines as a fenced code block. We chose a fence over <pre> with HTML escaping: GitHub renders a fence's
 * content as literal text (so `</details>`, `<script>`, `**` stay characters), skips it when looking for
 * @mentions and #references, and keeps the raw markdown readable and small (no entity bloat in the 1 MiB budget).
 * The only way out of a fence is a closing fence of at least its length, so the fence is made longer than any
 * backtick run in the lines.
 */
export function fencedBlock(lines: string[], maxLineChars = MAX_LOG_LINE_CHARS): string {
  const clean = lines.map((l) => logLine(l, maxLineChars));
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(clean.join('\n')) + 1));
  return [fence, ...clean, fence].join('\n');
}

/** Only http(s) links, with the characters that would end a markdown link destination percent-encoded. */
export function safeUrl(url: string | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/[()<>"'|\\`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// GFM tables: a row is split on every unescaped `|` before anything else is parsed, even inside code spans,
// and a row ends at a newline. Cells arrive as rendered markdown (escapeText leaves raw pipes only in code spans).
export function tableCell(markdown: string): string {
  return markdown.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

export function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)];
}
