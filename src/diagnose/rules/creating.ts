// Pods placed on a node whose containers stay in ContainerCreating: a volume that will not mount (FailedMount
// "MountVolume.SetUp failed for volume \"cfg\" : configmap \"x\" not found", FailedAttachVolume "Multi-Attach error"),
// a sandbox the runtime or CNI cannot create (FailedCreatePodSandBox), or nothing wrong but slowness.
import { latest, type EventView } from '../events.js';
import { conditionOf, timeOf } from '../../k8s/fields.js';
import { type Pod } from '../../k8s/objects.js';
import { missingReference, producedBy, producerOf } from './config.js';
import { draft, type Draft, type PodContext } from './types.js';

const PROGRESS = new Set(['Pulling', 'Pulled', 'Created', 'Started']);
export const CREATING_SLOW_MS = 30_000;

/** The latest failure of these reasons that nothing has superseded (no pull, create or start after it). */
function openFailure(events: EventView[], reasons: string[]): EventView | undefined {
  const failure = latest(events.filter((e) => reasons.includes(e.reason)));
  if (!failure) return undefined;
  return events.some((e) => PROGRESS.has(e.reason) && e.lastSeenMs > failure.lastSeenMs) ? undefined : failure;
}

export const creatingRule = (ctx: PodContext): Draft | null => {
  const { pod, events, now } = ctx;
  if (!pod.spec?.nodeName) return null;
  const mount = openFailure(events, ['FailedMount', 'FailedAttachVolume', 'FailedMapVolume']);
  if (mount) {
    const volume = /volume "([^"]+)"/.exec(mount.message)?.[1];
    const ref = missingReference(mount.message);
    if (ref) {
      return draft(ctx, {
        category: 'config-missing-ref',
        reason: mount.reason,
        message: `Volume ${volume ?? ''} cannot be mounted: the ${ref.kind} ${ref.name} does not exist in namespace ${pod.metadata?.namespace ?? ''} (${mount.message})${producedBy(ctx, ref.kind, ref.name)}`,
        evidence: { refKind: ref.kind, refName: ref.name },
        events: [mount],
        failures: mount.count,
        // Counted from the pod's creation: whatever creates the object may still be on its way.
        since: pod.metadata?.creationTimestamp ?? firstOf(events, mount.reason),
        provisional: producerOf(ctx, ref.kind, ref.name) !== undefined,
      });
    }
    return draft(ctx, {
      category: 'volume-mount-failed',
      reason: mount.reason,
      message: mount.message,
      events: [mount],
      failures: mount.count,
      since: firstOf(events, mount.reason),
    });
  }
  const sandbox = openFailure(events, ['FailedCreatePodSandBox']);
  if (sandbox) {
    return draft(ctx, {
      category: 'sandbox-failed',
      reason: sandbox.reason,
      message: sandbox.message,
      events: [sandbox],
      failures: sandbox.count,
      since: firstOf(events, sandbox.reason),
    });
  }
  if (!isCreating(pod)) return null;
  const scheduled =
    conditionOf(pod.status?.conditions, 'PodScheduled')?.lastTransitionTime ??
    pod.status?.startTime ??
    pod.metadata?.creationTimestamp ??
    null;
  const waitedMs = now.getTime() - (timeOf(scheduled) ?? now.getTime());
  if (waitedMs < CREATING_SLOW_MS) return null;
  const pulling = latest(events.filter((e) => e.reason === 'Pulling'));
  const pulled = pulling && events.some((e) => e.reason === 'Pulled' && e.lastSeenMs >= pulling.lastSeenMs);
  const doing = pulling && !pulled ? `; ${pulling.message.replace(/^Pulling/, 'still pulling')}` : '';
  return draft(ctx, {
    category: 'container-creating-slow',
    reason: 'ContainerCreating',
    message: `The containers have been creating for ${Math.round(waitedMs / 1000)}s on node ${pod.spec.nodeName}${doing}`,
    since: scheduled,
  });
};

/** Containers on their way up on a node: waiting to be created, or no statuses reported yet. */
export function isCreating(pod: Pod): boolean {
  if (!pod.spec?.nodeName) return false;
  if (!pod.status?.containerStatuses?.length) return true;
  return [...(pod.status?.initContainerStatuses ?? []), ...pod.status.containerStatuses].some((s) =>
    ['ContainerCreating', 'PodInitializing'].includes(s.state?.waiting?.reason ?? ''),
  );
}

function firstOf(events: EventView[], reason: string): string | null {
  return events.find((e) => e.reason === reason)?.firstSeen ?? null;
}
