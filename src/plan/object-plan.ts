// One object's line in the plan: create, change (with the fields), unchanged or refused; and the workloads among the
// objects as the checks see them.
import { stableJson } from '../diagnose/change/render.js';
import { isWorkloadKind } from '../k8s/kinds.js';
import type { Workload } from '../k8s/objects.js';
import { diffObject } from './object-diff.js';
import { secretKeyChanges } from './secret-keys.js';
import type { DryRunObject, ObjectPlan, PlannedWorkload } from './types.js';
import { templateOf } from './workload-facts.js';

export function objectPlan(o: DryRunObject, fieldManager: string): ObjectPlan {
  const base = { apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace, name: o.name, source: o.source };
  if (o.refused) return { ...base, action: 'refused', changes: [], note: o.refused.message };
  const after = o.after ?? o.manifest;
  if (!o.live) {
    // A new object is all in the manifest; only a Secret's keys are listed, as its values never are.
    const changes = o.kind === 'Secret' ? secretKeyChanges(null, after) : [];
    return { ...base, action: 'create', changes, ...(o.skipped ? { note: o.skipped } : {}) };
  }
  const changes = diffObject(o.live, after, fieldManager);
  return { ...base, action: changes.length ? 'change' : 'unchanged', changes, ...(o.skipped ? { note: o.skipped } : {}) };
}

/** The workloads of the deploy that the apply would store; a refused one never gets that far. */
export function plannedWorkloads(objects: DryRunObject[], plans: ObjectPlan[]): PlannedWorkload[] {
  return objects.flatMap((o, i) => {
    if (o.refused || !isWorkloadKind(o.kind)) return [];
    const after = (o.after ?? o.manifest) as Workload;
    const live = o.live as Workload | null;
    const templateChanged = !live || stableJson(templateOf(live) ?? null) !== stableJson(templateOf(after) ?? null);
    return [
      {
        ref: { kind: o.kind, namespace: o.namespace ?? '', name: o.name },
        action: plans[i].action,
        live,
        after,
        templateChanged,
        preview: { state: 'skipped', reason: 'not previewed' },
        warnings: o.warnings,
        source: o.source,
      } satisfies PlannedWorkload,
    ];
  });
}
