// One workload's failures all on one node while its other new pods are Ready elsewhere: the template is fine, the
// node is not (a broken runtime, a different CPU, a bad disk or registry mirror). Those findings are re-labelled
// node-concentrated, naming the node, and keep their own category's fail-fast policy.
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
  return drafts.map((d) =>
    d.pod === null
      ? d
      : {
          ...d,
          category: 'node-concentrated',
          policyCategory: d.policyCategory ?? d.category,
          message: `Only node ${node} fails (${failingPods} pod${failingPods === 1 ? '' : 's'} there; ${readyElsewhere} Ready on other nodes): ${d.message}`,
          evidence: { ...d.evidence, underlying: d.category },
        },
  );
}
