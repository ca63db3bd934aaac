// One workload's failures all on one node while its other new pods are Ready elsewhere: the template is fine, the
// node is not (a broken runtime, a different CPU, a bad disk or registry mirror). The reader needs both "it is
// worker-2" and "what breaks there", so each per-pod finding stays as it is and a node-concentrated finding naming the
// node is added beside it. It groups every pod that fails there (one block once merged) and is as fatal as the
// causes it groups: one node-concentrated draft per cause, with that cause's timing and policy, all sharing one text.
import { categorySpec } from './categories/index.js';
import { isPodReady } from './classify-pod.js';
import type { Pod } from '../k8s/objects.js';
import type { Draft } from './rules/types.js';

export function concentrateOnNode(drafts: Draft[], newPods: Pod[]): Draft[] {
  const podDrafts = drafts.filter((d) => d.pod !== null);
  if (podDrafts.length === 0 || !podDrafts.every((d) => categorySpec(d.category).nodeSensitive && d.node)) return drafts;
  const nodes = new Set(podDrafts.map((d) => d.node));
  if (nodes.size !== 1) return drafts;
  const node = [...nodes][0]!;
  const readyElsewhere = newPods.filter((p) => isPodReady(p) && p.spec?.nodeName && p.spec.nodeName !== node).length;
  if (readyElsewhere === 0) return drafts;
  const failingPods = new Set(podDrafts.map((d) => d.pod?.metadata?.name)).size;
  const causes = [...new Set(podDrafts.map((d) => d.category))];
  const message = `Only node ${node} fails: ${failingPods} pod${failingPods === 1 ? '' : 's'} there ${failingPods === 1 ? 'is' : 'are'} not ready (${causes.join(', ')}) while ${readyElsewhere} ${readyElsewhere === 1 ? 'is' : 'are'} Ready on other nodes`;
  const grouped = podDrafts.map((d): Draft => ({
    ...d,
    category: 'node-concentrated',
    container: null,
    reason: null,
    exitCode: null,
    restarts: null,
    message,
    policyCategory: d.policyCategory ?? d.category,
    evidence: { underlying: causes.join(', ') },
    events: [],
  }));
  return [...drafts, ...grouped];
}
