// What one bench run measured, as plain numbers per tool and repetition. The rows, the quick line, the docs and the
// plot are all rendered from this one shape.
import type { RequestCounts } from './audit.js';

export interface RedResults {
  /** Verdict time minus the reference moment, per repetition, in ms (negative: verdict before the reference). */
  gate: number[];
  kubectl: number[];
  k8sDeploy: number[];
  /** What the times are measured from: the first CrashLoopBackOff, or (without it) the first pod's creation. */
  reference: 'CrashLoopBackOff' | 'pod created';
  progressDeadlineSeconds: number;
}

export interface GreenResults {
  /** Verdict time minus the moment the bench's own watch saw the rollout complete, in ms: the gate with --min-ready 0s. */
  gate: number[];
  /** The gate with its default stability window: verdict time minus (rollout complete + the window). */
  gateWindow: number[];
  /** The window the gateWindow runs used, ms. */
  windowMs: number;
  kubectl: number[];
  gateRequests: RequestCounts[];
  kubectlRequests: RequestCounts[];
}

/** A release that crashes seconds after it starts (Ready until then): kubectl's rule is met before the first exit. */
export interface LateCrashResults {
  /** The gate's red verdict minus the first container exit the bench's watch saw, ms. */
  gate: number[];
  /** What kubectl rollout status said for the same manifests, per repetition ("healthy" when it rolled out green). */
  kubectlVerdicts: string[];
  /** How long after start the containers crash. */
  crashAfter: string;
}

export interface ScaleResults {
  workloads: number;
  replicas: number;
  /** Wall time from start to verdict, ms. */
  gate: number[];
  kubectl: number[];
  gateRequests: RequestCounts[];
  kubectlRequests: RequestCounts[];
  /** Peak resident set (VmHWM) in bytes; for the kubectl sequence, the largest of its processes. */
  gateRss: number[];
  kubectlRss: number[];
}

export interface ColdStartResults {
  /** What was started: the bundle, or the source runner when dist/ is not built. */
  subject: string;
  firstRequestMs: number[];
  bundleBytes: number | null;
  /** dist/lazy/: packages the bundle requires on first use only (scripts/bundle/lazy-packages.mjs), not at start. */
  lazyBytes: number | null;
  importMs: number[];
}

/** One tool's run in the busy-namespace row. */
export interface BusyRun {
  /** From starting the tool to its verdict, ms. */
  wallMs: number;
  /** From the moment the bench's own watch saw the Deployment available (kubectl's rule) to the verdict, ms. */
  lagMs: number;
  requests: RequestCounts;
  /** Bytes the API server sent the tool (counted on the wire, TLS included). */
  bytes: number;
  peakRss: number | null;
}

export interface BusyResults {
  /** What the busy namespace held when the runs began. */
  unrelatedPods: number;
  storedEvents: number;
  /** Unrelated events written per second while the tools ran. */
  eventsPerSecond: number;
  replicas: number;
  gate: { busy: BusyRun[]; empty: BusyRun[] };
  kubectl: { busy: BusyRun[]; empty: BusyRun[] };
}

export interface WideResults {
  workloads: number;
  replicas: number;
  namespaces: number;
  /** Verdict time minus the moment the bench's own watch saw the last Deployment available, ms. */
  gateLag: number[];
  kubectlLag: number[];
  gateWall: number[];
  kubectlWall: number[];
  gateRequests: RequestCounts[];
  kubectlRequests: RequestCounts[];
  gateRss: number[];
  kubectlRss: number[];
}

export interface BenchResults {
  /** How the gate was run (bundle or source), shown next to every number. */
  gateRunner: string;
  red: RedResults | null;
  green: GreenResults | null;
  late: LateCrashResults | null;
  scale: ScaleResults[];
  cold: ColdStartResults | null;
  busy: BusyResults | null;
  wide: WideResults | null;
  notes: string[];
}

export function emptyResults(gateRunner: string): BenchResults {
  return { gateRunner, red: null, green: null, late: null, scale: [], cold: null, busy: null, wide: null, notes: [] };
}
