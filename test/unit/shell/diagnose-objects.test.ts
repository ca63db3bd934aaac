// Offline diagnose judges what the live wait judges beyond workloads: a custom resource its controller says is
// Stalled, a claim no volume can be provisioned for, a ReplicationController whose pods run an older template.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { tempDir } from '../../support/temp-dir.js';

async function diagnose(items: unknown[]) {
  const file = path.join(tempDir('kdg-objects'), 'dump.json');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  const out: string[] = [];
  const code = await runCli(['diagnose', '--from-file', file, '--now', '2026-11-23T12:00:00Z', '--output', 'json'], {
    stdout: (t) => out.push(t),
    stderr: () => {},
  });
  return { code, findings: JSON.parse(out.join('')).findings as Record<string, unknown>[] };
}

const widget = (stalled: 'True' | 'False', observedGeneration = 3) => ({
  apiVersion: 'example.dev/v1',
  kind: 'Widget',
  metadata: { name: 'blue', namespace: 'shop', generation: 3 },
  status: {
    observedGeneration,
    conditions: [{ type: 'Stalled', status: stalled, reason: 'InvalidSize', message: 'size 9000 is above the 100 this controller allows' }],
  },
});

const claim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'shop', uid: 'pvc-1' },
  spec: { storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Pending' },
};
const provisioningFailed = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'data.1', namespace: 'shop' },
  involvedObject: { kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: 'pvc-1' },
  type: 'Warning',
  reason: 'ProvisioningFailed',
  message: 'storageclass.storage.k8s.io "fast-ssd" not found',
  count: 4,
  firstTimestamp: '2026-11-23T11:58:00Z',
  lastTimestamp: '2026-11-23T11:59:50Z',
};
const standard = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'x' };

describe('diagnose --from-file beyond workloads', () => {
  it('a Stalled custom resource is object-stalled, fatal, with its condition; a stall of an older generation is not', async () => {
    const { code, findings } = await diagnose([widget('True')]);
    expect(code).toBe(0);
    expect(findings).toEqual([
      expect.objectContaining({ category: 'object-stalled', workload: 'Widget/shop/blue', reason: 'InvalidSize', fatal: true }),
    ]);
    expect(String(findings[0].message)).toMatch(/size 9000 is above the 100 this controller allows/);
    expect((await diagnose([widget('True', 2)])).findings).toEqual([]);
    expect((await diagnose([widget('False')])).findings).toEqual([]);
  });

  it('a Pending claim whose StorageClass the dump shows missing is pvc-provisioning-failed, fatal at once', async () => {
    const { findings } = await diagnose([claim, provisioningFailed, standard]);
    expect(findings).toEqual([
      expect.objectContaining({ category: 'pvc-provisioning-failed', workload: 'PersistentVolumeClaim/shop/data', fatal: true }),
    ]);
    expect(findings[0].message).toBe(
      'PersistentVolumeClaim data is Pending (storageClassName fast-ssd): storageclass.storage.k8s.io "fast-ssd" not found',
    );
  });

  it('a ReplicationController whose pods run an older template gets the pods-not-replaced note, not a failure', async () => {
    const template = (image: string) => ({ metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'app', image }] } });
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy', namespace: 'shop', uid: 'rc-1', generation: 2 },
      spec: { replicas: 1, selector: { app: 'legacy' }, template: template('ghcr.io/acme/legacy:2') },
      status: { observedGeneration: 2, replicas: 1, readyReplicas: 1, availableReplicas: 1, fullyLabeledReplicas: 1 },
    };
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'legacy-abcde',
        namespace: 'shop',
        uid: 'p-1',
        labels: { app: 'legacy' },
        ownerReferences: [{ kind: 'ReplicationController', name: 'legacy', uid: 'rc-1', controller: true }],
      },
      spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'ghcr.io/acme/legacy:1' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-11-23T11:00:00Z' }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'ghcr.io/acme/legacy:1', state: { running: {} } }],
      },
    };
    const { findings } = await diagnose([rc, pod]);
    expect(findings).toEqual([
      expect.objectContaining({ category: 'pods-not-replaced', workload: 'ReplicationController/shop/legacy', fatal: false }),
    ]);
  });
});
