// Secrets that an object of the same deploy will create once a controller acts on it, so a template may reference
// them before they exist. Only producers whose output name is written in the object are known:
//   cert-manager Certificate      spec.secretName
//   External Secrets ExternalSecret spec.target.name, else the ExternalSecret's own name
//   Bitnami SealedSecret          the SealedSecret's own name
// A Job or an init container may create a Secret too, but what it creates cannot be read from the manifest: the
// config check leaves such references undecided (a note) rather than predicting a failure that may not come.
import { record, text } from '../../k8s/fields.js';
import type { KubeObject } from '../../k8s/objects.js';
import { objectKey } from '../types.js';

export interface Producer {
  /** "Secret/ns/name" it will create. */
  key: string;
  /** "Certificate shop/api-tls" */
  by: string;
}

function group(obj: KubeObject): string {
  return (obj.apiVersion ?? '').split('/')[0];
}

export function secretProducedBy(obj: KubeObject): string | null {
  const spec = record(obj.spec);
  const own = obj.metadata?.name ?? '';
  if (obj.kind === 'Certificate' && group(obj) === 'cert-manager.io') return text(spec.secretName) || null;
  if (obj.kind === 'ExternalSecret' && group(obj) === 'external-secrets.io') return text(record(spec.target).name) || own || null;
  if (obj.kind === 'SealedSecret' && group(obj) === 'bitnami.com') return own || null;
  return null;
}

export function knownProducers(applied: readonly KubeObject[]): Map<string, Producer> {
  const out = new Map<string, Producer>();
  for (const obj of applied) {
    const name = secretProducedBy(obj);
    if (!name) continue;
    const namespace = obj.metadata?.namespace;
    out.set(objectKey('Secret', namespace, name), {
      key: objectKey('Secret', namespace, name),
      by: `${obj.kind} ${namespace}/${obj.metadata?.name}`,
    });
  }
  return out;
}

/** Jobs and CronJobs of the deploy, per namespace: they may create objects the plan cannot know of. */
export function jobsByNamespace(applied: readonly KubeObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const obj of applied) {
    if (obj.kind !== 'Job' && obj.kind !== 'CronJob') continue;
    const ns = obj.metadata?.namespace ?? '';
    out.set(ns, [...(out.get(ns) ?? []), `${obj.kind} ${obj.metadata?.name}`]);
  }
  return out;
}
