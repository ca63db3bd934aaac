// kubectl prints object names with Go's %q. Valid Kubernetes names never need escaping, but a hand-written object
// (the offline `status --from-file` command) can hold anything, and the texts must stay byte-for-byte Go's.

const SHORT_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  if (ch === ' ' || !NOT_PRINTABLE.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return `\\x${hex(code, 2)}`;
  if (code < 0x10000) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

/** strconv.Quote / fmt's %q for a string. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) out += escapeRune(ch);
  return `${out}"`;
}
