// The one definition of the gate's inputs, shared by the Action (INPUT_* via @actions/core) and the CLI (flags).
// Each shell supplies a `get(name)`; this module turns strings into checked values or one clear error naming the input.
import { UserError } from './errors.js';
import { splitList } from './apply/sources.js';
import { parseImageSubstitutions, type ImageSubstitution } from './apply/images.js';
import { parseDuration } from './duration.js';
import { namespaceProblem } from './k8s/names.js';
import { CONFLICTS_MODES, type ConflictsMode } from './apply/ownership.js';
import { parseKindPatterns, type WaitFor } from './watch/generic-targets.js';

export type RollbackScope = 'all-changed' | 'failed-only';
export type FirstDeployFailure = 'keep' | 'scale-to-zero' | 'delete';
export type PrComment = 'true' | 'false' | 'auto-find';
/** deploy: apply, wait, roll back. plan: the same inputs, every write a dry run; report what would change and fail. */
export type Mode = 'deploy' | 'plan';
/** What the API server does with a field its schema does not know: refuse the object (Strict) or warn (Warn). */
export type FieldValidationInput = 'Strict' | 'Warn';

export interface GateInputs {
  mode: Mode;
  manifests: string[];
  namespace?: string;
  kubeconfig?: string;
  kubeconfigFile?: string;
  context?: string;
  images: ImageSubstitution[];
  /** Secrets added to imagePullSecrets of every pod template (input image-pull-secrets). */
  imagePullSecrets: string[];
  /** Fetch plain http:// manifest URLs too (input allow-http-manifests). */
  allowHttpManifests: boolean;
  fieldManager: string;
  /** What the deploy does with fields other managers hold (see apply/ownership.ts). */
  conflicts: ConflictsMode;
  /** The same as conflicts === 'force' (the older input force-conflicts). */
  forceConflicts: boolean;
  fieldValidation: FieldValidationInput;
  /** Stamp kubernetes.io/change-cause and the run trace on the workloads the run changed. */
  annotate: boolean;
  /** Leave spec.replicas out of the apply for workloads an HPA scales. */
  respectHpa: boolean;
  /** Which applied objects besides the workloads the deploy waits for, with the kstatus rules. */
  waitFor: WaitFor;
  /** A LoadBalancer Service waits for its ingress (many clusters never assign one). */
  waitForLoadBalancers: boolean;
  /** An explicit change-cause; otherwise one is made from the GitHub run or the command line. */
  changeCause?: string;
  timeoutMs: number;
  /** The stability window after kubectl's rule says done; 0: kubectl's verdict alone. */
  minReadyMs: number;
  failFast: boolean;
  rollback: boolean;
  rollbackScope: RollbackScope;
  onFirstDeployFailure: FirstDeployFailure;
  rollbackOnCancel: boolean;
  summary: boolean;
  prComment: PrComment;
  reportId?: string;
  githubToken?: string;
}

/** Node's timers hold at most 2^31-1 ms (24.8 days); beyond it a timer fires at once. A little is kept for grace. */
/** How long the new pods must stay up after kubectl's rule says done, unless the input says otherwise. */
export const DEFAULT_MIN_READY_MS = 10_000;

export const MAX_TIMEOUT_MS = 2_147_000_000;
const MAX_TIMEOUT_HOURS = Math.floor(MAX_TIMEOUT_MS / 3_600_000);

export type InputGetter = (name: string) => string | undefined;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const v = (value ?? '').trim();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UserError(`input ${name}: "${v}" is not one of ${allowed.join(', ')}`);
}

export function parseBool(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new UserError(`input ${name}: "${value}" is not a boolean (true or false)`);
}

// A Secret's name is a DNS subdomain (RFC 1123): lowercase letters, digits, '-' and '.', at most 253 characters.
const SECRET_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function secretNames(name: string, value: string | undefined): string[] {
  const names = splitList(value ?? '');
  for (const n of names) {
    if (n.length > 253 || !SECRET_NAME.test(n)) {
      throw new UserError(`input ${name}: "${n}" is not a valid Secret name (lowercase letters, digits, '-' and '.')`);
    }
  }
  return [...new Set(names)];
}

