// What the renderers take: the run's result plus where it ran. Kept apart from model.ts because only the report
// needs the run context, the per-workload timings and the shrink options.
import type { DeployResult } from '../model.js';

export interface ReportContext {
  /** Link to the workflow run (its summary page). */
  runUrl?: string;
  runId?: string | number;
  /** "owner/repo" */
  repository?: string;
  sha?: string;
  /** Identifies the sticky PR comment; see marker.ts. */
  reportId: string;
  /** Shown before the headline, e.g. the environment ("production"). */
  title?: string;
}

export interface ReportInput {
  result: DeployResult;
  context: ReportContext;
  /** Milliseconds each workload took to reach its verdict, keyed by workloadId ("Deployment/ns/name"). */
  timings?: Record<string, number>;
  /** Milliseconds from the first fatal status to the verdict (fail-fast latency). */
  verdictLatencyMs?: number;
  /** The clock, for event ages ("12s ago"); without it events show their timestamps. */
  now?: Date;
  /** The run's timeout: "Deploy timed out after 5m" says it rather than the run's duration, which includes the rollback. */
  timeoutMs?: number;
}

export type ReportForm = 'summary' | 'comment';

/** The knobs fitToLimit turns, from the full report down to the smallest useful one. */
export interface RenderOptions {
  form: ReportForm;
  maxLogLines: number;
  includeEvents: boolean;
  mergeNonFatal: boolean;
  /** How many findings, counted from the least severe, to leave out. */
  omitFindings: number;
  /** Human name of the limit being fitted, for the notices ("1 MiB per job summary"). */
  limitName: string;
}

export const FULL_LOG_LINES = 25;
