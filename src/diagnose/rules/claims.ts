// A pod's PersistentVolumeClaims that are not bound (or do not exist), with what the volume controllers said about
// them: the reason the scheduler's "unbound immediate PersistentVolumeClaims" stays true.
import { latest, type EventView } from '../events.js';
import type { PersistentVolumeClaim, Pod } from '../../k8s/objects.js';
import { draft, type Draft, type PodContext } from './types.js';

export function claimNamesOf(pod: Pod): string[] {
  const podName = pod.metadata?.name ?? '';
  return (pod.spec?.volumes ?? []).flatMap((v) => {
    if (v.persistentVolumeClaim?.claimName) return [v.persistentVolumeClaim.claimName];
    // Generic ephemeral volumes get a claim named <pod>-<volume>.
    if (v.ephemeral && v.name) return [`${podName}-${v.name}`];
    return [];
  });
}

interface UnboundClaim {
  name: string;
  claim: PersistentVolumeClaim | null;
  lastEvent: EventView | undefined;
}

export function unboundClaims(ctx: PodContext): UnboundClaim[] {
  const ns = ctx.pod.metadata?.namespace ?? '';
  return claimNamesOf(ctx.pod).flatMap((name) => {
    const claim = ctx.pvcs.find((c) => c.metadata?.name === name && (c.metadata?.namespace ?? '') === ns) ?? null;
    if (claim && claim.status?.phase === 'Bound') return [];
    const events = ctx.claimEvents.filter((e) => e.name === name && e.namespace === ns);
    const warning = latest(events.filter((e) => e.type === 'Warning'));
    return [{ name, claim, lastEvent: warning ?? latest(events) }];
  });
}

/** Only called once the scheduler has named a volume reason, so a WaitForFirstConsumer claim is not blamed early. */
export function pvcNotBound(ctx: PodContext, schedulerMessage: string, since: string | null): Draft | null {
  const unbound = unboundClaims(ctx);
  const first = unbound[0];
  if (!first) return null;
  const state = first.claim ? `is ${first.claim.status?.phase ?? 'Pending'}` : 'does not exist';
  const said = first.lastEvent ? `; ${first.lastEvent.reason}: ${first.lastEvent.message}` : '';
  const storageClass = first.claim?.spec?.storageClassName;
  return draft(ctx, {
    category: 'pvc-not-bound',
    reason: first.lastEvent?.reason ?? 'Unschedulable',
    message: `PersistentVolumeClaim ${first.name} ${state}${storageClass ? ` (storageClassName ${storageClass})` : ''}${said}. Scheduler: ${schedulerMessage}`,
    evidence: { pvc: first.name, cause: first.claim ? (first.lastEvent?.message ?? '') : 'missing' },
    events: [...ctx.events, ...(first.lastEvent ? [first.lastEvent] : [])],
    since,
  });
}