function optional(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function durationInput(name: string, text: string): number {
  try {
    return parseDuration(text);
  } catch (e) {
    throw new UserError(`input ${name}: ${(e as Error).message}`);
  }
}

/** `workloads`, `all` (the default) or a list of kinds (`Certificate`, `Certificate.cert-manager.io`). */
function waitForInput(value: string | undefined): WaitFor {
  const entries = splitList(value ?? '');
  if (entries.length === 0 || (entries.length === 1 && entries[0] === 'all')) return { mode: 'all' };
  if (entries.length === 1 && entries[0] === 'workloads') return { mode: 'workloads' };
  // The workloads are always waited for, so naming them in a list adds nothing but is not wrong.
  const kinds = entries.filter((e) => e !== 'workloads');
  if (kinds.includes('all')) throw new UserError('input wait-for: "all" already waits for every kind; do not list kinds beside it');
  try {
    return { mode: 'kinds', kinds: parseKindPatterns(kinds) };
  } catch (e) {
    throw new UserError(`input wait-for: ${(e as Error).message}; or workloads, or all`);
  }
}

/** `conflicts`, with `force-conflicts: true` kept as another way to say `conflicts: force`. */
function conflictsInput(get: InputGetter): ConflictsMode {
  const force = parseBool('force-conflicts', get('force-conflicts'), false);
  const given = optional(get('conflicts'));
  if (given === undefined) return force ? 'force' : 'take-imperative';
  const mode = oneOf('conflicts', given, CONFLICTS_MODES, 'take-imperative');
  if (force && mode !== 'force') {
    throw new UserError(
      `input force-conflicts: true contradicts conflicts: ${mode}: set only one of them (force-conflicts: true is conflicts: force)`,
    );
  }
  return mode;
}

export function parseInputs(get: InputGetter): GateInputs {
  const timeout = optional(get('timeout')) ?? '5m';
  let timeoutMs: number;
  try {
    timeoutMs = parseDuration(timeout);
  } catch (e) {
    throw new UserError(`input timeout: ${(e as Error).message}`);
  }
  if (timeoutMs <= 0) throw new UserError(`input timeout: "${timeout}" must be longer than zero`);
  if (timeoutMs > MAX_TIMEOUT_MS) {
    throw new UserError(
      `input timeout: "${timeout}" is longer than the gate can wait (a timer holds at most ${MAX_TIMEOUT_HOURS}h): use at most ${MAX_TIMEOUT_HOURS}h`,
    );
  }
  const givenMinReady = optional(get('min-ready'));
  // The default window fits in any timeout: a third of it when the timeout is short; a window asked for must fit.
  const minReadyMs = givenMinReady ? durationInput('min-ready', givenMinReady) : Math.min(DEFAULT_MIN_READY_MS, Math.floor(timeoutMs / 3));
  if (minReadyMs >= timeoutMs) {
    throw new UserError(
      `input min-ready: "${givenMinReady}" is not shorter than the timeout (${timeout}): the window could never end; shorten it or lengthen the timeout`,
    );
  }
  const namespace = optional(get('namespace'));
  const nsProblem = namespace ? namespaceProblem(namespace) : null;
  if (nsProblem) throw new UserError(`input namespace: "${namespace}" is not a valid namespace name: it ${nsProblem}`);
  const conflicts = conflictsInput(get);
  return {
    mode: oneOf('mode', get('mode'), ['deploy', 'plan'] as const, 'deploy'),
    manifests: splitList(get('manifests') ?? ''),
    namespace,
    kubeconfig: get('kubeconfig'),
    kubeconfigFile: optional(get('kubeconfig-file')),
    context: optional(get('context')),
    images: parseImageSubstitutions(splitList(get('images') ?? '')),
    imagePullSecrets: secretNames('image-pull-secrets', get('image-pull-secrets')),
    allowHttpManifests: parseBool('allow-http-manifests', get('allow-http-manifests'), false),
    fieldManager: optional(get('field-manager')) ?? 'kube-deploy-gate',
    fieldValidation: oneOf('field-validation', get('field-validation'), ['Strict', 'Warn'] as const, 'Strict'),
    conflicts,
    forceConflicts: conflicts === 'force',
    annotate: parseBool('annotate', get('annotate'), true),
    respectHpa: parseBool('respect-hpa', get('respect-hpa'), true),
    waitFor: waitForInput(get('wait-for')),
    waitForLoadBalancers: parseBool('wait-for-load-balancers', get('wait-for-load-balancers'), false),
    changeCause: optional(get('change-cause')),
    timeoutMs,
    minReadyMs,
    failFast: parseBool('fail-fast', get('fail-fast'), true),
    rollback: parseBool('rollback', get('rollback'), true),
    rollbackScope: oneOf('rollback-scope', get('rollback-scope'), ['all-changed', 'failed-only'] as const, 'all-changed'),
    onFirstDeployFailure: oneOf(
      'on-first-deploy-failure',
      get('on-first-deploy-failure'),
      ['keep', 'scale-to-zero', 'delete'] as const,
      'keep',
    ),
    rollbackOnCancel: parseBool('rollback-on-cancel', get('rollback-on-cancel'), false),
    summary: parseBool('summary', get('summary'), true),
    prComment: oneOf('pr-comment', get('pr-comment'), ['true', 'false', 'auto-find'] as const, 'true'),
    reportId: optional(get('report-id')),
    githubToken: optional(get('github-token')),
  };
}
