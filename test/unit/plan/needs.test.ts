// What the plan reads by name before its checks (plan/needs.ts): the Secrets, ConfigMaps, ServiceAccount and claims a
// changed template names, and a namespace whose PodSecurity labels a warning depends on; never what the deploy applies.
import { describe, expect, it } from 'vitest';
import { objectsToRead } from '../../../src/plan/needs.js';
import { objectKey } from '../../../src/plan/types.js';
import { NS, planned, workload } from './fixtures.js';

const podSpec = {
  serviceAccountName: 'api-sa',
  volumes: [
    { name: 'cfg', configMap: { name: 'api-config' } },
    { name: 'data', persistentVolumeClaim: { claimName: 'api-data' } },
  ],
};
const container = { envFrom: [{ secretRef: { name: 'api-env' } }] };

describe('objectsToRead', () => {
  it('reads what a changed template names, in the workload namespace', () => {
    const w = planned(workload({ podSpec, container }));
    expect(objectsToRead([w], new Set())).toEqual([
      { apiVersion: 'v1', kind: 'Secret', namespace: NS, name: 'api-env' },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: NS, name: 'api-config' },
      { apiVersion: 'v1', kind: 'ServiceAccount', namespace: NS, name: 'api-sa' },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: NS, name: 'api-data' },
    ]);
  });

  it('skips what the deploy applies itself, and the default ServiceAccount', () => {
    const w = planned(workload({ podSpec: { ...podSpec, serviceAccountName: 'default' }, container }));
    const applied = new Set([objectKey('ConfigMap', NS, 'api-config'), objectKey('Secret', NS, 'api-env')]);
    expect(objectsToRead([w], applied)).toEqual([{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: NS, name: 'api-data' }]);
  });

  it('reads the deprecated serviceAccount field when serviceAccountName is not set', () => {
    const w = planned(workload({ podSpec: { serviceAccount: 'legacy-sa' } }));
    expect(objectsToRead([w], new Set())).toEqual([{ apiVersion: 'v1', kind: 'ServiceAccount', namespace: NS, name: 'legacy-sa' }]);
  });

  it('reads nothing for a workload whose template did not change', () => {
    const w = { ...planned(workload({ podSpec, container })), templateChanged: false };
    expect(objectsToRead([w], new Set())).toEqual([]);
  });

  it('reads the namespace when the dry run warned about PodSecurity, once for two workloads', () => {
    const warn = 'would violate PodSecurity "restricted:latest": runAsNonRoot != true';
    const a = { ...planned(workload({ name: 'api' })), warnings: [warn] };
    const b = { ...planned(workload({ name: 'web' })), warnings: [warn, 'another warning'] };
    const c = { ...planned(workload({ name: 'db' })), warnings: ['spec.template: a deprecated field'] };
    expect(objectsToRead([a, b, c], new Set())).toEqual([{ apiVersion: 'v1', kind: 'Namespace', namespace: undefined, name: NS }]);
  });
});
