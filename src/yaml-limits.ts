// YAML from users (manifests, dumps) is turned into plain values with the same limits everywhere: aliases are capped
// (a 1 KB "billion laughs" file would otherwise expand to gigabytes), and a failure names the file and document.
import type { Document } from 'yaml';
import { UserError } from './errors.js';

/** The yaml library's own default: real manifests and kubectl dumps use no aliases at all. */
export const MAX_ALIAS_COUNT = 100;

export function documentToJS(doc: Document.Parsed, where: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new UserError(
        `${where} uses YAML aliases (*name) that expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions): write the values out, without anchors and aliases`,
      );
    }
    throw new UserError(`${where} cannot be read as YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Refuses a file above `maxBytes` before reading it into memory. */
export function checkFileSize(file: string, bytes: number, maxBytes: number, what: string): void {
  if (bytes > maxBytes) {
    throw new UserError(`${file} is ${(bytes / 1024 / 1024).toFixed(0)} MiB; ${what} may be at most ${maxBytes / 1024 / 1024} MiB`);
  }
}
