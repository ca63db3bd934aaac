// What the deploy itself brings that can resolve a failure by itself: objects whose controllers create a Secret or
// ConfigMap the new pods wait for (a cert-manager Certificate issues its TLS Secret, an ExternalSecret syncs its
// target...), and admission webhooks whose backends start in the same deploy. A pod waiting on one of those is not
// doomed: it waits for something this very deploy set in motion. The same holds for an app that crashes until a
// database of the same deploy answers: the Services of the deploy that lead to its workloads, and the configuration
// it brings, say which app names which database (see dependencies.ts).
import { describeRef, type KubeObject } from '../k8s/objects.js';
import { record, records, text } from '../k8s/fields.js';
import { configDataOf } from '../k8s/config-data.js';
import { isWorkloadKind, type WorkloadRef } from '../k8s/kinds.js';
import { podLabelsOf, selectsLabels, serviceSelector, type LabelSet } from '../k8s/services.js';

/** A Service of the deploy whose selector selects the pods of a workload of the same deploy. */
export interface RunService {
  namespace: string;
  name: string;
  selector: LabelSet;
  /** The workload behind it, as a person names it: "StatefulSet shop/db". */
  workload: string;
  ref: WorkloadRef;
}

export interface RunContext {
  /** "Secret/namespace/name" (or ConfigMap/...) -> the object of this deploy that creates it, as a person names it. */
  producers: ReadonlyMap<string, string>;
  /** Names of the admission webhooks this deploy applies (webhooks[].name of its webhook configurations). */
  webhooks: ReadonlySet<string>;
  /** Services that lead to a workload of this deploy (the first workload they select, in the deploy's order). */
  services: readonly RunService[];
  /** "ConfigMap/namespace/name" or "Secret/namespace/name" -> its data as text. Secret values: for matching only. */
  config: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

export const EMPTY_RUN: RunContext = { producers: new Map(), webhooks: new Set(), services: [], config: new Map() };

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

function servicesOf(objects: readonly KubeObject[]): RunService[] {
  const workloads = objects.filter((o) => isWorkloadKind(o.kind));
  const services: RunService[] = [];
  for (const svc of objects.filter((o) => o.kind === 'Service' && (o.apiVersion ?? 'v1') === 'v1')) {
    const selector = serviceSelector(svc);
    const namespace = svc.metadata?.namespace ?? '';
    if (!selector) continue;
    const target = workloads.find(
      (w) => (w.metadata?.namespace ?? '') === namespace && selectsLabels(selector, podLabelsOf(w) ?? undefined),
    );
    if (!target || !isWorkloadKind(target.kind)) continue;
    const ref: WorkloadRef = { kind: target.kind, namespace, name: target.metadata?.name ?? '' };
    services.push({ namespace, name: svc.metadata?.name ?? '', selector, workload: describeRef(ref), ref });
  }
  return services;
}

export function runContextOf(objects: readonly KubeObject[]): RunContext {
  const producers = new Map<string, string>();
  const webhooks = new Set<string>();
  const config = new Map<string, Readonly<Record<string, string>>>();
  for (const obj of objects) {
    const kind = obj.kind ?? '';
    const produced = PRODUCERS[`${groupOf(obj.apiVersion)}/${kind}`]?.(obj);
    const namespace = obj.metadata?.namespace ?? '';
    if (produced) producers.set(`${produced.kind}/${namespace}/${produced.name}`, `${kind} ${namespace}/${obj.metadata?.name ?? ''}`);
    if (kind === 'ValidatingWebhookConfiguration' || kind === 'MutatingWebhookConfiguration') {
      for (const w of records(obj.webhooks)) if (text(w.name)) webhooks.add(text(w.name));
    }
    if ((kind === 'ConfigMap' || kind === 'Secret') && obj.apiVersion === 'v1')
      config.set(`${kind}/${namespace}/${obj.metadata?.name ?? ''}`, configDataOf(obj));
  }
  return { producers, webhooks, services: servicesOf(objects), config };
}
