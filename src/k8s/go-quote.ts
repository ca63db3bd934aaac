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

const SHORT_UNESCAPES: Record<string, string> = {
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

const HEX_WIDTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Reads one Go %q string starting at `start` (which must be the opening quote): strconv.Unquote's escapes. Returns
 * the value and the index after the closing quote, or null when the text is not a complete quoted string.
 */
export function readGoQuoted(text: string, start = 0): { value: string; end: number } | null {
  if (text[start] !== '"') return null;
  let out = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === undefined) return null;
    if (Object.hasOwn(SHORT_UNESCAPES, next)) {
      out += SHORT_UNESCAPES[next];
    } else if (Object.hasOwn(HEX_WIDTHS, next)) {
      const digits = text.slice(i + 1, i + 1 + HEX_WIDTHS[next]);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_WIDTHS[next]) return null;
      // \x is one byte in Go; the API's strings are UTF-8 text, so a lone byte is read as its code point.
      out += String.fromCodePoint(parseInt(digits, 16));
      i += digits.length;
    } else if (/[0-7]/.test(next)) {
      const digits = text.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(digits)) return null;
      out += String.fromCodePoint(parseInt(digits, 8));
      i += 2;
    } else {
      return null;
    }
  }
  return null;
}
