// Tie a finding to the template change that most likely caused it, and say so when the template did
// not change at all (then the cause is in what the pods depend on, or outside the manifests).
import type { Finding, SuspectedChange } from '../finding.js';
import type { ObjectRef } from '../../k8s/objects.js';
import type { ConfigRef, TemplateChange } from './change-types.js';
import { describeChange } from './describe.js';
import { tiersFor } from './link-rules.js';

export interface SuspectResult {
  /** What the finding carries as suspectedChange; null when no change fits its category. */
  suspected: SuspectedChange | null;
  /** The full change behind `suspected`, for callers that want its kind or references. */
  change: TemplateChange | null;
  /** "Likely cause" sentence, e.g. "memory limit lowered from 512Mi to 256Mi in this change". */
  sentence: string | null;
  /** Every other change of the template, in diff order, so the report can list them. */
  others: TemplateChange[];
}

export function suspectChange(finding: Finding, changes: TemplateChange[]): SuspectResult {
  const winner = pickSuspect(finding, changes);
  if (!winner) return { suspected: null, change: null, sentence: null, others: [...changes] };
  return {
    suspected: { field: winner.field, before: winner.before, after: winner.after },
    change: winner,
    sentence: describeChange(winner, finding.category),
    others: changes.filter((c) => c !== winner),
  };
}

function pickSuspect(finding: Finding, changes: TemplateChange[]): TemplateChange | null {
  for (const tier of tiersFor(finding)) {
    const match = changes.find(tier);
    if (match) return match;
  }
  return null;
}

export const TEMPLATE_UNCHANGED = 'the template is unchanged: look at what it depends on';

export interface UnchangedNote {
  sentence: string;
  /** ConfigMaps/Secrets this run changed that the failing pods reference: names only, never data. */
  changedDependencies: ConfigRef[];
}

/**
 * For a failing workload whose pod template did not change. `referenced` comes from
 * referencedConfigNames(template); `changedObjects` are the objects this run's apply changed. When a
 * namespace is given, changed objects in other namespaces are ignored (pods only read their own).
 */
export function templateUnchangedNote(referenced: ConfigRef[], changedObjects: ObjectRef[], namespace?: string): UnchangedNote {
  const changedDependencies = referenced.filter((ref) =>
    changedObjects.some(
      (o) =>
        o.kind === ref.kind && o.name === ref.name && (namespace === undefined || o.namespace === undefined || o.namespace === namespace),
    ),
  );
  if (changedDependencies.length === 0) {
    return {
      sentence: `${TEMPLATE_UNCHANGED} (this run changed none of the ConfigMaps or Secrets the pods reference)`,
      changedDependencies,
    };
  }
  const names = changedDependencies.map((ref) => `${ref.kind} ${ref.name}`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return { sentence: `${TEMPLATE_UNCHANGED}; this run changed ${list}, which the failing pods reference`, changedDependencies };
}
