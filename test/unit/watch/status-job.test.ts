import { describe, expect, it } from 'vitest';
import { jobStatus } from '../../../src/watch/status/index.js';

function job(spec: Record<string, unknown>, status: Record<string, unknown>) {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { namespace: 'ci', name: 'migrate', generation: 1 }, spec, status };
}

const cond = (type: string, reason: string, message: string, status = 'True') => ({ type, status, reason, message });

const complete = cond('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
const successMet = cond('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods');
const backoff = cond('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
const deadline = cond('Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline');
const podPolicyTarget = cond(
  'FailureTarget',
  'PodFailurePolicy',
  'Container main for pod ci/migrate-8ckj8 failed with exit code 42 matching FailJob rule at index 0',
);
const failedIndexesTarget = cond('FailureTarget', 'FailedIndexes', 'Job has failed indexes');
const maxFailedIndexes = cond('Failed', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes');
const suspended = cond('Suspended', 'JobSuspended', 'Job suspended');
const resumed = cond('Suspended', 'JobResumed', 'Job resumed', 'False');

const done = { done: true, message: 'job "migrate" completed', error: null };
const waiting = (message: string) => ({ done: false, message, error: null });
const error = (text: string) => ({ done: false, message: '', error: text });

const table = [
  { name: 'Complete', spec: { completions: 1 }, status: { succeeded: 1, conditions: [successMet, complete] }, want: done },
  {
    name: 'SuccessCriteriaMet before Complete: the outcome is settled',
    spec: { completions: 1 },
    status: { succeeded: 1, terminating: 1, conditions: [successMet] },
    want: done,
  },
  {
    name: 'success policy met on an indexed job',
    spec: { completions: 5, completionMode: 'Indexed' },
    status: { succeeded: 1, conditions: [cond('SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0')] },
    want: done,
  },
  {
    name: 'Failed: backoff limit',
    spec: { backoffLimit: 2 },
    status: { failed: 3, conditions: [backoff] },
    want: error('job "migrate" failed: BackoffLimitExceeded: Job has reached the specified backoff limit'),
  },
  {
    name: 'Failed: active deadline',
    spec: { activeDeadlineSeconds: 60 },
    status: { conditions: [deadline] },
    want: error('job "migrate" failed: DeadlineExceeded: Job was active longer than specified deadline'),
  },
  {
    name: 'Failed: max failed indexes',
    spec: { completions: 10, completionMode: 'Indexed' },
    status: { conditions: [maxFailedIndexes] },
    want: error('job "migrate" failed: MaxFailedIndexesExceeded: Job has exceeded the specified maximal number of failed indexes'),
  },
  {
    name: 'FailureTarget before Failed: the failure is settled',
    spec: {},
    status: { failed: 1, terminating: 2, conditions: [podPolicyTarget] },
    want: error(
      'job "migrate" failed: PodFailurePolicy: Container main for pod ci/migrate-8ckj8 failed with exit code 42 matching FailJob rule at index 0',
    ),
  },
  {
    name: 'Failed wins over FailureTarget when both are there',
    spec: {},
    status: { conditions: [failedIndexesTarget, cond('Failed', 'FailedIndexes', 'Job has failed indexes')] },
    want: error('job "migrate" failed: FailedIndexes: Job has failed indexes'),
  },
  {
    name: 'failure wins over success on a malformed object',
    spec: {},
    status: { conditions: [complete, backoff] },
    want: error('job "migrate" failed: BackoffLimitExceeded: Job has reached the specified backoff limit'),
  },
  {
    name: 'Failed without a message',
    spec: {},
    status: { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] },
    want: error('job "migrate" failed: BackoffLimitExceeded'),
  },
  {
    name: 'Failed without reason or message',
    spec: {},
    status: { conditions: [{ type: 'Failed', status: 'True' }] },
    want: error('job "migrate" failed'),
  },
  {
    name: 'a False Failed condition is no failure',
    spec: { completions: 2 },
    status: { succeeded: 1, conditions: [cond('Failed', 'BackoffLimitExceeded', 'x', 'False')] },
    want: waiting('Waiting for job "migrate" to complete: 1 of 2 completions succeeded...'),
  },
  {
    name: 'a False Complete condition is not done',
    spec: { completions: 2 },
    status: { succeeded: 1, conditions: [cond('Complete', '', '', 'False')] },
    want: waiting('Waiting for job "migrate" to complete: 1 of 2 completions succeeded...'),
  },
  {
    name: 'suspended',
    spec: { suspend: true, completions: 3 },
    status: { conditions: [suspended] },
    want: waiting('job "migrate" is suspended'),
  },
  { name: 'suspended before the controller noticed', spec: { suspend: true }, status: {}, want: waiting('job "migrate" is suspended') },
  {
    name: 'resumed while the condition still says suspended',
    spec: { suspend: false, completions: 3 },
    status: { conditions: [suspended] },
    want: waiting('Waiting for job "migrate" to complete: 0 of 3 completions succeeded...'),
  },
  {
    name: 'resumed',
    spec: { suspend: false, completions: 3 },
    status: { active: 3, conditions: [resumed] },
    want: waiting('Waiting for job "migrate" to complete: 0 of 3 completions succeeded...'),
  },
  { name: 'a suspended job that already completed is completed', spec: { suspend: true }, status: { conditions: [complete] }, want: done },
  {
    name: 'completions default to 1',
    spec: { parallelism: 1 },
    status: { active: 1 },
    want: waiting('Waiting for job "migrate" to complete: 0 of 1 completions succeeded...'),
  },
  {
    name: 'a null completions (work queue) reads as 1',
    spec: { completions: null, parallelism: 4 },
    status: { active: 4 },
    want: waiting('Waiting for job "migrate" to complete: 0 of 1 completions succeeded...'),
  },
  {
    name: 'indexed job counts succeeded pods',
    spec: { completions: 5, parallelism: 2, completionMode: 'Indexed' },
    status: { succeeded: 3, completedIndexes: '0-2', active: 2 },
    want: waiting('Waiting for job "migrate" to complete: 3 of 5 completions succeeded...'),
  },
  {
    name: 'no status yet',
    spec: { completions: 2 },
    status: undefined,
    want: waiting('Waiting for job "migrate" to complete: 0 of 2 completions succeeded...'),
  },
];

describe('jobStatus', () => {
  it.each(table)('$name', ({ spec, status, want }) => {
    expect(jobStatus(job(spec, status as Record<string, unknown>))).toEqual(want);
  });

  it('ignores generation: Jobs have no observedGeneration', () => {
    const j = { ...job({ completions: 1 }, { succeeded: 1, conditions: [complete] }), metadata: { name: 'migrate', generation: 7 } };
    expect(jobStatus(j)).toEqual(done);
  });
});
