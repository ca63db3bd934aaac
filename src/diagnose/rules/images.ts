// Image pulls. ImagePullBackOff's own message hides the cause on older kubelets ("Back-off pulling image \"x\""); newer
// ones append "ErrImagePull: <cause>". Either way the kubelet's "Failed to pull image \"x\": <cause>" events carry it,
// and the cause (containerd's, CRI-O's or Docker's wording) decides between not found, refused and temporary.
import type { Category } from '../categories/index.js';
import { latest, type EventView } from '../events.js';
import { missingPullSecrets, refusalWithoutPullSecret } from './pull-secrets.js';
import { containerDraft, type ContainerContext, type Draft } from './types.js';

const NOT_FOUND = [
  /: not found\s*$/i,
  /code = NotFound/,
  /manifest unknown/i,
  /manifest for \S+ not found/i,
  /name unknown/i,
  /repository name not known/i,
  /reading manifest .* not found/i,
];
const REFUSED = [
  /pull access denied/i,
  /unauthorized/i,
  /\b401\b/,
  /\b403\b/,
  /forbidden/i,
  /insufficient_scope/i,
  /authentication required/i,
  /requested access to the resource is denied/i,
  /denied:/i,
];
const TEMPORARY = [
  /\b429\b/,
  /toomanyrequests/i,
  /too many requests/i,
  /timeout/i,
  /timed out/i,
  /deadline exceeded/i,
  /connection refused/i,
  /connection reset/i,
  /no such host/i,
  /network is unreachable/i,
  /tls[: ]/i,
  /x509/i,
  /\bEOF\b/,
  /\b50[0234]\b/,
  /registry is unavailable/i,
  /temporary/i,
  /unexpected EOF/i,
];

export type PullCategory = Extract<Category, 'image-not-found' | 'image-pull-unauthorized' | 'image-pull-transient'>;

export function classifyPullError(cause: string): PullCategory | null {
  if (NOT_FOUND.some((r) => r.test(cause))) return 'image-not-found';
  if (REFUSED.some((r) => r.test(cause))) return 'image-pull-unauthorized';
  if (TEMPORARY.some((r) => r.test(cause))) return 'image-pull-transient';
  return null;
}

const FAILED_TO_PULL = /^Failed to pull image "([^"]*)": (.*)$/s;
const BACK_OFF = /^Back-off pulling image "([^"]*)"(?:: (.*))?$/s;

function pullFailures(events: EventView[]): EventView[] {
  return events.filter((e) => e.reason === 'Failed' && FAILED_TO_PULL.test(e.message));
}

/** The pull error behind ErrImagePull/ImagePullBackOff, newest first from the status, then from the events. */
export function pullCause(
  waitingReason: string,
  waitingMessage: string,
  events: EventView[],
): { image: string | null; cause: string | null } {
  if (waitingReason === 'ErrImagePull' && waitingMessage) return { image: null, cause: waitingMessage };
  const backOff = BACK_OFF.exec(waitingMessage);
  if (backOff?.[2])
    return { image: backOff[1], cause: backOff[2].replace(/^(?:ErrImagePull|RegistryUnavailable|SignatureValidationFailed): /, '') };
  const last = latest(pullFailures(events));
  const parsed = last ? FAILED_TO_PULL.exec(last.message) : null;
  return { image: parsed?.[1] ?? backOff?.[1] ?? null, cause: parsed?.[2] ?? null };
}

export const imagePullRule = (ctx: ContainerContext): Draft | null => {
  const waiting = ctx.status.state?.waiting;
  const reason = waiting?.reason ?? '';
  const message = waiting?.message ?? '';
  const image = ctx.spec?.image ?? ctx.status.image ?? '';
  if (reason === 'ErrImageNeverPull') {
    return containerDraft(ctx, {
      category: 'image-never-pull',
      reason,
      message: message || `Container image "${image}" is not present with pull policy of Never`,
      evidence: { image },
    });
  }
  if (reason === 'InvalidImageName') {
    return containerDraft(ctx, {
      category: 'image-invalid-name',
      reason,
      message: message || `The image reference "${image}" is not valid`,
      evidence: { image },
    });
  }
  if (reason !== 'ErrImagePull' && reason !== 'ImagePullBackOff') return null;
  const { image: named, cause } = pullCause(reason, message, ctx.containerEvents);
  const failed = pullFailures(ctx.containerEvents);
  const errorEvents = ctx.containerEvents.filter((e) => e.reason === 'Failed' && e.message === 'Error: ErrImagePull');
  const failures = Math.max(
    1,
    failed.reduce((n, e) => n + e.count, 0),
    errorEvents.reduce((n, e) => n + e.count, 0),
  );
  const ref = named ?? image;
  const category = cause ? classifyPullError(cause) : null;
  const attempts = `${failures} failed pull${failures === 1 ? '' : 's'}`;
  const texts: Record<PullCategory, string> = {
    'image-not-found': `Image ${ref} does not exist in the registry (${attempts}): ${cause}`,
    'image-pull-unauthorized': `The registry refused to serve ${ref} (${attempts}): ${cause}`,
    'image-pull-transient': `Pulling ${ref} failed with a temporary error (${attempts}): ${cause}`,
  };
  const missing = category === 'image-pull-unauthorized' ? missingPullSecrets(ctx.containerEvents, latest(failed)?.lastSeenMs ?? null) : [];
  const { suffix, evidence, ...timing } = missing.length > 0 ? refusalWithoutPullSecret(ctx, missing) : { suffix: '', evidence: {} };
  return containerDraft(ctx, {
    category: category ?? 'unknown',
    reason,
    message: (category ? texts[category] : `${reason}: ${cause ?? message ?? `pulling ${ref} failed`}`) + suffix,
    evidence: { image: ref, cause: cause ?? undefined, ...evidence },
    failures,
    since: failed[0]?.firstSeen ?? null,
    ...timing,
  });
};
