// One sentence per way an apply can fail, naming the object and its manifest and what to do.
import { UserError } from '../errors.js';
import { KubeApiError } from '../kube/errors.js';
import { isSchemaRefusal } from '../kube/http.js';
import { Cancelled, PhaseTimeout } from '../phase.js';
import { conflictsFromDetails } from './conflicts.js';
import { describeOwner } from './conflict-decisions.js';
import { describeObject, type PlannedObject } from './plan.js';

// A conflict here means a field changed hands between the ownership check and the apply (the check runs first).
function conflictMessage(e: KubeApiError, what: string): string {
  const conflicts = conflictsFromDetails(e.details);
  const held = conflicts.length
    ? conflicts.map((c) => `${c.field} is held by ${describeOwner({ ...c, subresource: c.subresource || null, time: null })}`).join('; ')
    : e.apiMessage;
  return `${what}: ${held}. Another field manager owns these fields: change them there, or set conflicts: force (force-conflicts: true) to take them over`;
}

/** A cancelled or timed-out run, not the server refusing an object: its reason stays as it is. */
export function isRunAbort(e: unknown): boolean {
  return e instanceof Cancelled || e instanceof PhaseTimeout;
}

export function explainApplyError(e: unknown, m: PlannedObject): Error {
  if (isRunAbort(e)) return e as Error;
  const what = describeObject(m);
  if (!(e instanceof KubeApiError)) return e instanceof UserError ? new UserError(`${what}: ${e.message}`) : (e as Error);
  if (e.status === 404 && /namespaces? "[^"]+" not found/.test(e.apiMessage)) {
    return new UserError(
      `${what}: namespace "${m.object.metadata?.namespace}" does not exist: create it first or add a Namespace manifest to the deploy`,
    );
  }
  if (e.status === 409 && /conflict/i.test(e.apiMessage)) return new UserError(conflictMessage(e, what));
  if (e.status === 400 && /unknown field|duplicate field|strict decoding error/i.test(e.apiMessage)) {
    return new UserError(
      `${what} is invalid: ${e.apiMessage}: fix the field name (kubectl explain shows the schema), or set field-validation: Warn to apply it with the field dropped`,
    );
  }
  if (isSchemaRefusal(e)) {
    const field = /(\.[\w.[\]-]+): field not declared in schema/.exec(e.apiMessage)?.[1];
    return new UserError(
      `${what} is invalid: ${field ? `${field.slice(1)} is not a field of ${m.object.kind} ${m.object.apiVersion}` : e.apiMessage} (the API server refuses unknown fields in server-side apply): fix the field name or its indentation; kubectl explain shows the schema`,
    );
  }
  if (e.status === 422 || e.status === 400) return new UserError(`${what} is invalid: ${e.apiMessage}`);
  return new UserError(`${what}: ${e.message}`);
}
