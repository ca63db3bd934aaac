// The field paths server-side apply names in its conflicts: `.spec.template.spec.containers[name="api"].image`,
// `.spec.ports[port=80,protocol="TCP"].targetPort`, `.metadata.finalizers[="x"]`. The text is structured-merge-diff's
// fieldpath.Path String(): ".name" per field, "[k=v,...]" for a list item chosen by its keys, "[=v]" for a set item,
// "[i]" for an index (sigs.k8s.io/structured-merge-diff fieldpath/element.go; values are value.ToString, strings in
// Go's %q). A field name may itself hold dots (annotation and label keys), so the text alone is ambiguous: the parser
// keeps each dot-separated piece, and `resolveFieldPath` joins pieces against an object that has the field.
import { readGoQuoted } from './go-quote.js';

export type PathElement =
  | { kind: 'field'; name: string }
  | { kind: 'key'; fields: Record<string, unknown> }
  | { kind: 'value'; value: unknown }
  | { kind: 'index'; index: number };

/** Reads one bracketed value: a Go-quoted string, or a bare number, boolean or null. */
function readValue(text: string, at: number): { value: unknown; end: number } {
  if (text[at] === '"') {
    const quoted = readGoQuoted(text, at);
    if (!quoted) throw new Error(`unterminated string at ${at} in ${text}`);
    return quoted;
  }
  let end = at;
  while (end < text.length && text[end] !== ',' && text[end] !== ']') end++;
  const raw = text.slice(at, end).trim();
  if (raw === 'true' || raw === 'false') return { value: raw === 'true', end };
  if (raw === 'null') return { value: null, end };
  const n = Number(raw);
  if (raw !== '' && Number.isFinite(n)) return { value: n, end };
  throw new Error(`unreadable value "${raw}" at ${at} in ${text}`);
}

function readBracket(text: string, at: number): { element: PathElement; end: number } {
  let i = at + 1;
  if (text[i] === '=') {
    const { value, end } = readValue(text, i + 1);
    if (text[end] !== ']') throw new Error(`expected ] at ${end} in ${text}`);
    return { element: { kind: 'value', value }, end: end + 1 };
  }
  if (/^\d+\]/.test(text.slice(i))) {
    const close = text.indexOf(']', i);
    return { element: { kind: 'index', index: Number(text.slice(i, close)) }, end: close + 1 };
  }
  const fields: Record<string, unknown> = {};
  for (;;) {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`expected key=value at ${i} in ${text}`);
    const { value, end } = readValue(text, eq + 1);
    fields[text.slice(i, eq)] = value;
    if (text[end] === ']') return { element: { kind: 'key', fields }, end: end + 1 };
    if (text[end] !== ',') throw new Error(`expected , or ] at ${end} in ${text}`);
    i = end + 1;
  }
}

/** Parses a conflict's field path; every dot-separated piece is its own field element until resolved. */
export function parseFieldPath(text: string): PathElement[] {
  const out: PathElement[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '.') {
      let end = i + 1;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
      out.push({ kind: 'field', name: text.slice(i + 1, end) });
      i = end;
    } else if (text[i] === '[') {
      const { element, end } = readBracket(text, i);
      out.push(element);
      i = end;
    } else {
      throw new Error(`unexpected "${text[i]}" at ${i} in ${text}`);
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function itemIndex(list: unknown[], element: PathElement): number {
  switch (element.kind) {
    case 'index':
      return element.index < list.length ? element.index : -1;
    case 'value':
      return list.findIndex((item) => sameValue(item, element.value));
    case 'key':
      return list.findIndex((item) => isRecord(item) && Object.entries(element.fields).every(([k, v]) => sameValue(item[k], v)));
    default:
      return -1;
  }
}

/**
 * Joins the dot-separated pieces into the field names `reference` actually has (the longest name that exists wins:
 * `.metadata.annotations.example.com/team` is the key "example.com/team"). Where `reference` lacks the field, each
 * piece stays a name of its own.
 */
export function resolveFieldPath(elements: readonly PathElement[], reference: unknown): PathElement[] {
  const out: PathElement[] = [];
  let node: unknown = reference;
  for (let i = 0; i < elements.length;) {
    const element = elements[i];
    if (element.kind !== 'field') {
      out.push(element);
      node = Array.isArray(node) ? node[itemIndex(node, element)] : undefined;
      i++;
      continue;
    }
    let run = 1;
    while (i + run < elements.length && elements[i + run].kind === 'field') run++;
    let taken = 1;
    if (isRecord(node)) {
      for (let n = run; n > 1; n--) {
        const name = elements
          .slice(i, i + n)
          .map((e) => (e as { name: string }).name)
          .join('.');
        if (Object.hasOwn(node, name)) {
          taken = n;
          break;
        }
      }
    }
    const name = elements
      .slice(i, i + taken)
      .map((e) => (e as { name: string }).name)
      .join('.');
    out.push({ kind: 'field', name });
    node = isRecord(node) ? node[name] : undefined;
    i += taken;
  }
  return out;
}

/** The value at a resolved path, or `found: false` when some step of it is absent. */
export function readFieldPath(obj: unknown, path: readonly PathElement[]): { found: boolean; value: unknown } {
  let node: unknown = obj;
  for (const element of path) {
    if (element.kind === 'field') {
      if (!isRecord(node) || !Object.hasOwn(node, element.name)) return { found: false, value: undefined };
      node = node[element.name];
    } else {
      if (!Array.isArray(node)) return { found: false, value: undefined };
      const index = itemIndex(node, element);
      if (index < 0) return { found: false, value: undefined };
      node = node[index];
    }
  }
  return { found: true, value: node };
}

/** Removes the field (or list item) at a resolved path from `obj` in place; false when it was not there. */
export function removeFieldPath(obj: unknown, path: readonly PathElement[]): boolean {
  if (path.length === 0) return false;
  const parent = readFieldPath(obj, path.slice(0, -1));
  if (!parent.found) return false;
  const last = path[path.length - 1];
  if (last.kind === 'field') {
    if (!isRecord(parent.value) || !Object.hasOwn(parent.value, last.name)) return false;
    delete parent.value[last.name];
    return true;
  }
  if (!Array.isArray(parent.value)) return false;
  const index = itemIndex(parent.value, last);
  if (index < 0) return false;
  parent.value.splice(index, 1);
  return true;
}
