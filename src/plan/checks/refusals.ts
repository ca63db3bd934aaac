// What the API server itself refused in the dry run, turned into the findings the deploy would end with:
//   an object refused on apply (validation, an immutable field, an admission webhook or policy, a field owned by
//   another manager, or RBAC): apply-refused / apply-forbidden, the deploy's error at that object;
//   a pod of the new template refused (quota, PodSecurity, a webhook or policy on pods, a missing ServiceAccount):
//   the same classification as the deploy's FailedCreate rule, so the same category and hint;
//   without a pod preview, a PodSecurity "would violate" warning on the workload is the same refusal to come.
import { classifyCreateFailure } from '../../diagnose/rules/workload.js';
import type { Evidence } from '../../diagnose/rules/types.js';
import { predict } from '../predict.js';
import { objectKey, type CheckOutput, type DryRunObject, type PlannedWorkload } from '../types.js';
import { podCount, subjectOf } from '../workload-facts.js';
import type { CheckContext } from './context.js';
import { immutableFieldIn, immutableStatefulSetField } from './immutable.js';

/** "User "x" cannot patch resource "deployments" in API group "apps" in the namespace "shop"": RBAC, not admission. */
export function rbacDenial(message: string): { verb: string; resource: string } | null {
  const m = /cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?/.exec(message);
  if (!m) return null;
  return { verb: m[1], resource: m[3] ? `${m[2]}.${m[3]}` : m[2] };
}

/** Who refused, in the words the hints quote: an admission webhook, a ValidatingAdmissionPolicy or PodSecurity. */
export function refuserIn(message: string): string | undefined {
  const webhook = /admission webhook "([^"]+)" denied/.exec(message);
  if (webhook) return `admission webhook "${webhook[1]}"`;
  const policy = /ValidatingAdmissionPolicy '([^']+)'/.exec(message);
  if (policy) return `ValidatingAdmissionPolicy ${policy[1]}`;
  const podSecurity = /violates PodSecurity "([^"]+)"/.exec(message);
  return podSecurity ? `PodSecurity ${podSecurity[1]}` : undefined;
}

const NO_DRY_RUN = /does not support dry run/i;

export function objectRefusalCheck(objects: DryRunObject[]): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  for (const o of objects) {
    if (!o.refused) continue;
    const { status, message } = o.refused;
    const subject = { kind: o.kind, namespace: o.namespace ?? '', name: o.name };
    if (NO_DRY_RUN.test(message)) {
      out.notes.push(`${o.kind} ${subject.namespace}/${o.name} could not be dry-run: ${message}`);
      continue;
    }
    const rbac = status === 403 ? rbacDenial(message) : null;
    if (rbac) {
      out.findings.push(
        predict({
          category: 'apply-forbidden',
          subject,
          reason: 'Forbidden',
          evidence: { verb: rbac.verb, resource: rbac.resource },
          message: `The gate's credentials may not ${rbac.verb} ${rbac.resource}: ${message}`,
        }),
      );
      continue;
    }
    const evidence: Evidence = { cause: status === 409 ? 'conflict' : message };
    const field =
      immutableFieldIn(message) ?? (/updates to statefulset spec/.test(message) ? immutableStatefulSetField(o.live, o.manifest) : null);
    if (field) evidence.field = field;
    else if (status !== 409) evidence.webhook = refuserIn(message);
    out.findings.push(
      predict({
        category: 'apply-refused',
        subject,
        reason: status === 409 ? 'Conflict' : status === 422 ? 'Invalid' : 'Refused',
        evidence,
        message: `The API server refuses ${o.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${o.name} (dry run): ${message}`,
      }),
    );
  }
  return out;
}

export function podAdmissionCheck(ctx: CheckContext): CheckOutput {
  const out: CheckOutput = { findings: [], notes: [] };
  for (const w of ctx.workloads) {
    if (!w.templateChanged) continue;
    if (w.preview.state === 'refused') refusedPod(ctx, w, w.preview.message, out);
    else if (w.preview.state === 'skipped') podSecurityWarning(ctx, w, out);
  }
  return out;
}

function refusedPod(ctx: CheckContext, w: PlannedWorkload, message: string, out: CheckOutput): void {
  if (NO_DRY_RUN.test(message)) {
    out.notes.push(`a pod of ${w.ref.kind} ${w.ref.namespace}/${w.ref.name} could not be dry-run: ${message}`);
    return;
  }
  const classified = classifyCreateFailure(message);
  // A ServiceAccount this deploy creates does not exist during the dry run; "default" appears moments after its
  // namespace does (the controller-manager makes it, and the ReplicaSet retries until then).
  const account = classified?.evidence.serviceAccount;
  if (account && (account === 'default' || ctx.applied.has(`ServiceAccount/${w.ref.namespace}/${account}`))) return;
  // One more pod beside the ones running now is not what a rollout asks when old pods go first: the quota check
  // counts the rollout's steps. Without the quotas to count, the refusal is only a hint.
  if (classified?.category === 'quota-exceeded' && w.live) {
    if (!ctx.facts.quotas.has(w.ref.namespace))
      out.notes.push(
        `${w.ref.kind} ${w.ref.namespace}/${w.ref.name}: one more pod does not fit a ResourceQuota now (${message}); whether the rollout fits was not checked`,
      );
    return;
  }
  out.findings.push(
    predict({
      category: classified?.category ?? 'admission-denied',
      subject: subjectOf(w),
      pods: podCount(w.after) ?? undefined,
      reason: 'FailedCreate',
      evidence: classified?.evidence ?? { cause: message },
      message: `A pod of the new template is refused by the API server (dry run): ${message.replace(/^pods "[^"]*" is forbidden: /, '')}`,
    }),
  );
}

// The warning comes from the namespace's warn level, which defaults to its enforce level but may be stricter: only
// when the namespace enforces that very level is the warning a refusal to come.
function podSecurityWarning(ctx: CheckContext, w: PlannedWorkload, out: CheckOutput): void {
  const warning = w.warnings.find((x) => /would violate PodSecurity "([^"]+)"/.test(x));
  if (!warning) return;
  const level = /would violate PodSecurity "([^"]+)"/.exec(warning)![1];
  const namespace = ctx.facts.objects.get(objectKey('Namespace', undefined, w.ref.namespace));
  const labels = namespace?.metadata?.labels ?? {};
  const enforceLevel = labels['pod-security.kubernetes.io/enforce'] ?? 'privileged';
  const enforced = `${enforceLevel}:${labels['pod-security.kubernetes.io/enforce-version'] ?? 'latest'}`;
  if (enforced !== level) {
    if (!namespace)
      out.notes.push(
        `${w.ref.kind} ${w.ref.namespace}/${w.ref.name}: the API server warns it would violate PodSecurity "${level}"; whether the namespace enforces it could not be read`,
      );
    return;
  }
  out.findings.push(
    predict({
      category: 'admission-denied',
      subject: subjectOf(w),
      pods: podCount(w.after) ?? undefined,
      reason: 'FailedCreate',
      evidence: { webhook: `PodSecurity ${level}`, cause: warning },
      message: `The namespace enforces PodSecurity "${level}" and the new pods violate it, so the API server will refuse them: ${warning.replace(/^would violate PodSecurity "[^"]+": /, '')}`,
    }),
  );
}
