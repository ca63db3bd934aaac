// Server-side apply of the planned objects, group by group, recording for each workload what ran before and
// whether this apply changed it (the wait, the report and the rollback all start from this record).
import { UserError } from '../errors.js';
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../k8s/objects.js';
import { KubeApiError } from '../kube/errors.js';
import { isWorkloadKind } from '../k8s/kinds.js';
import { type AppliedWorkload, type ObjectRef } from '../model.js';
import { readBeforeState, type BeforeState } from './before.js';
import { groupForApply } from './order.js';
import { describeObject, type PlannedObject } from './plan.js';

export interface ApplyOptions {
  fieldManager: string;
  forceConflicts: boolean;
  log: (line: string) => void;
  /** How long to wait for an applied CRD to be Established. */
  crdTimeoutMs?: number;
}

export interface AppliedObject extends ObjectRef {
  changed: boolean;
  created: boolean;
}

export interface ApplyResult {
  objects: AppliedObject[];
  workloads: AppliedWorkload[];
}

export async function applyAll(client: KubeClient, planned: PlannedObject[], options: ApplyOptions): Promise<ApplyResult> {
  const result: ApplyResult = { objects: [], workloads: [] };
  for (const group of groupForApply(planned)) {
    const applied = await Promise.all(group.map((m) => applyOne(client, m, options)));
    for (const a of applied) {
      result.objects.push(a.object);
      if (a.workload) result.workloads.push(a.workload);
    }
    const crds = group.filter((m) => m.object.kind === 'CustomResourceDefinition');
    await Promise.all(crds.map((m) => waitEstablished(client, m, options.crdTimeoutMs ?? 60_000)));
  }
  return result;
}

async function applyOne(client: KubeClient, m: PlannedObject, options: ApplyOptions) {
  const { kind, apiVersion } = m.object as { kind: string; apiVersion: string };
  const { name, namespace } = m.object.metadata as { name: string; namespace?: string };
  let before: BeforeState;
  let after: KubeObject;
  try {
    before = await readBeforeState(client, apiVersion, kind, namespace, name);
    after = await client.apply(m.object, options.fieldManager, options.forceConflicts);
  } catch (e) {
    throw explainApplyError(e, m);
  }
  const changed =
    !before.exists ||
    (isWorkloadKind(kind)
      ? (after.metadata?.generation ?? 0) !== before.generation
      : after.metadata?.resourceVersion !== before.resourceVersion);
  const ref = `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
  options.log(`${ref} ${!before.exists ? 'created' : changed ? 'configured' : 'unchanged'}`);
  const object: AppliedObject = { apiVersion, kind, namespace, name, changed, created: !before.exists };
  if (!isWorkloadKind(kind)) return { object };
  const workload: AppliedWorkload = {
    kind,
    namespace: namespace ?? '',
    name,
    changed,
    existedBefore: before.exists,
    revisionBefore: before.revision,
    generationBefore: before.generation,
    generationAfter: after.metadata?.generation ?? null,
    templateBefore: before.template,
    templateAfter: (after as any).spec?.template ?? null,
    source: m.source,
  };
  return { object, workload };
}

function explainApplyError(e: unknown, m: PlannedObject): Error {
  const what = describeObject(m);
  if (!(e instanceof KubeApiError)) return e instanceof UserError ? new UserError(`${what}: ${e.message}`) : (e as Error);
  if (e.status === 404 && /namespaces? "[^"]+" not found/.test(e.apiMessage)) {
    return new UserError(
      `${what}: namespace "${m.object.metadata?.namespace}" does not exist: create it first or add a Namespace manifest to the deploy`,
    );
  }
  if (e.status === 409 && /conflict/i.test(e.apiMessage)) {
    return new UserError(
      `${what}: ${e.apiMessage}. Another field manager owns these fields: change them there, or set force-conflicts: true to take them over`,
    );
  }
  if (e.status === 422 || e.status === 400) return new UserError(`${what} is invalid: ${e.apiMessage}`);
  return new UserError(`${what}: ${e.message}`);
}

async function waitEstablished(client: KubeClient, m: PlannedObject, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const crd = await client.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, m.object.metadata!.name);
    if ((crd?.status?.conditions ?? []).some((c: any) => c.type === 'Established' && c.status === 'True')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new UserError(`${describeObject(m)} was applied but did not become Established within ${timeoutMs / 1000}s`);
}
