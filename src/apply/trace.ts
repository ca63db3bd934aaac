// The trace a deploy leaves on each workload it changed, in the same apply: kubernetes.io/change-cause (the CHANGE-CAUSE
// column of `kubectl rollout history`; the controllers copy a workload's annotations onto the ReplicaSet or
// ControllerRevision of the revision it creates) and deploy.kube-deploy-gate.dev/run (repository, commit, run URL and
// actor as JSON). Both are metadata: stamping them never changes the pod template, so it never starts a rollout.
import type { KubeObject } from '../k8s/objects.js';
import { CHANGE_CAUSE_ANNOTATION, RUN_ANNOTATION } from '../k8s/well-known.js';

export interface TraceSource {
  repository?: string;
  sha?: string;
  runUrl?: string;
  actor?: string;
  /** Given by the person (input change-cause, --change-cause): used as is. */
  changeCause?: string;
  /** The command line of a run outside GitHub Actions, as kubectl's --record wrote it. */
  commandLine?: string;
}

export interface RunTrace {
  changeCause: string;
  /** The JSON for deploy.kube-deploy-gate.dev/run; null when nothing about the run is known. */
  run: string | null;
}

const MAX_CAUSE_CHARS = 1000;
export const TRACE_ANNOTATIONS = [CHANGE_CAUSE_ANNOTATION, RUN_ANNOTATION] as const;

export function runTrace(source: TraceSource): RunTrace {
  const { repository, sha, runUrl, actor } = source;
  let cause = source.changeCause?.trim();
  if (!cause && (repository || sha || runUrl)) {
    const where = [repository, sha ? sha.slice(0, 7) : undefined].filter(Boolean).join('@');
    cause = ['kube-deploy-gate:', where, runUrl && `run ${runUrl}`, actor && `by ${actor}`].filter(Boolean).join(' ');
  }
  if (!cause) cause = source.commandLine?.trim() || 'kube-deploy-gate deploy';
  const facts = Object.entries({ repository, commit: sha, runUrl, actor }).filter(([, v]) => v);
  return {
    changeCause: cause.length > MAX_CAUSE_CHARS ? `${cause.slice(0, MAX_CAUSE_CHARS - 3)}...` : cause,
    run: facts.length ? JSON.stringify(Object.fromEntries(facts)) : null,
  };
}

function annotationsOf(obj: KubeObject): Record<string, string> {
  obj.metadata ??= {};
  return (obj.metadata.annotations ??= {});
}

/**
 * Stamps the run's trace on a copy of `obj`. A change-cause the manifest writes itself is the person's and is kept.
 * `declared` is the manifest's own annotations (before any stamp).
 */
export function withTrace(obj: KubeObject, trace: RunTrace, declared: Readonly<Record<string, string>> = {}): KubeObject {
  const out = structuredClone(obj);
  const annotations = annotationsOf(out);
  if (!Object.hasOwn(declared, CHANGE_CAUSE_ANNOTATION)) annotations[CHANGE_CAUSE_ANNOTATION] = trace.changeCause;
  if (trace.run !== null && !Object.hasOwn(declared, RUN_ANNOTATION)) annotations[RUN_ANNOTATION] = trace.run;
  return out;
}

/**
 * A copy of `obj` whose trace annotations hold what the live object holds: an apply that changes nothing keeps the
 * trace of the revision that runs (leaving a key out would make server-side apply delete the one it stamped before).
 * Keys the manifest declares itself stay as declared.
 */
export function withLiveTrace(obj: KubeObject, live: KubeObject | null, declared: Readonly<Record<string, string>> = {}): KubeObject {
  const out = structuredClone(obj);
  const liveAnnotations = live?.metadata?.annotations ?? {};
  for (const key of TRACE_ANNOTATIONS) {
    if (Object.hasOwn(declared, key)) continue;
    if (Object.hasOwn(liveAnnotations, key)) annotationsOf(out)[key] = liveAnnotations[key];
    else if (out.metadata?.annotations) delete out.metadata.annotations[key];
  }
  if (out.metadata?.annotations && Object.keys(out.metadata.annotations).length === 0) delete out.metadata.annotations;
  return out;
}

/** A copy of `obj` carrying the trace annotations of the revision a rollback returns to (none when it had none). */
export function withRevisionTrace(obj: KubeObject, revisionAnnotations: Readonly<Record<string, string>>): KubeObject {
  return withLiveTrace(obj, { metadata: { annotations: { ...revisionAnnotations } } });
}
