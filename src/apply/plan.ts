// Loads, parses, substitutes and validates every manifest before anything is sent: a bad document stops the run
// with nothing applied.
import { UserError } from '../errors.js';
import type { ResourceInfo } from '../kube/discovery.js';
import { parseManifest, type ManifestObject } from './parse.js';
import { addImagePullSecrets, substituteImages, type ImageSubstitution } from './images.js';
import type { ManifestText } from './read-sources.js';

export interface PlannedObject extends ManifestObject {
  resource: ResourceInfo;
}

/** Parses every source's documents, then substitutes images and adds the image pull secrets to every pod template. */
export function loadManifests(sources: ManifestText[], images: ImageSubstitution[], pullSecrets: string[] = []): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const { name, text } of sources) {
    for (const m of parseManifest(name, text)) {
      const object = addImagePullSecrets(substituteImages(m.object, images).object, pullSecrets);
      out.push({ ...m, object });
    }
  }
  if (out.length === 0) throw new UserError(`the manifests (${sources.length} source(s)) hold no Kubernetes objects`);
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
    const meta = m.object.metadata;
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
