// What every pre-flight check reads: the planned workloads, what the apply would store, what the cluster holds, and
// which Secrets other objects of the deploy will produce (the deploy's own list, diagnose/run-context.ts). `lookup`
// answers "will this object exist after the apply?" with a fourth answer beside yes and no: unknown (the plan could
// not read it), which never predicts a failure.
import type { KubeObject } from '../../k8s/objects.js';
import { objectKey, type ClusterFacts, type PlannedWorkload } from '../types.js';
import { runContextOf } from '../../diagnose/run-context.js';

export interface CheckContext {
  workloads: PlannedWorkload[];
  /** objectKey -> the object as the apply would store it (dry-run result, or the manifest). */
  applied: Map<string, KubeObject>;
  facts: ClusterFacts;
  /** objectKey of a Secret -> the object of the deploy that will create it ("Certificate shop/api-tls"). */
  producers: ReadonlyMap<string, string>;
  /** Jobs and CronJobs of the deploy, per namespace. */
  jobs: Map<string, string[]>;
}

export function checkContext(workloads: PlannedWorkload[], applied: readonly KubeObject[], facts: ClusterFacts): CheckContext {
  const byKey = new Map<string, KubeObject>();
  for (const obj of applied) byKey.set(objectKey(obj.kind ?? '', obj.metadata?.namespace, obj.metadata?.name ?? ''), obj);
  return { workloads, applied: byKey, facts, producers: runContextOf(applied).producers, jobs: jobsByNamespace(applied) };
}

/** Jobs and CronJobs of the deploy, per namespace: they may create objects the plan cannot know of. */
function jobsByNamespace(applied: readonly KubeObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const obj of applied) {
    if (obj.kind !== 'Job' && obj.kind !== 'CronJob') continue;
    const ns = obj.metadata?.namespace ?? '';
    out.set(ns, [...(out.get(ns) ?? []), `${obj.kind} ${obj.metadata?.name}`]);
  }
  return out;
}

export type Existence =
  | { state: 'exists'; object: KubeObject; inApply: boolean }
  | { state: 'produced'; by: string }
  | { state: 'absent' }
  | { state: 'unknown' };

export function lookup(ctx: CheckContext, kind: string, namespace: string, name: string): Existence {
  const key = objectKey(kind, namespace, name);
  const applied = ctx.applied.get(key);
  if (applied) return { state: 'exists', object: applied, inApply: true };
  const producer = ctx.producers.get(key);
  if (producer) return { state: 'produced', by: producer };
  const live = ctx.facts.objects.get(key);
  if (live) return { state: 'exists', object: live, inApply: false };
  return live === null ? { state: 'absent' } : { state: 'unknown' };
}
