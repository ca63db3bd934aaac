// ResourceQuotas the new pods cannot fit, counting what runs during the rollout, not only after it. The quota's
// status.used already counts the pods running now; the rollout adds new pods and removes old ones:
//   a Deployment's rolling update (pkg/controller/deployment/rolling.go) first creates up to maxSurge new pods while
//   at most maxUnavailable old ones are gone: at least one new pod must fit beside `replicas - maxUnavailable` old
//   ones, or the rollout never starts (the ReplicaSet's FailedCreate: exceeded quota);
//   at the end the new pods replace the old ones: used - old + new must fit;
//   a StatefulSet replaces one pod at a time, Recreate removes all old pods first: only the end counts;
//   a new workload needs all of its pods.
// Between the first step and the end the usage moves in steps of one pod, so checking both ends covers the middle.
// Quotas with scopes are not evaluated (which pods they count depends on fields the plan does not model): a note.
import { formatQuantity } from '../../diagnose/quantity.js';
import { podUsage } from '../../diagnose/rules/quota.js';
import { record, text } from '../../k8s/fields.js';
import { rollingFenceposts } from '../../k8s/int-or-percent.js';
import { quantityToNumber } from '../../k8s/quantity.js';
import type { KubeObject } from '../../k8s/objects.js';
import { predict } from '../predict.js';
import type { CheckOutput, PlannedWorkload } from '../types.js';
import { newPodSpec, podCount, subjectOf, templateOf } from '../workload-facts.js';
import type { CheckContext } from './context.js';

interface Demand {
  /** Pods of the new template at the worst moment, and old pods still there then. */
  peak: { added: number; removed: number };
  end: { added: number; removed: number };
  surge: string;
}

export function rolloutDemand(w: PlannedWorkload): Demand | null {
  const after = podCount(w.after);
  if (after === null) return null;
  if (!w.live) return { peak: { added: after, removed: 0 }, end: { added: after, removed: 0 }, surge: `${after} new pod(s)` };
  const before = podCount(w.live) ?? 0;
  if (!w.templateChanged) {
    const more = Math.max(0, after - before);
    return { peak: { added: more, removed: 0 }, end: { added: more, removed: 0 }, surge: `${more} more pod(s)` };
  }
  const end = { added: after, removed: before };
  const strategy = record(w.after.spec?.strategy);
  if (w.ref.kind === 'Deployment' && text(strategy.type) !== 'Recreate') {
    const { maxSurge, maxUnavailable } = rollingFenceposts(record(strategy.rollingUpdate), after);
    const removed = Math.min(maxUnavailable, before);
    const added = maxSurge > 0 || removed > 0 ? 1 : 0;
    return {
      peak: { added, removed },
      end,
      surge: `the first new pod while ${before - removed} of the ${before} old ones still run (maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable})`,
    };
  }
  return { peak: end, end, surge: `${after} new pod(s) replacing ${before}` };
}

export function quotaCheck(ctx: CheckContext): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  // What earlier workloads of the deploy add stays counted for later ones in the same namespace.
  const extra = new Map<string, number>();
  for (const w of ctx.workloads) {
    if (w.action !== 'create' && w.action !== 'change') continue;
    const quotas = ctx.facts.quotas.get(w.ref.namespace);
    if (!quotas) {
      if (!out.notes.some((n) => n.includes(`namespace ${w.ref.namespace}:`)))
        out.notes.push(
          `could not read the ResourceQuotas of namespace ${w.ref.namespace}: whether the new pods fit was not checked (grant list on resourcequotas)`,
        );
      continue;
    }
    const demand = rolloutDemand(w);
    if (!demand) continue;
    for (const quota of quotas) checkQuota(w, quota, demand, extra, out);
  }
  return out;
}

function checkQuota(w: PlannedWorkload, quota: KubeObject, demand: Demand, extra: Map<string, number>, out: CheckOutput): void {
  const name = quota.metadata?.name ?? '';
  const spec = record(quota.spec);
  if (Array.isArray(spec.scopes) || spec.scopeSelector) {
    out.notes.push(`ResourceQuota ${w.ref.namespace}/${name} has scopes: not evaluated for ${w.ref.kind} ${w.ref.name}`);
    return;
  }
  const hard = record(record(quota.status).hard ?? spec.hard);
  const used = record(record(quota.status).used);
  const next = newPodSpec(w);
  const old = templateOf(w.live)?.spec;
  for (const resource of Object.keys(hard)) {
    const per = podUsage(next, resource);
    const perOld = podUsage(old, resource) ?? 0;
    const limit = quantityToNumber(hard[resource]);
    if (per === null || limit === null) continue;
    const key = `${w.ref.namespace}/${name}/${resource}`;
    const now = (quantityToNumber(used[resource]) ?? 0) + (extra.get(key) ?? 0);
    const at = (d: { added: number; removed: number }) => now + d.added * per - d.removed * perOld;
    const peak = Math.max(at(demand.peak), at(demand.end));
    extra.set(key, (extra.get(key) ?? 0) + at(demand.end) - now);
    if (peak <= limit + 1e-9) continue;
    const show = (v: number) => formatQuantity(resource.replace(/^(requests|limits)\./, ''), v);
    out.findings.push(
      predict({
        category: 'quota-exceeded',
        subject: subjectOf(w),
        pods: podCount(w.after) ?? undefined,
        reason: 'FailedCreate',
        evidence: { quota: name, resource, requested: show(peak) },
        message: `ResourceQuota ${name} allows ${resource} ${show(limit)} and ${show(now)} is in use; the rollout needs ${show(peak)} (${demand.surge}, each pod counting ${show(per)}), so the API server will refuse pods: exceeded quota: ${name}`,
      }),
    );
    return;
  }
}
