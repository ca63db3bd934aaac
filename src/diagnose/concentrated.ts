// One workload's failures all on one node while its other new pods are Ready elsewhere: the template is fine, the
// node is not (a broken runtime, a different CPU, a bad disk or registry mirror). Those findings are re-labelled
// node-concentrated, naming the node, and keep their own category's fail-fast policy.
import type { Category } from './categories.js';
import { isPodReady } from './classify-pod.js';
import type { Pod } from '../k8s/objects.js';
import type { Draft } from './rules/types.js';

/** Failures that could come from the machine rather than the template. */
const NODE_SENSITIVE: ReadonlySet<Category> = new Set<Category>([
  'crash-loop',
  'crash-loop-exit-zero',
  'exec-format-error',
  'container-start-error',
  'container-create-error',
  'sandbox-failed',
  'volume-mount-failed',
  'image-pull-transient',
  'image-pull-unauthorized',
  'image-not-found',
  'config-cache-sync',
  'config-missing-ref',
  'liveness-probe-failing',
  'readiness-probe-failing',
  'container-creating-slow',
  'init-container-failed',
  'unknown',
]);

export function concentrateOnNode(drafts: Draft[], newPods: Pod[]): Draft[] {
  const podDrafts = drafts.filter((d) => d.pod !== null);
  if (podDrafts.length === 0 || !podDrafts.every((d) => NODE_SENSITIVE.has(d.category) && d.node)) return drafts;
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
