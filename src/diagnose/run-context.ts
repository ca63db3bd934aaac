// What the deploy itself brings that can resolve a failure by itself: objects whose controllers create a Secret or
// ConfigMap the new pods wait for (a cert-manager Certificate issues its TLS Secret, an ExternalSecret syncs its
// target...), and admission webhooks whose backends start in the same deploy. A pod waiting on one of those is not
// doomed: it waits for something this very deploy set in motion.
import type { KubeObject } from '../k8s/objects.js';
import { record, records, text } from '../k8s/fields.js';

export interface RunContext {
  /** "Secret/namespace/name" (or ConfigMap/...) -> the object of this deploy that creates it, as a person names it. */
  producers: ReadonlyMap<string, string>;
  /** Names of the admission webhooks this deploy applies (webhooks[].name of its webhook configurations). */
  webhooks: ReadonlySet<string>;
}

export const EMPTY_RUN: RunContext = { producers: new Map(), webhooks: new Set() };

type Producer = (obj: KubeObject) => { kind: 'Secret' | 'ConfigMap'; name: string } | null;

const spec = (obj: KubeObject) => record(obj.spec);

/** Group/kind -> the Secret its controller writes. Each entry names the field its documentation defines. */
const PRODUCERS: Record<string, Producer> = {
  // cert-manager: Certificate.spec.secretName
  'cert-manager.io/Certificate': (o) => named('Secret', text(spec(o).secretName)),
  // External Secrets Operator: spec.target.name, defaulting to the ExternalSecret's own name
  'external-secrets.io/ExternalSecret': (o) => named('Secret', text(record(spec(o).target).name) || (o.metadata?.name ?? '')),
  // Bitnami Sealed Secrets: the Secret takes the SealedSecret's name
  'bitnami.com/SealedSecret': (o) => named('Secret', o.metadata?.name ?? ''),
  // Vault Secrets Operator: spec.destination.name
  'secrets.hashicorp.com/VaultStaticSecret': (o) => named('Secret', text(record(spec(o).destination).name)),
  'secrets.hashicorp.com/VaultDynamicSecret': (o) => named('Secret', text(record(spec(o).destination).name)),
};

function named(kind: 'Secret' | 'ConfigMap', name: string) {
  return name ? { kind, name } : null;
}

function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  return v.includes('/') ? v.slice(0, v.lastIndexOf('/')) : '';
}

export function runContextOf(objects: readonly KubeObject[]): RunContext {
  const producers = new Map<string, string>();
  const webhooks = new Set<string>();
  for (const obj of objects) {
    const kind = obj.kind ?? '';
    const produced = PRODUCERS[`${groupOf(obj.apiVersion)}/${kind}`]?.(obj);
    const namespace = obj.metadata?.namespace ?? '';
    if (produced) producers.set(`${produced.kind}/${namespace}/${produced.name}`, `${kind} ${namespace}/${obj.metadata?.name ?? ''}`);
    if (kind === 'ValidatingWebhookConfiguration' || kind === 'MutatingWebhookConfiguration') {
      for (const w of records(obj.webhooks)) if (text(w.name)) webhooks.add(text(w.name));
    }
  }
  return { producers, webhooks };
}
