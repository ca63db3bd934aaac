// Findings name their workload as "Kind/namespace/name" (model.workloadId); the report shows
// "Deployment `payments/api`" and matches findings and rollbacks to table rows by that id.
import { workloadId, type ObjectKey } from '../k8s/kinds.js';
import { type DeployResult, type Finding, type ObjectRef, type RollbackWorkload } from '../model.js';
import { severityRank } from '../diagnose/categories/index.js';
import { inlineCode } from './escape.js';

export interface NamedObject {
  kind: string;
  namespace: string | null;
  name: string;
}

/** Lenient: the report names whatever id it is given, even one that is not a workload id. */
export function namedObjectOf(id: string): NamedObject {
  const parts = id.split('/');
  if (parts.length >= 3) return { kind: parts[0], namespace: parts[1], name: parts.slice(2).join('/') };
  if (parts.length === 2) return { kind: parts[0], namespace: null, name: parts[1] };
  return { kind: '', namespace: null, name: id };
}

/** "payments/api" as a code span. */
export function shortName(o: NamedObject | ObjectRef): string {
  return inlineCode(o.namespace ? `${o.namespace}/${o.name}` : o.name);
}

/** "Deployment `payments/api`" */
export function longName(o: NamedObject | ObjectRef): string {
  const kind = o.kind.replace(/[^A-Za-z0-9.]/g, '');
  return kind ? `${kind} ${shortName(o)}` : shortName(o);
}

export function findingsOf(result: DeployResult, ref: ObjectKey): Finding[] {
  const id = workloadId(ref);
  return result.findings.filter((f) => f.workload === id);
}

export function rollbackOf(result: DeployResult, ref: ObjectKey): RollbackWorkload | undefined {
  const id = workloadId(ref);
  return result.rollback?.workloads.find((r) => workloadId(r) === id);
}

/** Fatal findings first, then by the diagnose stage's category severity; ties keep their order. */
export function worstFirst(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => Number(b.fatal) - Number(a.fatal) || severityRank(a.category) - severityRank(b.category));
}
