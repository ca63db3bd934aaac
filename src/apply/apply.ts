// Server-side apply of the planned objects, group by group, after the ownership check (preflight.ts) settled what
// each apply sends; records for each workload what ran before and whether this apply changed it (the wait, the
// report and the rollback all start from this record).
import type { KubeClient } from '../kube/client.js';
import type { CustomResourceDefinition, KubeObject } from '../k8s/objects.js';
import { conditionOf } from '../k8s/fields.js';
import { isWorkloadKind } from '../k8s/kinds.js';
import type { AppliedWorkload, ApplyNotice, FieldLeftOut, FieldTakeover, ObjectRef } from '../model.js';
import { readBeforeState, type BeforeState } from './before.js';
import { describeOwner, showValue } from './conflict-decisions.js';
import { explainApplyError, isRunAbort } from './apply-errors.js';
import { groupForApply } from './order.js';
import { describeObject, type PlannedObject } from './plan.js';
import { prepareApply, type ApplyPolicy, type PreparedObject } from './preflight.js';
import { UserError } from '../errors.js';

export interface ApplyOptions extends ApplyPolicy {
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
  takeovers: FieldTakeover[];
  leftOut: FieldLeftOut[];
  notices: ApplyNotice[];
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
  const prepared = await prepareApply(client, planned, options);
  const result: ApplyResult = { objects: [], workloads: [], takeovers: [], leftOut: [], notices: [] };
  for (const p of prepared) {
    result.leftOut.push(...p.leftOut);
    for (const n of p.notices) {
      result.notices.push(n);
      options.log(`warning: ${n.message}`);
    }
  }
  for (const group of groupForApply(prepared)) {
    // Every object of the group is settled before an error is raised, so the report knows each one that went in.
    const settled = await Promise.allSettled(group.map((p) => applyOne(client, p, options)));
    for (const [i, s] of settled.entries()) {
      if (s.status !== 'fulfilled') continue;
      result.objects.push(s.value.object);
      result.takeovers.push(...group[i].takeovers);
      if (s.value.workload) result.workloads.push(s.value.workload);
    }
    const refused = settled.find((s) => s.status === 'rejected');
    if (refused) {
      const cause = refused.reason instanceof Error ? refused.reason : new Error(String(refused.reason));
      // A cancelled or timed-out run is not the server refusing an object: keep its reason.
      if (!(cause instanceof UserError) || isRunAbort(cause) || result.objects.length === 0) throw cause;
      throw new PartialApplyError(cause, result);
    }
    const crds = group.filter((p) => p.object.kind === 'CustomResourceDefinition');
    await Promise.all(crds.map((p) => waitEstablished(client, p.planned, options.crdTimeoutMs ?? 60_000)));
  }
  return result;
}

function appliedSentence(objects: AppliedObject[]): string {
  const list = objects.map(
    (o) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name} (${o.created ? 'created' : o.changed ? 'configured' : 'unchanged'})`,
  );
  return `Applied before the refusal, and left as applied (not waited for, not rolled back): ${list.join(', ')}`;
}

async function applyOne(client: KubeClient, p: PreparedObject, options: ApplyOptions) {
  const { kind, apiVersion } = p.object as { kind: string; apiVersion: string };
  const { name, namespace } = p.object.metadata as { name: string; namespace?: string };
  let before: BeforeState;
  let after: KubeObject;
  try {
    before = p.before ?? (await readBeforeState(client, apiVersion, kind, namespace, name));
    after = await client.apply(p.object, options.fieldManager, p.force, { fieldValidation: options.fieldValidation });
  } catch (e) {
    throw explainApplyError(e, p.planned);
  }
  const changed =
    !before.exists ||
    (isWorkloadKind(kind)
      ? (after.metadata?.generation ?? 0) !== before.generation
      : after.metadata?.resourceVersion !== before.resourceVersion);
  const ref = `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
  options.log(`${ref} ${!before.exists ? 'created' : changed ? 'configured' : 'unchanged'}`);
  for (const t of p.takeovers) {
    options.log(`${ref}: took over ${t.field} from ${describeOwner(t)}: ${showValue(t.found)} -> ${showValue(t.applied)}`);
  }
  for (const l of p.leftOut) options.log(`${ref}: left ${l.field} to ${l.owner}: it keeps ${showValue(l.live)}`);
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
    templateAfter: (after as { spec?: { template?: unknown } }).spec?.template ?? null,
    applied: p.object,
    source: p.planned.source,
  };
  return { object, workload };
}

/** Polls the CRD's Established condition (a wait for the API server, not a retry: each read retries in KubeHttp). */
async function waitEstablished(client: KubeClient, m: PlannedObject, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const crd = await client.get<CustomResourceDefinition>(
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
      undefined,
      m.object.metadata.name,
    );
    if (conditionOf(crd?.status?.conditions, 'Established')?.status === 'True') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new UserError(`${describeObject(m)} was applied but did not become Established within ${timeoutMs / 1000}s`);
}
