// Log tails end up in job summaries and PR comments, which more people read than the cluster's logs. Anything that
// looks like a credential is masked before it leaves: bearer tokens and Authorization headers, private key blocks,
// password/token/secret assignments, JWTs, cloud and forge tokens, and passwords in URLs.

export const MASK = '[REDACTED]';

const SECRET_WORDS = [
  'password',
  'passwd',
  'pwd',
  'token',
  'secret',
  'api[_-]?key',
  'apikey',
  'access[_-]?key',
  'private[_-]?key',
  'credentials?',
];
const KEY_NAMES = String.raw`[\w.-]*(?:${SECRET_WORDS.join('|')})[\w.-]*`;

const RULES: [RegExp, string | ((...m: string[]) => string)][] = [
  // Authorization: Bearer x / Basic x, in headers, curl -H arguments and JSON.
  [/(["']?authorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, `$1${MASK}`],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${MASK}`],
  // user:password@host in URLs.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${MASK}@`],
  // JWTs: three base64url parts, the first one a JSON header.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, MASK],
  // AWS access key IDs, GitHub, GitLab and Slack tokens.
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, MASK],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,})\b/g, MASK],
  // password=..., "token": "...", secret: ..., AWS_SECRET_ACCESS_KEY=...
  [
    new RegExp(String.raw`((["']?)${KEY_NAMES}\2\s*[:=]\s*)(["']?)[^\s"'&,;]+\3`, 'gi'),
    (_m, prefix, _q, quote) => `${prefix}${quote}${MASK}${quote}`,
  ],
];

const BEGIN_KEY = /-----BEGIN [A-Z0-9 ]*KEY(?: BLOCK)?-----/;
const END_KEY = /-----END [A-Z0-9 ]*KEY(?: BLOCK)?-----/;

export function redactLine(line: string): string {
  let out = line;
  for (const [pattern, replacement] of RULES) {
    out =
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement as (...m: string[]) => string);
  }
  return out;
}

/** Masks credentials line by line; a private key block spanning lines is replaced whole. */
export function redactSecrets(lines: string[]): string[] {
  const out: string[] = [];
  let inKey = false;
  for (const line of lines) {
    if (!inKey && BEGIN_KEY.test(line)) {
      const begin = line.search(BEGIN_KEY);
      const endMatch = END_KEY.exec(line.slice(begin));
      if (endMatch) {
        out.push(redactLine(line.slice(0, begin)) + MASK + redactLine(line.slice(begin + endMatch.index + endMatch[0].length)));
        continue;
      }
      out.push(redactLine(line.slice(0, begin)) + MASK);
      inKey = true;
      continue;
    }
    if (inKey) {
      const endMatch = END_KEY.exec(line);
      if (endMatch) {
        inKey = false;
        const rest = line.slice(endMatch.index + endMatch[0].length);
        if (rest.trim()) out.push(redactLine(rest));
      }
      continue;
    }
    out.push(redactLine(line));
  }
  return out;
}
