// A registry that refuses the pull while the pod's pull secret does not exist yet is not refusing the credentials:
// the kubelet pulled without them. The Secret may be on its way (an ExternalSecret of the same deploy, a controller
// that copies pull secrets into new namespaces), so the refusal waits for it as a missing config reference does.
import type { EventView } from '../events.js';
import { producerOf } from './config.js';
import type { ContainerContext, Draft } from './types.js';

// kubelet (pkg/kubelet/kubelet_pods.go, getPullSecretsForPod) on every pull attempt while a secret is missing:
//   Warning FailedToRetrieveImagePullSecret "Unable to retrieve some image pull secrets (regcred, other); attempting
//   to pull the image may not succeed."
const UNRETRIEVED = /^Unable to retrieve some image pull secrets \(([^)]*)\)/;

/** How long a pull secret no known object creates may take to appear, counted from the pod's creation. */
export const MISSING_PULL_SECRET_GRACE_SECONDS = 60;

/**
 * The pull secrets the kubelet could not find at the pod's last failed pull: its FailedToRetrieveImagePullSecret
 * event is at least as recent as that pull (it is written just before each attempt). An older one says the secret
 * was missing once; a refusal after it is the registry's answer to the credentials.
 */
export function missingPullSecrets(events: EventView[], lastPullFailureMs: number | null): string[] {
  const unretrieved = events.filter((e) => e.reason === 'FailedToRetrieveImagePullSecret' && UNRETRIEVED.test(e.message));
  const latest = unretrieved.at(-1);
  if (!latest) return [];
  // Event times have whole seconds: the warning and the pull it precedes may carry the same second, or one apart.
  if (lastPullFailureMs !== null && latest.lastSeenMs < lastPullFailureMs - 1000) return [];
  const names = UNRETRIEVED.exec(latest.message)?.[1] ?? '';
  return names
    .split(',')
    .map((n) => n.trim().replace(/^<|>$/g, ''))
    .filter(Boolean);
}

/** How an unauthorized pull changes when its pull secret is missing: waits for the object that creates it, or 60 s. */
export function refusalWithoutPullSecret(ctx: ContainerContext, missing: string[]): Partial<Draft> & { suffix: string } {
  const names = missing.join(', ');
  const one = missing.length === 1;
  for (const name of missing) {
    const producer = producerOf(ctx, 'Secret', name);
    if (producer) {
      return {
        suffix: `; the pull secret ${name} does not exist yet and ${producer} in this deploy creates it: waiting for it`,
        provisional: true,
        evidence: { refKind: 'Secret', refName: name },
      };
    }
  }
  return {
    suffix: `; the pull secret${one ? '' : 's'} ${names} the pod names ${one ? 'does' : 'do'} not exist in namespace ${ctx.pod.metadata?.namespace ?? ''}, so the kubelet pulled without ${one ? 'it' : 'them'}`,
    policy: { fatal: 'after-seconds', seconds: MISSING_PULL_SECRET_GRACE_SECONDS },
    since: ctx.pod.metadata?.creationTimestamp ?? null,
    evidence: { refKind: 'Secret', refName: missing[0] },
  };
}
