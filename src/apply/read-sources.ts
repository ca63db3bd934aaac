// Reads the expanded manifest sources into text: files from disk, URLs through the fetcher, each named the way every
// later message names it (a path relative to the working folder, or the URL without its credentials).
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { checkFileSize } from '../yaml-limits.js';
import type { ManifestSource } from './sources.js';
import { MANIFEST_FETCH_TIMEOUT_MS, type UrlFetcher } from './url-fetcher.js';

export interface ManifestText {
  /** How messages and annotations name the source: a relative path, or a URL. */
  name: string;
  text: string;
}

export interface ReadOptions {
  fetch: UrlFetcher;
  allowHttp: boolean;
  cwd?: string;
  /** The run's signal (its deadline, cancellation). */
  signal?: AbortSignal;
  /** When the run's deadline passes (epoch ms): no fetch may outlast it. */
  deadlineAt?: number;
}

/** Far above any real manifest file, far below what would exhaust memory while parsing. */
const MAX_MANIFEST_FILE_BYTES = 64 * 1024 * 1024;

function readFile(file: string, cwd: string): ManifestText {
  const relative = path.relative(cwd, file);
  const name = relative && !relative.startsWith('..') ? relative : file;
  try {
    checkFileSize(
      name,
      fs.statSync(file).size,
      MAX_MANIFEST_FILE_BYTES,
      'a manifest file (Kubernetes stores objects of at most about 1.5 MB)',
    );
    return { name, text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read ${name}: ${(e as Error).message}`);
  }
}

/** In the order given; the URLs are fetched at once, under one timeout that never outlasts the run's deadline. */
export async function readManifestSources(sources: ManifestSource[], o: ReadOptions): Promise<ManifestText[]> {
  const cwd = o.cwd ?? process.cwd();
  const left = o.deadlineAt === undefined ? MANIFEST_FETCH_TIMEOUT_MS : Math.max(0, o.deadlineAt - Date.now());
  const timeoutMs = Math.min(MANIFEST_FETCH_TIMEOUT_MS, left);
  const timeoutName = left < MANIFEST_FETCH_TIMEOUT_MS ? "before the run's timeout" : undefined;
  return Promise.all(
    sources.map(async (s) =>
      s.kind === 'file'
        ? readFile(s.path, cwd)
        : { name: s.shown, text: await o.fetch(s.url, { allowHttp: o.allowHttp, timeoutMs, timeoutName, signal: o.signal }) },
    ),
  );
}
