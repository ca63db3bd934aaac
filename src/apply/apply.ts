// Server-side apply of the planned objects, group by group, recording for each workload what ran before and
// whether this apply changed it (the wait, the report and the rollback all start from this record).
import { UserError } from '../errors.js';
import { Cancelled, PhaseTimeout } from '../phase.js';
import type { FieldValidation, KubeClient } from '../kube/client.js';
import type { KubeObject } from '../k8s/objects.js';
import { KubeApiError } from '../kube/errors.js';
import { isSchemaRefusal } from '../kube/http.js';
import { isWorkloadKind } from '../k8s/kinds.js';
import { type AppliedWorkload, type ObjectRef } from '../model.js';
import { readBeforeState, type BeforeState } from './before.js';
import { groupForApply } from './order.js';
import { describeObject, type PlannedObject } from './plan.js';

export interface ApplyOptions {
  fieldManager: string;
  forceConflicts: boolean;
  /** Strict refuses an object with a field its schema does not know (a typo); Warn applies it and logs the warning. */
  fieldValidation?: FieldValidation;
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

/** The server refused an object after others were applied: the message says exactly which ones went in. */
export class PartialApplyError extends UserError {
  constructor(
    cause: Error,
    readonly applied: ApplyResult,
  ) {
    super(`${cause.message}. ${appliedSentence(applied.objects)}`);
    this.name = 'PartialApplyError';
  }
}

export async function applyAll(client: KubeClient, planned: PlannedObject[], options: ApplyOptions): Promise<ApplyResult> {
  const result: ApplyResult = { objects: [], workloads: [] };
  for (const group of groupForApply(planned)) {
    // Every object of the group is settled before an error is raised, so the report knows each one that went in.
    const settled = await Promise.allSettled(group.map((m) => applyOne(client, m, options)));
    for (const s of settled) {
      if (s.status !== 'fulfilled') continue;
      result.objects.push(s.value.object);
      if (s.value.workload) result.workloads.push(s.value.workload);
    }
    const refused = settled.find((s) => s.status === 'rejected');
    if (refused) {
      const cause = refused.reason instanceof Error ? refused.reason : new Error(String(refused.reason));
      // A cancelled or timed-out run is not the server refusing an object: keep its reason.
      if (!(cause instanceof UserError) || isRunAbort(cause) || result.objects.length === 0) throw cause;
      throw new PartialApplyError(cause, result);
    }
    const crds = group.filter((m) => m.object.kind === 'CustomResourceDefinition');
    await Promise.all(crds.map((m) => waitEstablished(client, m, options.crdTimeoutMs ?? 60_000)));
  }
  return result;
}

function appliedSentence(objects: AppliedObject[]): string {
  const list = objects.map(
    (o) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} (${o.created ? 'created' : o.changed ? 'configured' : 'unchanged'})`,
  );
  return `Applied before the refusal, and left as applied (not waited for, not rolled back): ${list.join(', ')}`;
}

async function applyOne(client: KubeClient, m: PlannedObject, options: ApplyOptions) {
  const { kind, apiVersion } = m.object as { kind: string; apiVersion: string };
  const { name, namespace } = m.object.metadata as { name: string; namespace?: string };
  let before: BeforeState;
  let after: KubeObject;
  try {
    before = await readBeforeState(client, apiVersion, kind, namespace, name);
    after = await client.apply(m.object, options.fieldManager, options.forceConflicts, { fieldValidation: options.fieldValidation });
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

function isRunAbort(e: unknown): boolean {
  return e instanceof Cancelled || e instanceof PhaseTimeout;
}

function explainApplyError(e: unknown, m: PlannedObject): Error {
  if (isRunAbort(e)) return e as Error;
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
  if (e.status === 400 && /unknown field|duplicate field|strict decoding error/i.test(e.apiMessage)) {
    return new UserError(
      `${what} is invalid: ${e.apiMessage}: fix the field name (kubectl explain shows the schema), or set field-validation: Warn to apply it with the field dropped`,
    );
  }
  if (isSchemaRefusal(e)) {
    const field = /(\.[\w.[\]-]+): field not declared in schema/.exec(e.apiMessage)?.[1];
    return new UserError(
      `${what} is invalid: ${field ? `${field.slice(1)} is not a field of ${m.object.kind} ${m.object.apiVersion}` : e.apiMessage} (the API server refuses unknown fields in server-side apply): fix the field name or its indentation; kubectl explain shows the schema`,
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
