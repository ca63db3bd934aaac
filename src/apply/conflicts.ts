// Reads the conflicts out of a server-side apply's 409: one cause per field, each naming the owner the way the API
// server prints it (k8s.io/apimachinery pkg/util/managedfields/internal/conflict.go, printManager):
//   conflict with "argocd-controller"                             an Apply owner
//   conflict with "kubectl-set" using apps/v1                     an Update owner ("using" is printed for Update only)
//   conflict with "kubectl" with subresource "scale" using apps/v1  an Update through a subresource
import { readGoQuoted } from '../k8s/go-quote.js';
import { record, records, text } from '../k8s/fields.js';

export interface FieldConflict {
  /** The path as the API server prints it: `.spec.template.spec.containers[name="api"].image`. */
  field: string;
  manager: string;
  operation: 'Apply' | 'Update';
  /** "" for the main resource. */
  subresource: string;
  apiVersion: string | null;
}

const PREFIX = 'conflict with ';

/** The owner named in one cause's message; null when the message is not in the API server's form. */
export function parseConflictOwner(message: string): Omit<FieldConflict, 'field'> | null {
  if (!message.startsWith(PREFIX)) return null;
  const manager = readGoQuoted(message, PREFIX.length);
  if (!manager) return null;
  let rest = message.slice(manager.end);
  let subresource = '';
  const sub = /^ with subresource /.exec(rest);
  if (sub) {
    const quoted = readGoQuoted(rest, sub[0].length);
    if (!quoted) return null;
    subresource = quoted.value;
    rest = rest.slice(quoted.end);
  }
  if (rest === '') return { manager: manager.value, operation: 'Apply', subresource, apiVersion: null };
  const using = /^ using (\S+)(?: at \S+)?$/.exec(rest);
  if (!using) return null;
  return { manager: manager.value, operation: 'Update', subresource, apiVersion: using[1] };
}

/**
 * The conflicts of a 409 Status's details (`details.causes[]` with reason FieldManagerConflict). A cause whose owner
 * cannot be read still counts, as an Apply by the name printed: it is never taken over by default.
 */
export function conflictsFromDetails(details: unknown): FieldConflict[] {
  return records(record(details).causes)
    .filter((c) => c.reason === 'FieldManagerConflict' || c.type === 'FieldManagerConflict')
    .map((c) => {
      const message = text(c.message);
      const owner = parseConflictOwner(message) ?? {
        manager: message.replace(PREFIX, ''),
        operation: 'Apply' as const,
        subresource: '',
        apiVersion: null,
      };
      return { field: text(c.field), ...owner };
    });
}
