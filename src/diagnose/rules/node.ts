// The node under the pod. A node that stopped reporting (Ready=Unknown: "Kubelet stopped posting node status.") or
// reports its runtime or network down (Ready=False, KubeletNotReady: "container runtime is down", "container runtime
// network not ready: ... cni plugin not initialized") explains every pod on it, whatever their stale statuses say.
import { conditionOf } from '../../k8s/fields.js';
import { draft, type Draft, type PodContext } from './types.js';

const RUNTIME_DOWN = new RegExp(
  [
    'container runtime is down',
    'container runtime network not ready',
    'NetworkPluginNotReady',
    'network plugin is not ready',
    'cni plugin not initialized',
    'PLEG is not healthy',
    'container runtime status check may not have completed',
  ].join('|'),
  'i',
);
const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'] as const;

export const nodeDownRule = (ctx: PodContext): Draft | null => {
  const nodeName = ctx.pod.spec?.nodeName;
  if (!nodeName) return null;
  if (!ctx.node) {
    // Only a snapshot that lists nodes can tell a deleted node from one it did not fetch.
    if (ctx.nodes.length === 0) return null;
    return draft(ctx, {
      category: 'node-not-ready',
      reason: 'NodeNotFound',
      message: `The pod is bound to node ${nodeName}, which no longer exists`,
      since: ctx.pod.status?.startTime ?? null,
    });
  }
  const ready = conditionOf(ctx.node.status?.conditions, 'Ready');
  if (!ready || ready.status === 'True') return null;
  const said = `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}${ready.message ? `: ${ready.message}` : ''}`;
  if (ready.status === 'False' && RUNTIME_DOWN.test(ready.message ?? '')) {
    return draft(ctx, {
      category: 'node-runtime-down',
      reason: ready.reason ?? 'KubeletNotReady',
      message: `Node ${nodeName} reports its container runtime or network down (${said}); containers on it cannot be created or restarted`,
      since: ready.lastTransitionTime ?? null,
    });
  }
  return draft(ctx, {
    category: 'node-not-ready',
    reason: ready.reason ?? 'NodeNotReady',
    message: `Node ${nodeName} is not ready (${said}): its kubelet or the machine is down, so the pod's status there is stale`,
    since: ready.lastTransitionTime ?? null,
  });
};

export const nodePressureRule = (ctx: PodContext): Draft | null => {
  const node = ctx.node;
  if (!node) return null;
  const under = PRESSURE.map((t) => conditionOf(node.status?.conditions, t)).filter((c) => c?.status === 'True');
  if (under.length === 0) return null;
  const first = under[0]!;
  return draft(ctx, {
    category: 'node-pressure',
    reason: first.reason ?? first.type ?? null,
    message: `Node ${ctx.pod.spec?.nodeName} is under ${under.map((c) => c!.type).join(', ')}${first.message ? `: ${first.message}` : ''}`,
    since: first.lastTransitionTime ?? null,
  });
};
