// What one category means, in one place: when it is fatal, how the headline says it, the fix to suggest, which logs
// explain it and how its findings merge. Every category is one entry of the registry (index.ts); an entry without
// one of the required fields does not compile.
import type { Draft } from '../rules/types.js';

/** When a finding is fatal, i.e. waiting longer cannot help (see ../policy.ts). */
export type CategoryPolicy =
  { fatal: 'at-once' } | { fatal: 'after-failures'; failures: number } | { fatal: 'after-seconds'; seconds: number } | { fatal: 'never' };

/** What a hint names: a workload, or for the apply categories any object ("ConfigMap"). */
export interface HintSubject {
  kind: string;
  namespace: string;
  name: string;
}

export interface CategorySpec {
  policy: CategoryPolicy;
  /** The headline's words: "`payments/api` <phrase>". */
  phrase: string;
  /** The concrete next step in one sentence, quoting the evidence so the reader need not look anything up. */
  hint: (d: Draft, workload: HintSubject) => string;
  /** Which container log explains it: none (no process ran), the instance that ended, or the one running now. */
  logs: 'none' | 'last-ended' | 'running';
  /** The last log line says why: it is appended to the message. */
  logLineExplains?: boolean;
  /** About one machine: findings on different nodes are never merged. */
  perNode?: boolean;
  /**
   * What else makes two findings of this category one cause, beyond workload, category, container and node (see
   * ../merge.ts). 'message' (the default): reason, exit code and the message with names and numbers blanked out.
   * 'exit-code': one cause seen at the stages of the kubelet's restart cycle (the exit: Error, OOMKilled, StartError;
   * the back-off: CrashLoopBackOff, RunContainerError; the next run), whose reasons and wording differ. 'evidence': the
   * evidence's cause (a probe's output), not the message, which also says how long it has lasted.
   */
  sameCause?: 'message' | 'exit-code' | 'evidence';
  /** The machine rather than the template may be the cause: such findings can be re-labelled node-concentrated. */
  nodeSensitive?: boolean;
  /** Only reported once the pod is past the quiet grace: before that a pod is just starting. */
  quietWhileYoung?: boolean;
  /** Only `plan` predicts it (the API server refusing the apply itself): the diagnosis of pods never reports it. */
  planOnly?: true;
  /**
   * Only the deploy's wait reports it: about an object it waits for that a dump of pods and workloads does not hold
   * (a custom resource, a claim's provisioning), or a note on a workload it waited for. `diagnose --from-file` never does.
   */
  waitOnly?: true;
  /**
   * A fatal finding that ends the wait on its own (terminal: a Job that gave up, a StatefulSet ordinal held by a pod on a
   * lost node, replacements the kubelet keeps rejecting or evicting), or a workload-level one meaning no pod can be
   * created (blocks-creation).
   */
  workloadEffect?: 'terminal' | 'blocks-creation';
}

export const AT_ONCE: CategoryPolicy = { fatal: 'at-once' };
export const NEVER: CategoryPolicy = { fatal: 'never' };
export const after = (seconds: number): CategoryPolicy => ({ fatal: 'after-seconds', seconds });

export function registryOf(image: string | undefined): string {
  if (!image) return 'the registry';
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

export function podName(d: Draft, workload: HintSubject): string {
  return d.pod?.metadata?.name ?? workload.name;
}
