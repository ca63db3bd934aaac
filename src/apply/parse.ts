// Parses manifest files into Kubernetes objects, each tagged with where it came from. Errors name the file, the
// document and, for YAML syntax errors, the line and column.
import { parseAllDocuments } from 'yaml';
import { UserError } from '../errors.js';
import { documentToJS } from '../yaml-limits.js';
import type { SourceLocation } from '../model.js';
import { apiVersionProblem, nameProblem, namespaceProblem } from '../k8s/names.js';
import type { KubeObject, ManifestBody } from '../k8s/objects.js';

export interface ManifestObject {
  object: ManifestBody;
  source: SourceLocation;
}

/** etcd refuses objects above ~1.5 MiB: say so before sending them. */
const MAX_OBJECT_BYTES = 1_500_000;

export function parseManifest(file: string, text: string): ManifestObject[] {
  if (text.includes('\u0000')) throw new UserError(`${file} is a binary file, not a YAML or JSON manifest`);
  const out: ManifestObject[] = [];
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const lineOf = lineIndex(text);
  let index = -1;
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    index++;
    const where = `${file}, document ${index + 1}`;
    const firstError = doc.errors[0];
    if (firstError) {
      const pos = firstError.linePos?.[0];
      const at = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      throw new UserError(`invalid YAML in ${file}${at}: ${firstError.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    const value = documentToJS(doc, where);
    if (value === null || value === undefined) continue; // an empty document, e.g. after a trailing ---
    const line = doc.range ? lineOf(doc.contents?.range?.[0] ?? doc.range[0]) : 1;
    const source: SourceLocation = { file, documentIndex: index, line };
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError(
        `${where} (line ${line}) is not a Kubernetes object (a mapping with apiVersion and kind) but ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`,
      );
    }
    for (const object of unrollList(value as Record<string, unknown>, where)) {
      checkObject(object, where, line);
      out.push({ object, source });
    }
  }
  return out;
}

function unrollList(value: Record<string, unknown>, where: string): KubeObject[] {
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items.flatMap((item: unknown, i: number) => {
      if (typeof item !== 'object' || item === null) throw new UserError(`${where}: item ${i + 1} of the ${value.kind} is not an object`);
      return unrollList(item as Record<string, unknown>, `${where}, item ${i + 1}`);
    });
  }
  return [value];
}

function checkObject(o: KubeObject, where: string, line: number): asserts o is ManifestBody {
  const wrongType = ['apiVersion', 'kind'].filter((k) => o[k] !== undefined && typeof o[k] !== 'string');
  if (wrongType.length) {
    throw new UserError(`${where} (line ${line}): ${wrongType.map((k) => `${k} must be a string, not ${shapeOf(o[k])}`).join('; ')}`);
  }
  const missing = ['apiVersion', 'kind'].filter((k) => o[k] === undefined || o[k] === '');
  if (missing.length) throw new UserError(`${where} (line ${line}) has no ${missing.join(' and ')}: every Kubernetes object needs both`);
  const versionProblem = apiVersionProblem(String(o.apiVersion));
  if (versionProblem) throw new UserError(`${where} (line ${line}): apiVersion "${o.apiVersion}" ${versionProblem}`);
  const meta: unknown = o.metadata;
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    throw new UserError(`${where} (line ${line}): ${o.kind} metadata must be a mapping, not ${shapeOf(meta)}`);
  }
  const { name, namespace, generateName } = (meta ?? {}) as Record<string, unknown>;
  if (name === undefined || name === null || name === '') {
    if (generateName) throw new UserError(`${where}: ${o.kind} uses generateName, which apply cannot track; give it a metadata.name`);
    throw new UserError(`${where} (line ${line}): ${o.kind} has no metadata.name`);
  }
  if (typeof name !== 'string') {
    throw new UserError(
      `${where} (line ${line}): ${o.kind} metadata.name must be a string, not ${shapeOf(name)} (quote it: name: "${String(name)}")`,
    );
  }
  const problem = nameProblem(String(o.kind), name);
  if (problem) throw new UserError(`${where} (line ${line}): ${o.kind} name "${name}" is invalid: it ${problem}`);
  if (namespace !== undefined && namespace !== null) {
    if (typeof namespace !== 'string') {
      throw new UserError(`${where} (line ${line}): ${o.kind} ${name} metadata.namespace must be a string, not ${shapeOf(namespace)}`);
    }
    const nsProblem = namespace === '' ? null : namespaceProblem(namespace);
    if (nsProblem) throw new UserError(`${where} (line ${line}): ${o.kind} ${name} namespace "${namespace}" is invalid: it ${nsProblem}`);
  }
  const size = JSON.stringify(o).length;
  if (size > MAX_OBJECT_BYTES) {
    throw new UserError(
      `${where}: ${o.kind} ${name} is ${(size / 1e6).toFixed(1)} MB; Kubernetes stores objects of at most about 1.5 MB (etcd's limit): split it or move data out of it`,
    );
  }
}

function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
