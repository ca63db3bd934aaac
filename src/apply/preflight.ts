// Before the first write: reads every object that exists, settles who owns what, and builds the object each apply
// sends. A dry-run apply (nothing stored) of each existing object that someone else has written, or that gets a
// trace, collects the conflicts; each is taken over, left to its owner, or stops the run, and a run that stops has
// written nothing. The same dry run tells whether the apply changes a workload's pod template (a new revision),
// which decides whether the workload gets this run's trace.
import { UserError } from '../errors.js';
import type { FieldValidation, KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/errors.js';
import { isWorkloadKind, WORKLOADS } from '../k8s/kinds.js';
import { crdOf, type KubeObject } from '../k8s/objects.js';
import { entryOwnsField, hasOtherWriters, managedFieldsOf } from '../k8s/managed-fields.js';
import { record } from '../k8s/fields.js';
import { semanticEqual } from '../k8s/semantic-equal.js';
import { removeFieldPath } from '../k8s/field-path.js';
import type { ApplyNotice, FieldLeftOut, FieldTakeover } from '../model.js';
import { readBeforeState, type BeforeState } from './before.js';
import { conflictsFromDetails, type FieldConflict } from './conflicts.js';
import { blockedMessage, decideConflicts, describeOwner, takeoverOf, type ConflictDecision } from './conflict-decisions.js';
import { readScalers } from './hpa-scalers.js';
import { GATE_DEFAULT_MANAGER, type ConflictsMode } from './ownership.js';
import { describeObject, type PlannedObject } from './plan.js';
import { decideReplicas } from './replicas.js';
import { TRACE_ANNOTATIONS, withLiveTrace, withTrace, type RunTrace } from './trace.js';
import { explainApplyError } from './apply-errors.js';
import { hpasScaling } from '../k8s/hpa.js';

export interface ApplyPolicy {
  fieldManager: string;
  /** Strict refuses an object with a field its schema does not know (a typo); Warn applies it and logs the warning. */
  fieldValidation?: FieldValidation;
  conflicts: ConflictsMode;
  respectHpa: boolean;
  /** The trace to stamp on changed workloads; null with annotate: false. */
  trace: RunTrace | null;
  log: (line: string) => void;
}

export interface PreparedObject {
  planned: PlannedObject;
  /** What ran before; null when the object's kind comes from a CRD this run applies (read after that CRD). */
  before: BeforeState | null;
  /** What the apply sends. */
  object: KubeObject;
  force: boolean;
  takeovers: FieldTakeover[];
  leftOut: FieldLeftOut[];
  notices: ApplyNotice[];
}

interface Blocked {
  what: string;
  decisions: ConflictDecision[];
}

type Prepared = PreparedObject | { blocked: Blocked };

export function objectId(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  return `${obj.kind}/${ns ? `${ns}/` : ''}${obj.metadata?.name}`;
}

const shortName = (obj: KubeObject) => `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name}`;

// Kinds served by a CRD that this same run applies cannot be read before that CRD is in place.
function definedByPlannedCrd(m: PlannedObject, planned: readonly PlannedObject[]): boolean {
  const group = m.resource.apiVersion.split('/')[0];
  return planned.some((p) => crdOf(p.object)?.spec?.group === group && crdOf(p.object)?.spec?.names?.kind === m.object.kind);
}

export async function prepareApply(client: KubeClient, planned: PlannedObject[], policy: ApplyPolicy): Promise<PreparedObject[]> {
  const scalers = await readScalers(client, planned);
  const results = await Promise.all(
    planned.map((m) => {
      if (definedByPlannedCrd(m, planned)) return deferred(m, policy);
      return prepareOne(client, m, policy, scalers.list).catch((e) => {
        throw explainApplyError(e, m);
      });
    }),
  );
  const blocked = results.flatMap((r) => ('blocked' in r ? [r.blocked] : []));
  if (blocked.length) throw new UserError(blockedMessage(blocked, policy.conflicts));
  const prepared = results as PreparedObject[];
  if (scalers.notice) prepared[0]?.notices.push({ message: scalers.notice });
  return prepared;
}

function deferred(m: PlannedObject, policy: ApplyPolicy): PreparedObject {
  return { planned: m, before: null, object: m.object, force: policy.conflicts === 'force', takeovers: [], leftOut: [], notices: [] };
}

async function prepareOne(client: KubeClient, m: PlannedObject, policy: ApplyPolicy, hpas: readonly KubeObject[]): Promise<Prepared> {
  const { apiVersion, kind } = m.object as { apiVersion: string; kind: string };
  const { name, namespace } = m.object.metadata as { name: string; namespace?: string };
  const before = await readBeforeState(client, apiVersion, kind, namespace, name);
  const live = before.object;
  const out: PreparedObject = {
    planned: m,
    before,
    object: m.object,
    force: policy.conflicts === 'force',
    takeovers: [],
    leftOut: [],
    notices: [],
  };

  if (isWorkloadKind(kind) && WORKLOADS[kind].scalable) {
    const replicas = decideReplicas({
      desired: out.object,
      live,
      hpas: hpasScaling({ apiVersion, kind, namespace: namespace ?? '', name }, hpas),
      respectHpa: policy.respectHpa,
      fieldManager: policy.fieldManager,
      objectId: objectId(m.object),
      what: shortName(m.object),
    });
    out.object = replicas.object;
    if (replicas.leftOut) out.leftOut.push(replicas.leftOut);
    if (replicas.notice) out.notices.push({ message: replicas.notice, source: m.source });
  }

  const declared = m.object.metadata?.annotations ?? {};
  const trace = isWorkloadKind(kind) ? policy.trace : null;
  if (!live) {
    if (trace) out.object = withTrace(out.object, trace, declared);
    return out;
  }
  // First with the trace the live object already has: whether the pod template changes must not depend on the
  // trace itself (a Deployment's generation even moves with its annotations: k8s.io/kubernetes
  // pkg/registry/apps/deployment/strategy.go, PrepareForUpdate).
  if (trace) out.object = withLiveTrace(out.object, live, declared);
  if (!(trace || hasOtherWriters(live, policy.fieldManager))) return out;

  const settled = await settle(client, m, out, live, policy);
  if (settled.kind !== 'ok') return settled.kind === 'blocked' ? { blocked: settled.blocked } : unsupported(out, settled.reason, policy);
  // A new pod template is a new revision: it gets this run's trace. Anything less keeps the running revision's.
  if (trace && !semanticEqual(record(settled.dry.spec).template, record(live.spec).template)) {
    out.object = withTrace(out.object, trace, declared);
    if (othersHoldTrace(live, policy.fieldManager)) {
      const again = await settle(client, m, out, live, policy);
      if (again.kind === 'blocked') return { blocked: again.blocked };
    }
  }
  return out;
}

function unsupported(out: PreparedObject, reason: string, policy: ApplyPolicy): PreparedObject {
  policy.log(
    `${shortName(out.planned.object)}: the API server refused a dry run (${reason}); applying without checking field ownership first`,
  );
  return out;
}

/** Whether anyone but the gate's own apply holds one of the trace annotations (then stamping may conflict). */
function othersHoldTrace(live: KubeObject, fieldManager: string): boolean {
  return managedFieldsOf(live).some(
    (e) =>
      !(e.manager === fieldManager && e.operation === 'Apply') &&
      TRACE_ANNOTATIONS.some((key) => entryOwnsField(e, ['metadata', 'annotations', key])),
  );
}

type Settled = { kind: 'ok'; dry: KubeObject } | { kind: 'blocked'; blocked: Blocked } | { kind: 'unsupported'; reason: string };

/**
 * Dry-runs `out.object` without force, so every conflict is seen (also under conflicts: force, whose takeovers are
 * reported too); decides each one and updates `out` (fields left out, takeovers, force), or says the run must stop.
 * A second dry run, with the force the decisions call for, confirms that what is left applies.
 */
async function settle(client: KubeClient, m: PlannedObject, out: PreparedObject, live: KubeObject, policy: ApplyPolicy): Promise<Settled> {
  const first = await dryRun(client, out.object, policy, false);
  if (first.kind !== 'conflicts') return first;
  const gateManagers = [policy.fieldManager, GATE_DEFAULT_MANAGER];
  const decisions = decideConflicts(first.conflicts, live, out.object, policy.conflicts, gateManagers);
  if (decisions.some((d) => d.resolution === 'stop')) return { kind: 'blocked', blocked: { what: describeObject(m), decisions } };
  const object = structuredClone(out.object);
  const known = new Set(out.takeovers.map((t) => t.field));
  for (const d of decisions) {
    if (d.resolution === 'take' && !known.has(d.conflict.field)) out.takeovers.push(takeoverOf(objectId(m.object), d));
    if (d.resolution === 'leave-out' && d.path && removeFieldPath(object, d.path)) {
      const owner = describeOwner({ ...d.conflict, subresource: d.conflict.subresource || null, time: d.time });
      out.leftOut.push({
        object: objectId(m.object),
        field: d.conflict.field,
        owner,
        reason: 'controller',
        live: d.found,
        manifest: d.applied,
      });
    }
  }
  out.object = object;
  out.force = policy.conflicts === 'force' || out.takeovers.length > 0;
  const second = await dryRun(client, out.object, policy, out.force);
  if (second.kind !== 'conflicts') return second;
  // Something still conflicts after the decisions (a field changed hands meanwhile): ask the person.
  const again = decideConflicts(second.conflicts, live, out.object, 'stop', gateManagers);
  return { kind: 'blocked', blocked: { what: describeObject(m), decisions: again } };
}

type DryRun = { kind: 'ok'; dry: KubeObject } | { kind: 'conflicts'; conflicts: FieldConflict[] } | { kind: 'unsupported'; reason: string };

async function dryRun(client: KubeClient, obj: KubeObject, policy: ApplyPolicy, force: boolean): Promise<DryRun> {
  try {
    return {
      kind: 'ok',
      dry: await client.apply(obj, policy.fieldManager, force, { dryRun: true, fieldValidation: policy.fieldValidation }),
    };
  } catch (e) {
    if (e instanceof KubeApiError && e.status === 409) {
      const conflicts = conflictsFromDetails(e.details);
      if (conflicts.length) return { kind: 'conflicts', conflicts };
    }
    // An admission webhook with side effects refuses dry runs; the real apply still works.
    if (e instanceof KubeApiError && e.status === 400 && /dry ?run/i.test(e.apiMessage))
      return { kind: 'unsupported', reason: e.apiMessage };
    throw e;
  }
}
