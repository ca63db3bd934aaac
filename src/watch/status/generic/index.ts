// kstatus (sigs.k8s.io/cli-utils pkg/kstatus/status, status.go Compute) for every object the run applies that is
// not a workload: the generic properties first, then the kind's own rule, then the Ready condition, and "current"
// when nothing speaks. docs/kstatus.md lists each rule, its source, and where the gate deliberately differs.
import { groupKindOf } from '../viewer-for.js';
import { genericProperties, readyCondition, resourceIsCurrent } from './conditions.js';
import { kindRule } from './kinds.js';
import type { ObjectStatus, ObjectStatusOptions } from './object-status.js';
import { workloadStatus } from './workloads.js';

export type { ObjectState, ObjectStatus, ObjectStatusOptions } from './object-status.js';
export { awaitsFirstStatus, noStatusYet } from './first-status.js';

/** The verdict for one applied object, from the object alone (plus what `options` says about the cluster). */
export function objectStatus(obj: unknown, options: ObjectStatusOptions): ObjectStatus {
  const workload = workloadStatus(obj);
  if (workload) return workload;
  const generic = genericProperties(obj);
  if (generic) return generic;
  const rule = kindRule(groupKindOf(obj));
  if (rule) return rule(obj, options);
  return readyCondition(obj) ?? resourceIsCurrent();
}
