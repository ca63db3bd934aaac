// What every row of the bench needs: the cluster, the tools, the identities they run as, the audit log, a scratch
// folder, and a progress log on stderr (stdout carries only the results).
import fs from 'node:fs';
import path from 'node:path';
import type { AuditLog } from './audit-log.js';
import type { Identity } from './identities.js';
import type { KubeAccess } from './kube-api.js';
import type { GateRunner } from './runners.js';
import { manifestFile } from './lib/manifests.js';

export const TOOLS = ['gate', 'kubectl', 'k8s-deploy', 'cold'] as const;
export type ToolName = (typeof TOOLS)[number];

export interface BenchContext {
  root: string;
  admin: KubeAccess;
  kubectl: string;
  runner: GateRunner;
  /** The bench's copy of dist/ (taken at the start), or null when the bundle is not built. */
  dist: string | null;
  identities: Record<ToolName, Identity>;
  audit: AuditLog;
  scratch: string;
  runId: string;
  log: (line: string) => void;
  note: (line: string) => void;
  /** Throws when the cluster was restarted since the bench began: the run's numbers would no longer compare. */
  checkCluster: () => Promise<void>;
}

let files = 0;
/** Writes objects as one manifest file in a folder of its own (both tools are pointed at the folder). */
export function writeManifests(ctx: BenchContext, objects: readonly Record<string, unknown>[]): string {
  const dir = path.join(ctx.scratch, `manifests-${files++}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'app.yaml'), manifestFile(objects));
  return dir;
}

/** A fresh kubectl discovery cache, as on a fresh CI runner. */
export function freshCacheDir(ctx: BenchContext): string {
  const dir = path.join(ctx.scratch, `kubectl-cache-${files++}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
