import { describe, expect, it } from 'vitest';
import { stuckPods } from '../../../src/rollback/forced.js';

const sts = { metadata: { uid: 'sts-1' } };
const pod = (name: string, hash: string, ready: boolean, extra: Record<string, unknown> = {}) => ({
  metadata: { name, labels: { 'controller-revision-hash': hash }, ownerReferences: [{ controller: true, uid: 'sts-1' }], ...extra },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('stuckPods (StatefulSet forced rollback)', () => {
  it('picks only not-Ready pods of the failed revision that the StatefulSet owns', () => {
    const pods = [
      pod('db-2', 'db-bad', false),
      pod('db-1', 'db-bad', true),
      pod('db-0', 'db-good', false),
      {
        ...pod('other-0', 'db-bad', false),
        metadata: { ...pod('other-0', 'db-bad', false).metadata, ownerReferences: [{ controller: true, uid: 'other' }] },
      },
      pod('db-3', 'db-bad', false, { deletionTimestamp: '2026-11-23T12:00:00Z' }),
    ];
    expect(stuckPods(sts, pods, 'db-bad').map((p) => p.metadata?.name)).toEqual(['db-2']);
  });
});
