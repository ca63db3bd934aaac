// A pod whose sandbox the runtime cannot create (FailedCreatePodSandBox): the finding names the node (its own field), its pool and
// what failed (the CNI plugin and its own words, a runtime handler, the pause image), so the fix can point at the
// CNI or the node pool instead of the app. See sandbox-message.ts for the texts.
import type { EventView } from '../events.js';
import { nodePoolOf } from '../../k8s/nodes.js';
import { parseSandboxMessage } from './sandbox-message.js';
import { draft, type Draft, type PodContext } from './types.js';

const WHAT = {
  cni: (plugin: string | null) => `The CNI plugin${plugin ? ` ${plugin}` : ''} cannot set up the pod network`,
  'ip-exhausted': (plugin: string | null) => `The CNI plugin${plugin ? ` ${plugin}` : ''} has no IP address left for the pod`,
  'runtime-handler': () => "The container runtime has no handler for the pod's RuntimeClass",
  'sandbox-image': () => 'The node cannot pull the sandbox (pause) image',
  other: () => 'The container runtime cannot create the pod sandbox',
};

export function sandboxDraft(ctx: PodContext, failure: EventView, since: string | null): Draft {
  const facts = parseSandboxMessage(failure.message);
  const pool = nodePoolOf(ctx.node);
  return draft(ctx, {
    category: 'sandbox-failed',
    reason: failure.reason,
    message: `${WHAT[facts.cause](facts.plugin)}${pool ? ` (node pool ${pool})` : ''}: ${facts.detail}`,
    events: [failure],
    failures: failure.count,
    since,
    evidence: {
      sandboxCause: facts.cause,
      cni: facts.plugin ?? undefined,
      handler: facts.handler ?? undefined,
      image: facts.image ?? undefined,
      nodePool: pool ?? undefined,
      cause: facts.detail,
    },
  });
}
