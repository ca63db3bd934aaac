// The rollback and the diagnosis used to compare pod templates with two rules: for a pair that differed only by the
// hash label and `hostNetwork: false` the rollback said "different" and the diagnosis "equal", so they could pick
// different "new" ReplicaSets. Both now ask k8s/template-equal.ts; this pins that they agree.
import { describe, expect, it } from 'vitest';
import { newRevisionOf } from '../../../src/diagnose/new-revision.js';
import { emptySnapshot } from '../../../src/k8s/kinds.js';
import { planDeploymentRollback } from '../../../src/rollback/deployment.js';
import { deploymentReplicaSets, deploymentRevision } from '../../../src/k8s/replicasets.js';
import { equalIgnoreHash } from '../../../src/k8s/template-equal.js';
import type { Workload } from '../../../src/k8s/objects.js';
import { deployment, replicaSet } from '../rollback/fixtures.js';

function withHostNetworkFalse(rs: Workload): Workload {
  const copy = structuredClone(rs);
  copy.spec!.template!.spec = { ...copy.spec!.template!.spec, hostNetwork: false };
  return copy;
}

describe('one template rule for rollback and diagnosis', () => {
  const live = deployment('nginx:1.25', { annotations: { 'deployment.kubernetes.io/revision': '2' } });
  const older = replicaSet('1', 'nginx:1.24');
  // The ReplicaSet of the live template, written by another serializer: hostNetwork false spelled out.
  const current = withHostNetworkFalse(replicaSet('2', 'nginx:1.25'));

  it('counts the hash label and a zero-valued field as no difference', () => {
    expect(equalIgnoreHash(current.spec!.template, live.spec!.template)).toBe(true);
  });

  it('the diagnosis picks that ReplicaSet as the new one', () => {
    expect(newRevisionOf('Deployment', live, { ...emptySnapshot(), replicaSets: [older, current] }).creator).toBe(current);
  });

  it("the rollback's history puts the same ReplicaSet last (the current one)", () => {
    expect(deploymentReplicaSets(live, [current, older]).at(-1)).toBe(current);
  });

  it('undo to revision 2 is a skip: the template already matches', () => {
    const step = planDeploymentRollback(live, [older, current], 2);
    expect(step).toEqual({ outcome: 'skipped', revision: 2, message: 'skipped rollback (current template already matches revision 2)' });
  });

  it('the revision read while the controller catches up is that ReplicaSet’s', () => {
    const catchingUp = deployment('nginx:1.25', {
      generation: 3,
      observedGeneration: 2,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    });
    expect(deploymentRevision(catchingUp, [older, current])).toBe(2);
  });
});
