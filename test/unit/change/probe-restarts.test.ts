import { describe, expect, it } from 'vitest';
import { probeKillOf, restartCauses } from '../../../src/diagnose/change/probe-restarts.js';

const killing = (message: string, count = 1) => ({ reason: 'Killing', message, count });

describe('probeKillOf', () => {
  it.each([
    [killing('Container api failed liveness probe, will be restarted'), 'liveness'],
    [killing('Container api failed startup probe, will be restarted'), 'startup'],
    [killing('Container api failed liveness probe'), 'liveness'],
    [
      killing('Killing container with id docker://api:Container failed liveness probe.. Container will be killed and recreated.'),
      'liveness',
    ],
    [killing('Stopping container api'), null],
    [killing('Container worker failed liveness probe, will be restarted'), null],
    [killing('Container api-v2 failed liveness probe, will be restarted'), null],
    [{ reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500' }, null],
  ])('%j -> %s', (event, probe) => {
    expect(probeKillOf(event, 'api')).toBe(probe);
  });
});

describe('restartCauses', () => {
  const unhealthy = {
    reason: 'Unhealthy',
    message: 'Liveness probe failed: Get "http://10.244.1.7:8080/healthz": dial tcp 10.244.1.7:8080: connect: connection refused',
    count: 12,
  };
  const backoff = {
    reason: 'BackOff',
    message: 'Back-off restarting failed container api in pod api-7d9c6b5f4-x2kqp_shop(0f1e)',
    count: 6,
  };
  it.each([
    [
      'every restart was a liveness kill',
      4,
      [unhealthy, killing('Container api failed liveness probe, will be restarted', 4), backoff],
      { cause: 'liveness-probe', livenessKills: 4, crashes: 0 },
    ],
    [
      'startup probe kills',
      2,
      [killing('Container api failed startup probe, will be restarted', 2)],
      { cause: 'startup-probe', startupKills: 2, crashes: 0 },
    ],
    ['no probe kill: real crashes', 5, [backoff], { cause: 'crash', crashes: 5 }],
    [
      'some of each',
      5,
      [killing('Container api failed liveness probe, will be restarted', 2), backoff],
      { cause: 'mixed', livenessKills: 2, crashes: 3 },
    ],
    [
      'a kill that has not restarted the container yet is not a crash',
      1,
      [killing('Container api failed liveness probe, will be restarted', 2)],
      { cause: 'liveness-probe', livenessKills: 2, crashes: 0 },
    ],
    [
      "another container's kills do not count",
      3,
      [killing('Container sidecar failed liveness probe, will be restarted', 3)],
      { cause: 'crash', crashes: 3 },
    ],
    ['no restarts', 0, [], { cause: 'none', crashes: 0 }],
  ] as const)('%s', (_name, restarts, events, expected) => {
    expect(restartCauses('api', restarts, [...events])).toMatchObject({ container: 'api', restarts, ...expected });
  });
});
