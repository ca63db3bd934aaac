// Carries out the rollback plan against the cluster: reads each workload's live object and history, plans (pure),
// applies the restored configurations as the gate's own field manager (so the next deploy from git applies cleanly),
// then waits for the restored revisions with the same watch and rules as the deploy. A rollback is reported, never
// counted as success.
import type { ApplyResult } from '../apply/apply.js';
import type { GateInputs } from '../inputs.js';
import type { KubeClient } from '../kube/client.js';
import { workloadId, type WorkloadRef, WORKLOADS } from '../k8s/kinds.js';
import { type AppliedWorkload, type RollbackResult } from '../model.js';
import { defaultJudge } from '../judge.js';
import { waitForWorkloads, type WaitResult } from '../watch/wait.js';
import { toRollbackResult, type RollbackExecution } from './messages.js';
import { notRestoredObjects, planRollback, type RollbackAction } from './plan.js';
import { describeError } from '../errors.js';
import { replaceStuckPods } from './forced.js';

const apiVersionOf = (kind: WorkloadRef['kind']) => WORKLOADS[kind].apiVersion;

export interface RollbackOptions {
  scope: GateInputs['rollbackScope'];
  onFirstDeployFailure: GateInputs['onFirstDeployFailure'];
  timeoutMs: number;
  fieldManager: string;
}

export async function readHistory(client: KubeClient, w: WorkloadRef): Promise<unknown[]> {
  if (w.kind === 'Deployment') return client.list('apps/v1', 'ReplicaSet', w.namespace);
  if (w.kind === 'StatefulSet' || w.kind === 'DaemonSet') return client.list('apps/v1', 'ControllerRevision', w.namespace);
  return [];
}

export async function rollbackRun(
  client: KubeClient,
  applied: ApplyResult,
  wait: WaitResult,
  inputs: GateInputs,
  log: (l: string) => void,
): Promise<RollbackResult> {
  return rollbackWorkloads(
    client,
    applied,
    wait,
    {
      scope: inputs.rollbackScope,
      onFirstDeployFailure: inputs.onFirstDeployFailure,
      timeoutMs: inputs.timeoutMs,
      fieldManager: inputs.fieldManager,
    },
    log,
  );
}

export async function rollbackWorkloads(
  client: KubeClient,
  applied: ApplyResult,
  wait: WaitResult,
  options: RollbackOptions,
  log: (l: string) => void,
): Promise<RollbackResult> {
  const started = Date.now();
  const current = new Map<string, unknown>();
  const history = new Map<string, unknown[]>();
  const candidates = applied.workloads.filter((w) => w.changed);
  await Promise.all(
    candidates.map(async (w) => {
      current.set(workloadId(w), await client.get(apiVersionOf(w.kind), w.kind, w.namespace, w.name));
      history.set(workloadId(w), await readHistory(client, w));
    }),
  );
  // The other objects' verdicts count too: a Certificate that stalls fails the deploy as a unit (rollback-scope).
  const outcomes = new Map([...wait.outcomes, ...wait.objects].map((o) => [workloadId(o), o.state]));
  const actions = planRollback(applied.workloads, outcomes, options, current, history);

  const executions = new Map<string, RollbackExecution>();
  const forced = new Map<string, string[]>();
  const undone: AppliedWorkload[] = [];
  for (const action of actions) {
    const id = workloadId(action);
    try {
      const sent = await execute(client, action, options.fieldManager);
      if (!sent) continue;
      log(`rollback: ${action.kind} ${action.namespace}/${action.name}: ${describeAction(action)}`);
      if (action.action === 'undo') undone.push(applied.workloads.find((w) => workloadId(w) === id)!);
      if (action.action === 'undo' && action.kind === 'StatefulSet')
        forced.set(id, await replaceStuckPods(client, action, current.get(id), log));
      else executions.set(id, { done: true, newRevision: null, error: null });
    } catch (e) {
      executions.set(id, { done: false, newRevision: null, error: describeError(e) });
      log(`rollback: ${action.kind} ${action.namespace}/${action.name} failed: ${describeError(e)}`);
    }
  }

  if (undone.length) {
    log(`rollback: waiting for ${undone.length} workload(s) to run their previous revision again`);
    // The restored template differs from the one this run applied on purpose: wait for it without the superseded check.
    const targets = undone.map(({ kind, namespace, name }) => ({ kind, namespace, name }));
    const rolled = await waitForWorkloads(client, targets, { timeoutMs: options.timeoutMs, failFast: true, judge: defaultJudge, log });
    for (const o of rolled.outcomes) {
      executions.set(workloadId(o), {
        done: o.state === 'healthy',
        newRevision: o.revisionAfter,
        error: o.state === 'healthy' ? null : `${o.state}: ${o.status.error ?? o.status.message}`,
        deletedPods: forced.get(workloadId(o)),
      });
    }
  }
  const result = toRollbackResult(actions, executions, notRestoredObjects(applied.objects));
  log(`rollback finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result;
}

function describeAction(action: RollbackAction): string {
  switch (action.action) {
    case 'undo':
      return `restoring the template of revision ${action.toRevision}${action.changeCause ? ` (${action.changeCause})` : ''}`;
    case 'scale-to-zero':
      return 'first deploy failed: scaled to zero';
    case 'delete':
      return 'first deploy failed: deleted';
    default:
      return action.action;
  }
}

/**
 * Sends the action's API call; false when the action changes nothing in the cluster (keep, skip). The restored
 * configuration is forced: a rollback must not stop on a field someone took during the run.
 */
async function execute(client: KubeClient, action: RollbackAction, fieldManager: string): Promise<boolean> {
  const apiVersion = apiVersionOf(action.kind);
  switch (action.action) {
    case 'undo':
    case 'scale-to-zero':
      await client.apply(action.object, fieldManager, true);
      return true;
    case 'delete':
      await client.delete(apiVersion, action.kind, action.namespace, action.name);
      return true;
    default:
      return false;
  }
}
