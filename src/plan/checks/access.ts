// What the deploy will ask of the API server with the gate's own credentials, so a missing permission shows before
// it stops the deploy half way (objects applied before the refused one stay applied). Checked with
// SelfSubjectAccessReview by the edge; this file says what is needed and what a "no" means:
//   every object: get (what runs before), patch (server-side apply), and create when it is new (an apply that
//   creates is authorized as create);
//   every workload kind: list and watch, without which no verdict comes (src/watch/watch-plan.ts marks them
//   required); StatefulSets and DaemonSets that exist: list controllerrevisions (the revision that runs now);
//   pods, events, nodes, ReplicaSets: only the diagnosis and the rollback need them: a note, not a failure.
import type { HintSubject } from '../../diagnose/categories/spec.js';
import type { WorkloadRef } from '../../k8s/kinds.js';
import { isWorkloadKind } from '../../k8s/kinds.js';
import { planWatches } from '../../watch/watch-plan.js';
import { predict } from '../predict.js';
import type { CheckOutput, DryRunObject } from '../types.js';

export interface AccessNeed {
  verb: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  subject: HintSubject;
  /** The deploy stops without it; otherwise only the diagnosis or the rollback sees less. */
  required: boolean;
  why: string;
}

export interface AccessAnswer {
  allowed: boolean;
  /** "deployments.apps", "pods" */
  resource: string;
}

export function accessKey(n: Pick<AccessNeed, 'verb' | 'apiVersion' | 'kind' | 'namespace'>): string {
  return `${n.verb}|${n.apiVersion}|${n.kind}|${n.namespace ?? ''}`;
}

export function accessNeeds(objects: DryRunObject[], rollback: boolean): AccessNeed[] {
  return allNeeds(objects, rollback).filter((n) => !n.namespace || !grantedByTheDeploy(objects).has(n.namespace));
}

// A namespace the deploy creates together with RoleBindings in it: what the gate may do there depends on bindings
// that do not exist yet, so no review there could be right.
function grantedByTheDeploy(objects: DryRunObject[]): Set<string> {
  const created = new Set(objects.filter((o) => o.kind === 'Namespace' && !o.live).map((o) => o.name));
  return new Set(objects.filter((o) => o.kind === 'RoleBinding' && o.namespace && created.has(o.namespace)).map((o) => o.namespace!));
}

function allNeeds(objects: DryRunObject[], rollback: boolean): AccessNeed[] {
  const needs: AccessNeed[] = [];
  const workloads: WorkloadRef[] = [];
  for (const o of objects) {
    const subject = { kind: o.kind, namespace: o.namespace ?? '', name: o.name };
    const base = { apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace, subject, required: true };
    needs.push({ ...base, verb: 'get', why: 'to read what runs before the apply' });
    needs.push({ ...base, verb: 'patch', why: 'to apply it (server-side apply)' });
    if (!o.live) needs.push({ ...base, verb: 'create', why: 'to create it' });
    if (!isWorkloadKind(o.kind)) continue;
    workloads.push({ kind: o.kind, namespace: o.namespace ?? '', name: o.name });
    if (o.live && (o.kind === 'StatefulSet' || o.kind === 'DaemonSet'))
      needs.push({ ...base, apiVersion: 'apps/v1', kind: 'ControllerRevision', verb: 'list', why: 'to read the revision that runs now' });
    if (o.live && o.kind === 'Deployment' && rollback)
      needs.push({ ...base, apiVersion: 'apps/v1', kind: 'ReplicaSet', verb: 'list', required: false, why: 'to roll back' });
  }
  for (const spec of planWatches(workloads, true)) {
    const subject = workloads.find((w) => w.namespace === spec.namespace && (!spec.required || w.kind === spec.kind)) ?? workloads[0];
    for (const verb of ['list', 'watch']) {
      needs.push({
        verb,
        apiVersion: spec.apiVersion,
        kind: spec.kind,
        namespace: spec.namespace,
        subject,
        required: spec.required,
        why: spec.required ? 'to wait for the rollout' : 'for the diagnosis of a failure',
      });
    }
  }
  return needs;
}

export function accessCheck(needs: AccessNeed[], answers: Map<string, AccessAnswer>): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  const reported = new Set<string>();
  for (const need of needs) {
    const key = accessKey(need);
    const answer = answers.get(key);
    if (!answer || answer.allowed || reported.has(key)) continue;
    reported.add(key);
    const where = need.namespace ? ` in namespace ${need.namespace}` : '';
    if (!need.required) {
      out.notes.push(
        `the gate's credentials may not ${need.verb} ${answer.resource}${where} (needed ${need.why}): the deploy still works, with less detail`,
      );
      continue;
    }
    const what = `${need.subject.kind} ${need.subject.namespace ? `${need.subject.namespace}/` : ''}${need.subject.name}`;
    out.findings.push(
      predict({
        category: 'apply-forbidden',
        subject: need.subject,
        reason: 'Forbidden',
        evidence: { verb: need.verb, resource: answer.resource },
        message: `The gate's credentials may not ${need.verb} ${answer.resource}${where} (SelfSubjectAccessReview), which the deploy needs ${need.why} for ${what}: it would stop there`,
      }),
    );
  }
  return out;
}
