// Job rules, ours (kubectl has no Job viewer), written in kubectl's voice. Jobs have no observedGeneration: the
// conditions are the verdict. Since Kubernetes 1.31 the controller first records the decision (FailureTarget or
// SuccessCriteriaMet) and adds the terminal Failed/Complete condition, with the same reason and message, only once
// every pod has terminated. The API forbids reversing a decision (no Complete after FailureTarget, no Failed after
// SuccessCriteriaMet), so the gate acts on the decision at once instead of waiting out pod termination grace periods.
import type { RolloutStatus } from './verdict.js';
import { conditionIsTrue, findCondition, int, joinReason, nameOf, optionalInt, record, text, type Plain } from '../../k8s/fields.js';
import { goQuote } from '../../k8s/go-quote.js';
import { failed, rolledOut, waiting } from './verdict.js';

const FAILURE_CONDITIONS = ['Failed', 'FailureTarget'] as const;
const SUCCESS_CONDITIONS = ['Complete', 'SuccessCriteriaMet'] as const;

function firstTrue(status: Plain, types: readonly string[]): Plain | undefined {
  for (const type of types) if (conditionIsTrue(status, type)) return findCondition(status, type);
  return undefined;
}

export function jobStatus(job: unknown): RolloutStatus {
  const obj = record(job);
  const status = record(obj.status);
  const spec = record(obj.spec);
  const name = goQuote(nameOf(job));

  // Failure first: a malformed object with both verdicts must not pass the gate.
  const failure = firstTrue(status, FAILURE_CONDITIONS);
  if (failure) return failed(joinReason(`job ${name} failed`, text(failure.reason), text(failure.message)));
  if (firstTrue(status, SUCCESS_CONDITIONS)) return rolledOut(`job ${name} completed`);
  // spec.suspend is the intent; the Suspended condition lags it in both directions.
  if (spec.suspend === true) return waiting(`job ${name} is suspended`);

  // A null completions means "done when any pod succeeds", which reads as 1 like kubectl's COMPLETIONS column.
  const completions = optionalInt(spec.completions) ?? 1;
  return waiting(`Waiting for job ${name} to complete: ${int(status.succeeded)} of ${completions} completions succeeded...`);
}
