// Loads, parses, substitutes and validates every manifest before anything is sent: a bad document stops the run
// with nothing applied.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { checkFileSize } from '../yaml-limits.js';
import type { ResourceInfo } from '../kube/discovery.js';
import { parseManifest, type ManifestObject } from './parse.js';
import { substituteImages, type ImageSubstitution } from './images.js';

export interface PlannedObject extends ManifestObject {
  resource: ResourceInfo;
}

/** Far above any real manifest file, far below what would exhaust memory while parsing. */
const MAX_MANIFEST_FILE_BYTES = 64 * 1024 * 1024;

export function loadManifests(files: string[], images: ImageSubstitution[], cwd = process.cwd()): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const file of files) {
    const relative = path.relative(cwd, file);
    const shown = relative && !relative.startsWith('..') ? relative : file;
    let text: string;
    try {
      checkFileSize(
        shown,
        fs.statSync(file).size,
        MAX_MANIFEST_FILE_BYTES,
        'a manifest file (Kubernetes stores objects of at most about 1.5 MB)',
      );
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`cannot read ${shown}: ${(e as Error).message}`);
    }
    for (const m of parseManifest(shown, text)) {
      out.push({ ...m, object: substituteImages(m.object, images).object });
    }
  }
  if (out.length === 0) throw new UserError(`the manifests (${files.length} file(s)) hold no Kubernetes objects`);
  return out;
}

export function describeObject(m: ManifestObject): string {
  const ns = m.object.metadata?.namespace ? `${m.object.metadata.namespace}/` : '';
  return `${m.object.kind} ${ns}${m.object.metadata?.name} (${m.source.file}, document ${m.source.documentIndex + 1})`;
}

/**
 * Gives namespaced objects their namespace (object's own, else the namespace input, else the kubeconfig context's,
 * else "default"), refuses a namespace on cluster-scoped objects, and refuses duplicates.
 */
export function resolveNamespaces(
  objects: PlannedObject[],
  namespaceInput: string | undefined,
  contextNamespace: string | undefined,
): PlannedObject[] {
  const seen = new Map<string, PlannedObject>();
  for (const m of objects) {
    const meta = (m.object.metadata ??= {});
    if (m.resource.namespaced) {
      if (meta.namespace && namespaceInput && meta.namespace !== namespaceInput) {
        throw new UserError(
          `${describeObject(m)} declares namespace "${meta.namespace}" but the namespace input is "${namespaceInput}": remove one of them or make them agree`,
        );
      }
      meta.namespace ??= namespaceInput ?? contextNamespace ?? 'default';
    } else if (meta.namespace) {
      delete meta.namespace; // kubectl ignores a namespace on cluster-scoped objects too
    }
    const group = m.resource.apiVersion.includes('/') ? m.resource.apiVersion.split('/')[0] : '';
    const key = `${group}/${m.object.kind}/${meta.namespace ?? ''}/${meta.name}`;
    const twin = seen.get(key);
    if (twin)
      throw new UserError(`${describeObject(m)} is declared twice: also in ${twin.source.file}, document ${twin.source.documentIndex + 1}`);
    seen.set(key, m);
  }
  return objects;
}
