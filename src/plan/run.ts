// The plan's edge: the same inputs as the deploy, but every write is a dry run. It reads the manifests, dry-runs
// each object, previews a pod of each new template, reads what the checks need and reviews the gate's permissions,
// then hands everything to the pure assembly. Nothing is stored in the cluster.
import { describeSources, openClient, readManifests, resolvePlanned } from '../apply/prepare.js';
import { describeError, UserError } from '../errors.js';
import type { GateInputs } from '../inputs.js';
import type { KubeClient } from '../kube/client.js';
import { Cancelled, startPhase } from '../phase.js';
import { accessNeeds } from './checks/access.js';
import { reviewAccess } from './access-review.js';
import { assemblePlan } from './assemble.js';
import { dryRunObjects } from './dry-run.js';
import { objectsToRead } from './needs.js';
import { objectPlan, plannedWorkloads } from './object-plan.js';
import { previewPods } from './pod-preview.js';
import { readFacts } from './read-facts.js';
import { objectKey, type PlanResult } from './types.js';

export interface PlanDeps {
  log: (line: string) => void;
  maskSecret?: (secret: string) => void;
  signal?: AbortSignal;
  cwd?: string;
  client?: KubeClient;
}

export async function runPlan(inputs: GateInputs, deps: PlanDeps): Promise<PlanResult> {
  const started = Date.now();
  const phase = startPhase('the plan', inputs.timeoutMs, deps.signal);
  let cleanup = () => {};
  try {
    const { sources, manifests } = await readManifests(inputs, {
      cwd: deps.cwd,
      signal: phase.signal,
      deadlineAt: started + inputs.timeoutMs,
    });
    let client = deps.client;
    if (!client) ({ client, cleanup } = openClient(inputs, deps));
    client.http.useRunSignal(phase.signal);
    const version = await client.discovery.serverVersion();
    deps.log(`connected to ${client.http.server} (Kubernetes ${version})`);
    const planned = await resolvePlanned(client, manifests, inputs, deps.log);
    deps.log(
      `planning ${planned.length} object(s) from ${describeSources(sources)}: server-side apply as "${inputs.fieldManager}", dry run only`,
    );
    const objects = await dryRunObjects(client, planned, {
      fieldManager: inputs.fieldManager,
      forceConflicts: inputs.forceConflicts,
      fieldValidation: inputs.fieldValidation,
      respectHpa: inputs.respectHpa,
      annotate: inputs.annotate,
    });
    const plans = objects.map((o) => objectPlan(o, inputs.fieldManager));
    const preview = await previewPods(client, plannedWorkloads(objects, plans), objects, inputs.fieldManager);
    const workloads = preview.workloads;
    const applied = new Set(objects.map((o) => objectKey(o.kind, o.namespace, o.name)));
    const changing = workloads.filter((w) => w.action === 'create' || w.action === 'change');
    const read = await readFacts(
      client,
      objectsToRead(workloads, applied),
      objects,
      [...new Set(changing.map((w) => w.ref.namespace))],
      workloads.some((w) => w.templateChanged),
    );
    const needs = accessNeeds(objects, inputs.rollback);
    const review = await reviewAccess(client, needs);
    const plan = assemblePlan({
      objects,
      plans,
      workloads,
      facts: read.facts,
      access: review.answers ? { needs, answers: review.answers } : null,
      notes: [...preview.notes, ...read.notes, ...(review.note ? [review.note] : [])],
    });
    return { ...plan, durationMs: Date.now() - started };
  } catch (e) {
    const message = e instanceof Cancelled ? e.message : describeError(e);
    if (!(e instanceof UserError)) deps.log(`internal error (please report it): ${process.env.KDG_DEBUG ? (e as Error).stack : message}`);
    return emptyPlan(message, Date.now() - started);
  } finally {
    phase.dispose();
    cleanup();
  }
}

export function emptyPlan(error: string, durationMs = 0): PlanResult {
  return {
    mode: 'plan',
    verdict: 'error',
    durationMs,
    summary: { create: 0, change: 0, unchanged: 0, refused: 0 },
    objects: [],
    findings: [],
    risks: [],
    notes: [],
    error,
  };
}
