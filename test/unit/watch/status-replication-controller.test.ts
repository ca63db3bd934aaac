// The gate's ReplicationController rule (kubectl has none): ready and available replicas equal to spec.replicas, no
// extra pod left, at the observed generation; each wait in kubectl's voice.
import { describe, expect, it } from 'vitest';
import { replicationControllerStatus, rolloutStatus, rolloutStatusFor } from '../../../src/watch/status/index.js';

interface RcShape {
  generation?: number;
  replicas?: number;
  status: Record<string, number>;
}

const rc = ({ generation = 2, replicas, status }: RcShape) => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'web', generation },
  spec: replicas === undefined ? { selector: { app: 'web' } } : { replicas, selector: { app: 'web' } },
  status,
});

const waiting = (message: string) => ({ done: false, message, error: null });
const done = (message: string) => ({ done: true, message, error: null });

describe('replicationControllerStatus', () => {
  it.each([
    [
      'no observedGeneration yet',
      rc({ replicas: 2, status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 } }),
      waiting('Waiting for replication controller spec update to be observed...'),
    ],
    [
      'an older generation observed',
      rc({ generation: 3, replicas: 2, status: { observedGeneration: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 } }),
      waiting('Waiting for replication controller spec update to be observed...'),
    ],
    [
      'no pod ready',
      rc({ replicas: 2, status: { observedGeneration: 2, replicas: 2 } }),
      waiting('Waiting for replication controller "web" to be ready: 0 of 2 replicas are ready...'),
    ],
    [
      'one of two ready',
      rc({ replicas: 2, status: { observedGeneration: 2, replicas: 2, readyReplicas: 1, availableReplicas: 1 } }),
      waiting('Waiting for replication controller "web" to be ready: 1 of 2 replicas are ready...'),
    ],
    [
      'ready but not yet available (minReadySeconds)',
      rc({ replicas: 2, status: { observedGeneration: 2, replicas: 2, readyReplicas: 2, availableReplicas: 1 } }),
      waiting('Waiting for replication controller "web" to be ready: 1 of 2 ready replicas are available...'),
    ],
    [
      'an extra pod still terminating after a scale down',
      rc({ replicas: 2, status: { observedGeneration: 2, replicas: 3, readyReplicas: 2, availableReplicas: 2 } }),
      waiting('Waiting for replication controller "web" to scale down: 1 extra pods are pending termination...'),
    ],
    [
      'every replica ready and available',
      rc({ replicas: 2, status: { observedGeneration: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 } }),
      done('replication controller "web" has 2 of 2 replicas ready'),
    ],
    [
      'a newer generation observed than metadata says (the controller is never behind)',
      rc({ generation: 1, replicas: 1, status: { observedGeneration: 2, replicas: 1, readyReplicas: 1, availableReplicas: 1 } }),
      done('replication controller "web" has 1 of 1 replicas ready'),
    ],
    [
      'spec.replicas left out: the API server defaults it to 1',
      rc({ status: { observedGeneration: 2, replicas: 1, readyReplicas: 0 } }),
      waiting('Waiting for replication controller "web" to be ready: 0 of 1 replicas are ready...'),
    ],
    [
      'spec.replicas left out, its one pod ready',
      rc({ status: { observedGeneration: 2, replicas: 1, readyReplicas: 1, availableReplicas: 1 } }),
      done('replication controller "web" has 1 of 1 replicas ready'),
    ],
    [
      'scaled to zero',
      rc({ replicas: 0, status: { observedGeneration: 2, replicas: 0 } }),
      done('replication controller "web" has 0 of 0 replicas ready'),
    ],
    [
      'scaled to zero, one pod still terminating',
      rc({ replicas: 0, status: { observedGeneration: 2, replicas: 1 } }),
      waiting('Waiting for replication controller "web" to scale down: 1 extra pods are pending termination...'),
    ],
  ])('%s', (_, obj, want) => {
    expect(replicationControllerStatus(obj)).toEqual(want);
  });

  it('is chosen for v1 ReplicationControllers, and by kind for list items', () => {
    const obj = rc({ replicas: 1, status: { observedGeneration: 2, replicas: 1, readyReplicas: 1, availableReplicas: 1 } });
    expect(rolloutStatus(obj)).toEqual(done('replication controller "web" has 1 of 1 replicas ready'));
    const { apiVersion: _a, kind: _k, ...item } = obj;
    expect(rolloutStatusFor('ReplicationController', item)).toEqual(done('replication controller "web" has 1 of 1 replicas ready'));
    expect(rolloutStatus({ ...obj, apiVersion: 'apps/v1' })).toEqual({
      done: false,
      message: '',
      error: 'no status viewer has been implemented for ReplicationController.apps',
    });
  });
});
