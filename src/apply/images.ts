// What the gate changes in every pod template of the manifests (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
// CronJob, Pod): the `images` input replaces the image of every container and init container whose repository
// matches; the `image-pull-secrets` input adds Secrets to imagePullSecrets.
//   ghcr.io/acme/api=ghcr.io/acme/api:1.4.3      explicit repository=reference
//   ghcr.io/acme/api:1.4.3                        the repository is taken from the reference
import { UserError } from '../errors.js';
import type { KubeObject, PodSpec } from '../k8s/objects.js';

export interface ImageSubstitution {
  repository: string;
  reference: string;
}

const REPOSITORY = /^[a-z0-9]+(?:(?:[._-]|__|-+|:\d+\/|\/)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

function validReference(ref: string): boolean {
  const [nameAndTag, digest, extra] = ref.split('@');
  if (extra !== undefined || (digest !== undefined && !DIGEST.test(digest))) return false;
  const repo = repositoryOf(nameAndTag);
  const tag = nameAndTag.length > repo.length ? nameAndTag.slice(repo.length + 1) : undefined;
  return REPOSITORY.test(repo) && (tag === undefined || TAG.test(tag));
}

export function repositoryOf(image: string): string {
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? noDigest : noDigest.slice(0, colon);
}

/** The tag of an image reference; null when it names none (the runtime then pulls "latest"). */
export function imageTagOf(image: string): string | null {
  const noDigest = image.split('@')[0];
  const repository = repositoryOf(noDigest);
  return noDigest.length > repository.length ? noDigest.slice(repository.length + 1) : null;
}

/** A digest (@sha256:...) pins the image whatever its tag says. */
export function isPinnedByDigest(image: string): boolean {
  return image.includes('@');
}

export function parseImageSubstitutions(lines: string[]): ImageSubstitution[] {
  return lines.map((line) => {
    const [left, right, ...rest] = line.split('=').map((s) => s.trim());
    if (rest.length) throw new UserError(`images: "${line}" has more than one "=": write repository=repository:tag`);
    const reference = right ?? left;
    const repository = right === undefined ? repositoryOf(left) : left;
    if (!validReference(reference) || !REPOSITORY.test(repository)) {
      throw new UserError(
        `images: "${line}" is not a valid image substitution: write repository=repository:tag (e.g. ghcr.io/acme/api=ghcr.io/acme/api:1.4.3)`,
      );
    }
    return { repository, reference };
  });
}

function mapping(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The pod templates' specs of an object (the objects themselves, not copies: the callers below edit a clone). */
export function podSpecsOf(obj: KubeObject): PodSpec[] {
  let spec: unknown;
  switch (obj.kind) {
    case 'Pod':
      spec = obj.spec;
      break;
    case 'CronJob':
      spec = mapping(mapping(mapping(mapping(obj.spec)?.jobTemplate)?.spec)?.template)?.spec;
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
    case 'ReplicationController':
      spec = mapping(mapping(obj.spec)?.template)?.spec;
      break;
    default:
      return [];
  }
  const found = mapping(spec);
  return found ? [found as PodSpec] : [];
}

/** Returns a copy of obj with substitutions applied, and how many containers changed. */
export function substituteImages<T extends KubeObject>(obj: T, subs: ImageSubstitution[]): { object: T; replaced: number } {
  if (subs.length === 0) return { object: obj, replaced: 0 };
  const copy = structuredClone(obj);
  let replaced = 0;
  for (const spec of podSpecsOf(copy)) {
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (typeof c.image !== 'string') continue;
      const image = c.image;
      const match = subs.find((s) => repositoryOf(image) === s.repository);
      if (match && c.image !== match.reference) {
        c.image = match.reference;
        replaced++;
      }
    }
  }
  return { object: copy, replaced };
}

/**
 * The `image-pull-secrets` input: a copy of obj whose every pod template lists these Secrets in imagePullSecrets,
 * after the ones it already names, each once.
 */
export function addImagePullSecrets<T extends KubeObject>(obj: T, names: string[]): T {
  if (names.length === 0 || podSpecsOf(obj).length === 0) return obj;
  const copy = structuredClone(obj);
  for (const spec of podSpecsOf(copy)) {
    const listed: { name?: string }[] = Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : [];
    const have = new Set(listed.map((r) => r?.name));
    spec.imagePullSecrets = [...listed, ...names.filter((n) => !have.has(n)).map((name) => ({ name }))];
  }
  return copy;
}
