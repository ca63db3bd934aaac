// A predicted failure in the deploy's Finding shape: the registry's category, its hint written from the same
// evidence the deploy's rule would have, and `predicted: true`. No pod exists yet, so pod, node, events and logs are
// empty; the count says how many pods the prediction covers.
import { categorySpec, type Category } from '../diagnose/categories/index.js';
import type { HintSubject } from '../diagnose/categories/spec.js';
import type { Draft, Evidence } from '../diagnose/rules/types.js';
import type { PredictedFinding } from './types.js';

export interface Prediction {
  category: Category;
  subject: HintSubject;
  message: string;
  container?: string | null;
  evidence?: Evidence;
  /** Pods the failure concerns (all of the new revision's); omitted for a refusal of the object itself. */
  pods?: number;
  reason?: string;
}

export function predict(p: Prediction): PredictedFinding {
  const draft: Draft = {
    category: p.category,
    pod: null,
    container: p.container ?? null,
    node: null,
    reason: p.reason ?? 'Predicted',
    message: p.message,
    exitCode: null,
    restarts: null,
    events: [],
    evidence: p.evidence ?? {},
    since: null,
    failures: 1,
  };
  return {
    category: p.category,
    fatal: true,
    workload: `${p.subject.kind}/${p.subject.namespace}/${p.subject.name}`,
    pod: null,
    container: draft.container,
    node: null,
    reason: draft.reason,
    message: p.message,
    exitCode: null,
    restarts: null,
    hint: categorySpec(p.category).hint(draft, p.subject),
    events: [],
    logTail: [],
    count: p.pods !== undefined ? `${p.pods}/${p.pods} pods` : '',
    suspectedChange: null,
    predicted: true,
  };
}

/** One finding per category, object and evidence: the dry run and the pure rules may both see the same failure. */
export function dedupeFindings(findings: PredictedFinding[]): PredictedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.category, f.workload, f.container, f.hint]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
