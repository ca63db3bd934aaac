// CreateContainerConfigError: the kubelet could not build the container's configuration. Its message names the cause:
// a missing Secret or ConfigMap (`secret "x" not found`), a missing key (`couldn't find key k in Secret ns/x`), a
// runAsNonRoot check against a root image, or a cache that has not synced yet (transient).
import { containerDraft, type ContainerContext, type Draft, type PodContext } from './types.js';

const MISSING_REF = /\b(secret|configmap)s? "([^"]+)" not found/i;
const MISSING_KEY = /couldn't find key (\S+) in (Secret|ConfigMap) ([^/\s]+)\/(\S+)/;
const CACHE_SYNC = /failed to sync (secret|configmap)s? cache/i;
const NON_ROOT = /container has runAsNonRoot and image/;

export function missingReference(message: string): { kind: string; name: string } | null {
  const m = MISSING_REF.exec(message);
  if (!m) return null;
  return { kind: m[1].toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap', name: m[2] };
}

/** The object of this deploy that creates the missing Secret or ConfigMap, if the gate knows one. */
export function producerOf(ctx: PodContext, kind: string, name: string): string | undefined {
  return ctx.run.producers.get(`${kind}/${ctx.pod.metadata?.namespace ?? ''}/${name}`);
}

/** "; Certificate shop/tls in this deploy creates it: waiting for it" or nothing. */
export function producedBy(ctx: PodContext, kind: string, name: string): string {
  const producer = producerOf(ctx, kind, name);
  return producer ? `; ${producer} in this deploy creates it: waiting for it` : '';
}

export const configRule = (ctx: ContainerContext): Draft | null => {
  const waiting = ctx.status.state?.waiting;
  if (waiting?.reason !== 'CreateContainerConfigError') return null;
  const reason = waiting.reason;
  const message = waiting.message ?? '';
  const since = ctx.containerEvents.find((e) => e.reason === 'Failed' && e.message.startsWith('Error: '))?.firstSeen ?? null;
  // The grace a missing object gets is counted from the pod's creation: something may still be creating it.
  const created = ctx.pod.metadata?.creationTimestamp ?? since;
  const key = MISSING_KEY.exec(message);
  if (key) {
    return containerDraft(ctx, {
      category: 'config-missing-key',
      reason,
      since: created,
      message: `The ${key[2]} ${key[4]} has no key ${key[1]}: ${message}${producedBy(ctx, key[2], key[4])}`,
      evidence: { refKind: key[2], refName: key[4], key: key[1] },
      provisional: producerOf(ctx, key[2], key[4]) !== undefined,
    });
  }
  if (CACHE_SYNC.test(message)) {
    return containerDraft(ctx, {
      category: 'config-cache-sync',
      reason,
      since,
      message: `The kubelet could not read the object in time: ${message}`,
    });
  }
  const ref = missingReference(message);
  if (ref) {
    return containerDraft(ctx, {
      category: 'config-missing-ref',
      reason,
      since: created,
      message: `The ${ref.kind} ${ref.name} the container references does not exist in namespace ${ctx.pod.metadata?.namespace ?? ''}: ${message}${producedBy(ctx, ref.kind, ref.name)}`,
      evidence: { refKind: ref.kind, refName: ref.name },
      provisional: producerOf(ctx, ref.kind, ref.name) !== undefined,
    });
  }
  if (NON_ROOT.test(message)) {
    return containerDraft(ctx, { category: 'config-security-context', reason, since, message });
  }
  return containerDraft(ctx, { category: 'container-create-error', reason, since, message });
};
