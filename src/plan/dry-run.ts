// The plan's writes, all with dryRun=All: every object through server-side apply with our field manager (admission,
// validation and defaulting run, nothing is stored), next to the live object it would change. Objects in a namespace
// this deploy creates, and custom resources whose CRD it brings, cannot be dry-run before those exist: they are
// planned from their manifest alone, and say so. What goes to the dry run is what the deploy would send (as-deployed.ts).
import type { PlannedObject } from '../apply/plan.js';
import { groupForApply } from '../apply/order.js';
import type { FieldValidation, KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import type { KubeObject } from '../k8s/objects.js';
import type { DryRunObject } from './types.js';
import { readScalers } from '../apply/hpa-scalers.js';
import { asDeployed } from './as-deployed.js';

export interface DryRunOptions {
  fieldManager: string;
  forceConflicts: boolean;
  fieldValidation?: FieldValidation;
  respectHpa: boolean;
  annotate: boolean;
}

interface Shared {
  options: DryRunOptions;
  newNamespaces: Set<string>;
  newKinds: Set<string>;
  hpas: readonly KubeObject[];
}

export async function dryRunObjects(client: KubeClient, planned: PlannedObject[], options: DryRunOptions): Promise<DryRunObject[]> {
  const results = new Map<PlannedObject, DryRunObject>();
  const newNamespaces = new Set<string>();
  const scalers = await readScalers(client, planned);
  const shared: Shared = { options, newNamespaces, newKinds: kindsOfCrds(planned), hpas: scalers.list };
  // In apply order, so a Namespace's own dry run says whether the objects in it can be dry-run.
  for (const group of groupForApply(planned)) {
    const done = await Promise.all(group.map((m) => dryRunOne(client, m, shared)));
    group.forEach((m, i) => results.set(m, done[i]));
    for (const r of done) if (r.kind === 'Namespace' && !r.live && !r.refused) newNamespaces.add(r.name);
  }
  return planned.map((m) => results.get(m)!);
}

/** "group/Kind" of the custom resources the deploy's own CRDs define. */
function kindsOfCrds(planned: PlannedObject[]): Set<string> {
  const kinds = new Set<string>();
  for (const { object: o } of planned) if (o.kind === 'CustomResourceDefinition') kinds.add(`${o.spec?.group}/${o.spec?.names?.kind}`);
  return kinds;
}

async function dryRunOne(client: KubeClient, m: PlannedObject, shared: Shared): Promise<DryRunObject> {
  const { options, newNamespaces, newKinds } = shared;
  const obj = m.object as KubeObject & { apiVersion: string; kind: string };
  const namespace = m.resource.namespaced ? obj.metadata?.namespace : undefined;
  const name = obj.metadata?.name ?? '';
  const base: DryRunObject = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    namespace,
    name,
    manifest: obj,
    live: null,
    after: null,
    warnings: [],
    source: m.source,
  };
  if (namespace && newNamespaces.has(namespace))
    return { ...base, skipped: `not dry-run: its namespace ${namespace} is created by this deploy` };
  try {
    await client.resource(obj.apiVersion, obj.kind);
  } catch (e) {
    // Discovery found the kind only in a CRD manifest of this deploy (apply/resolve.ts): it is not served yet.
    if (!newKinds.has(`${obj.apiVersion.split('/')[0]}/${obj.kind}`)) throw e;
    return {
      ...base,
      skipped: `not dry-run: its kind ${obj.kind} (${obj.apiVersion}) comes with a CustomResourceDefinition of this deploy`,
    };
  }
  try {
    base.live = await client.get(obj.apiVersion, obj.kind, namespace, name);
  } catch (e) {
    // Without read access the dry run still says what the server would do; the access review names the permission.
    if (!(e instanceof KubeApiError && e.status === 403)) throw e;
  }
  const sent = asDeployed({
    manifest: obj,
    live: base.live,
    hpas: shared.hpas,
    respectHpa: options.respectHpa,
    fieldManager: options.fieldManager,
    annotate: options.annotate,
  });
  if (sent.notice) base.warnings.push(sent.notice);
  try {
    const after = await client.apply(sent.object, options.fieldManager, options.forceConflicts, {
      dryRun: true,
      fieldValidation: options.fieldValidation,
      onWarning: (w) => base.warnings.push(w),
    });
    return { ...base, after };
  } catch (e) {
    if (e instanceof KubeApiError && e.status >= 400 && e.status < 500)
      return { ...base, refused: { status: e.status, message: e.apiMessage || e.message } };
    throw e;
  }
}
