// Expands the `manifests` input (files, folders, globs and https:// URLs; one per line or comma-separated) into an
// ordered list of sources. Folders are read recursively for .yaml/.yml/.json files, in name order, like
// `kubectl apply -R -f`. URLs are only checked here (scheme, credentials); fetching them is IO (url-fetcher.ts).
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export type ManifestSource = { kind: 'file'; path: string } | { kind: 'url'; url: URL; shown: string };

export interface SourceOptions {
  /** Plain http:// URLs are refused unless this is set (input allow-http-manifests). */
  allowHttp: boolean;
}

/**
 * One entry per line or per comma, except a comma inside a brace glob such as k8s/{a,b}.yaml, and a line that is a URL
 * is one entry even when it holds commas (query strings do).
 */
export function splitList(input: string): string[] {
  const out: string[] = [];
  for (const line of input.split(/\r?\n/)) {
    if (URL_LIKE.test(line.trim())) {
      out.push(line);
      continue;
    }
    let depth = 0;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '{') depth++;
      else if (line[i] === '}' && depth > 0) depth--;
      else if (line[i] === ',' && depth === 0) {
        out.push(line.slice(start, i));
        start = i + 1;
      }
    }
    out.push(line.slice(start));
  }
  return out.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

export function isUrl(entry: string): boolean {
  return URL_LIKE.test(entry);
}

// Query parameters that usually carry a credential (GitHub raw ?token=, S3/GCS/Azure signed URLs).
const SECRET_PARAM = /token|sig|signature|secret|password|credential|key|auth/i;

/** The URL as messages and annotations show it: no user or password, credential-like query values hidden. */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.username || shown.password) {
    shown.username = '***';
    shown.password = '';
  }
  for (const name of [...shown.searchParams.keys()]) if (SECRET_PARAM.test(name)) shown.searchParams.set(name, '***');
  return shown.href;
}

export function parseManifestUrl(entry: string, options: SourceOptions): ManifestSource {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new UserError(`manifest "${entry}" looks like a URL but is not a valid one`);
  }
  const shown = displayUrl(url);
  if (url.protocol === 'http:' && !options.allowHttp) {
    throw new UserError(
      `manifest ${shown}: plain http:// is refused (anyone on the way can change what is deployed); use https://, or set allow-http-manifests: true`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`manifest ${shown}: only https:// URLs are fetched (and http:// with allow-http-manifests: true)`);
  }
  return { kind: 'url', url, shown };
}

function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

function folderFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...folderFiles(full));
    else if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

function expandPattern(pattern: string, cwd: string): string[] {
  if (isGlob(pattern)) {
    const matches = fs
      .globSync(pattern, { cwd })
      .map((m) => path.resolve(cwd, m))
      .sort();
    const expanded = matches.flatMap((m) => (fs.statSync(m).isDirectory() ? folderFiles(m) : [m]));
    if (expanded.length === 0) throw new UserError(`the glob "${pattern}" matched no manifest files (relative to ${cwd})`);
    return expanded;
  }
  const full = path.resolve(cwd, pattern);
  if (!fs.existsSync(full)) throw new UserError(`manifest path "${pattern}" does not exist (relative to ${cwd})`);
  if (!fs.statSync(full).isDirectory()) return [full];
  const inside = folderFiles(full);
  if (inside.length === 0) throw new UserError(`the folder "${pattern}" holds no .yaml, .yml or .json files`);
  return inside;
}

/** Files and URLs in the order given, each once. */
export function expandManifestSources(
  patterns: string[],
  cwd = process.cwd(),
  options: SourceOptions = { allowHttp: false },
): ManifestSource[] {
  if (patterns.length === 0) throw new UserError('no manifests given: set the manifests input (files, folders, globs or https:// URLs)');
  const seen = new Set<string>();
  const out: ManifestSource[] = [];
  for (const pattern of patterns) {
    const sources: ManifestSource[] = isUrl(pattern)
      ? [parseManifestUrl(pattern, options)]
      : expandPattern(pattern, cwd).map((file) => ({ kind: 'file', path: file }));
    for (const s of sources) {
      const key = s.kind === 'file' ? `file:${s.path}` : `url:${s.url.href}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}
