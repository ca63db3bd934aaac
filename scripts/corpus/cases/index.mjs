// Every corpus case, by family. The family names and texts are issue 16's list of what the diagnosis missed, plus the
// coverage of every existing category, healthy rollouts and transient states.
import { CONCENTRATED_CASES } from './concentrated.mjs';
import { COVERAGE_CASES } from './coverage.mjs';
import { EVICTED_CASES } from './evicted.mjs';
import { HEALTHY_CASES } from './healthy.mjs';
import { LOST_NODE_CASES } from './lost-node.mjs';
import { PENDING_CASES } from './pending.mjs';
import { REJECTED_CASES } from './rejected.mjs';
import { SANDBOX_CASES } from './sandbox.mjs';

export const FAMILIES = {
  concentrated: '1. Two causes at once: failures concentrated on one node give node-concentrated and each per-pod cause there.',
  sandbox: '2. Pod sandbox failures (FailedCreatePodSandBox: CNI, runtime handler, pause image) give sandbox-failed with the node.',
  evicted: '3. Evictions under node pressure give evicted, and node-pressure while the node reports the pressure.',
  'lost-node': '4. Pods stuck terminating on a node that stopped reporting give terminating-stuck and node-not-ready.',
  rejected: '5. Pods the kubelet rejected at admission (or shut down) give a named finding, never silence.',
  pending: '6. New pods not scheduled yet stay a quiet, non-fatal scheduling-pending while young.',
  coverage: 'Every existing category, one real-shaped case or more.',
  healthy: 'Rollouts that are fine or converging: no finding, or only non-fatal ones.',
};

/** Category IDs the expectations use that src/diagnose/categories.ts does not have yet (issue 16, family 5). */
export const PLANNED_CATEGORIES = ['pod-rejected'];

export const CASES = [
  ...CONCENTRATED_CASES,
  ...SANDBOX_CASES,
  ...EVICTED_CASES,
  ...LOST_NODE_CASES,
  ...REJECTED_CASES,
  ...PENDING_CASES,
  ...COVERAGE_CASES,
  ...HEALTHY_CASES,
];
