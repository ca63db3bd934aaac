// The plan from what the edge read: object lines, predicted failures from every check (deduplicated, each tied to
// the template change that likely causes it, as the deploy ties its findings), risk notes and notes. Pure.
import { diffPodTemplates, suspectChange } from '../diagnose/change/index.js';
import { compareFindings } from '../diagnose/merge.js';
import { accessCheck, type AccessAnswer, type AccessNeed } from './checks/access.js';
import { checkContext } from './checks/context.js';
import { configReferenceCheck } from './checks/config-refs.js';
import { podDependencyCheck } from './checks/pod-dependencies.js';
import { quotaCheck } from './checks/quota.js';
import { objectRefusalCheck, podAdmissionCheck } from './checks/refusals.js';
import { schedulingCheck } from './checks/scheduling.js';
import { dedupeFindings } from './predict.js';
import { riskNotes } from './risks.js';
import type { ClusterFacts, DryRunObject, ObjectPlan, PlannedWorkload, PlanResult, PredictedFinding } from './types.js';
import { idOf, templateOf } from './workload-facts.js';

export interface PlanInput {
  objects: DryRunObject[];
  plans: ObjectPlan[];
  workloads: PlannedWorkload[];
  facts: ClusterFacts;
  access: { needs: AccessNeed[]; answers: Map<string, AccessAnswer> } | null;
  notes: string[];
}

export function assemblePlan(input: PlanInput): Omit<PlanResult, 'durationMs'> {
  const ctx = checkContext(
    input.workloads,
    input.objects.map((o) => o.after ?? o.manifest),
    input.facts,
  );
  // The rules that name the cause first: when the pod preview refuses the same pods, theirs is the finding kept.
  const outputs = [
    objectRefusalCheck(input.objects),
    ...(input.access ? [accessCheck(input.access.needs, input.access.answers)] : []),
    podDependencyCheck(ctx),
    configReferenceCheck(ctx),
    schedulingCheck(ctx),
    quotaCheck(ctx),
    podAdmissionCheck(ctx),
  ];
  const findings = dedupeFindings(outputs.flatMap((o) => o.findings))
    .map((f) => linkChange(f, input.workloads))
    .sort(compareFindings);
  const plans = input.plans;
  return {
    mode: 'plan',
    verdict: findings.length ? 'will-fail' : 'clean',
    summary: {
      create: plans.filter((p) => p.action === 'create').length,
      change: plans.filter((p) => p.action === 'change').length,
      unchanged: plans.filter((p) => p.action === 'unchanged').length,
      refused: plans.filter((p) => p.action === 'refused').length,
    },
    objects: plans,
    findings,
    risks: input.workloads.flatMap(riskNotes),
    notes: [...new Set([...input.notes, ...outputs.flatMap((o) => o.notes)])],
    error: null,
  };
}

function linkChange(f: PredictedFinding, workloads: PlannedWorkload[]): PredictedFinding {
  const w = workloads.find((x) => idOf(x) === f.workload);
  if (!w?.live) return f;
  const link = suspectChange(f, diffPodTemplates(templateOf(w.live), templateOf(w.after)));
  return link.suspected ? { ...f, suspectedChange: { ...link.suspected, description: link.sentence ?? undefined } } : f;
}
