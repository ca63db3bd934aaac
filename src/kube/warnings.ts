// The API server's warnings (RFC 7234 `Warning: 299 - "text"` headers): unknown or duplicate fields the server dropped,
// deprecated API versions. kubectl prints them; so does the gate, because a silently dropped field is a bug in the
// manifest that no verdict would reveal.

const WARNING = /\s*(\d{3})\s+(\S+)\s+"((?:[^"\\]|\\.)*)"(?:\s+"[^"]*")?\s*(?:,|$)/y;

/** The texts of every 299 warning in a header value (Node joins repeated headers with ", "). */
export function parseWarningHeaders(header: string | string[] | undefined): string[] {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const out: string[] = [];
  for (const value of values) {
    WARNING.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (WARNING.lastIndex < value.length && (m = WARNING.exec(value)) !== null) {
      if (m[1] === '299') out.push(m[3].replace(/\\(.)/g, '$1'));
    }
  }
  return out;
}
