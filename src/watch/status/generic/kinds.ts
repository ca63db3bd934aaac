// Which kinds have a rule of their own, keyed like kstatus's legacyTypes (sigs.k8s.io/cli-utils
// pkg/kstatus/status/core.go): "group/Kind", or the bare kind in the core group. Secret, ConfigMap and CronJob are
// kstatus's alwaysReady: nothing reconciles them, so they are current as soon as they exist. The rest are here
// because kstatus has a rule (PVC, Service, ReplicaSet, PDB, CRD) or because the issue asks for one it lacks
// (APIService). ReplicationController is a workload kind (workloads.ts). Kinds not listed fall back to the Ready
// condition, then to current.
import type { GroupKind } from '../viewer-for.js';
import { apiServiceStatus, crdStatus } from './api-registration.js';
import { current, type ObjectStatus, type ObjectStatusOptions } from './object-status.js';
import { pdbStatus } from './pdb.js';
import { pvcStatus } from './pvc.js';
import { replicasStatus } from './replicas.js';
import { serviceStatus } from './service.js';

export type KindRule = (obj: unknown, options: ObjectStatusOptions) => ObjectStatus;

const alwaysReady: KindRule = () => current('Resource is always ready');

const RULES: Readonly<Record<string, KindRule>> = {
  Service: serviceStatus,
  PersistentVolumeClaim: pvcStatus,
  Secret: alwaysReady,
  ConfigMap: alwaysReady,
  'apps/ReplicaSet': replicasStatus,
  'extensions/ReplicaSet': replicasStatus,
  'policy/PodDisruptionBudget': pdbStatus,
  'batch/CronJob': alwaysReady,
  'apiextensions.k8s.io/CustomResourceDefinition': crdStatus,
  'apiregistration.k8s.io/APIService': apiServiceStatus,
};

function ruleKey(group: string, kind: string): string {
  return group === '' ? kind : `${group}/${kind}`;
}

/** The kind's own rule, if it has one. Without apiVersion (a list item) the kind alone decides, as in viewerFor. */
export function kindRule({ group, kind }: GroupKind): KindRule | undefined {
  const key = group === null ? Object.keys(RULES).find((k) => k === kind || k.endsWith(`/${kind}`)) : ruleKey(group, kind);
  return key !== undefined && Object.hasOwn(RULES, key) ? RULES[key] : undefined;
}
