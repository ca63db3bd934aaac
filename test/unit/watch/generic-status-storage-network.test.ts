// PersistentVolumeClaim and Service: the two built-in kinds whose readiness depends on the cluster's infrastructure.
import { describe, expect, it } from 'vitest';
import { objectStatus, type ObjectStatus, type ObjectStatusOptions } from '../../../src/watch/status/generic/index.js';

const current = (message: string): ObjectStatus => ({ state: 'current', message });
const inProgress = (reason: string, message: string): ObjectStatus => ({ state: 'in-progress', reason, message });
const failed = (reason: string, message: string): ObjectStatus => ({ state: 'failed', reason, message });

// StorageClass list items as the API server returns them (no kind on list items).
const storageClass = (name: string, volumeBindingMode: string) => ({
  metadata: { name, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode,
});
const classes = [storageClass('local-path', 'WaitForFirstConsumer'), storageClass('gp3', 'Immediate')];

function claim(
  phase: string | undefined,
  {
    storageClassName = 'local-path',
    annotations = {},
    volumeName,
  }: { storageClassName?: string | null; annotations?: object; volumeName?: string } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop', finalizers: ['kubernetes.io/pvc-protection'], annotations },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      volumeMode: 'Filesystem',
      ...(storageClassName === null ? {} : { storageClassName }),
      ...(volumeName === undefined ? {} : { volumeName }),
    },
    status: phase === undefined ? {} : { phase },
  };
}
const selectedNode = { 'volume.kubernetes.io/selected-node': 'worker-1' };
const notBound = (phase: string) => inProgress('NotBound', `PVC is not Bound. phase: ${phase}`);
const firstConsumer = current('PVC is Pending: waiting for first consumer to be created before binding');

const withClasses: ObjectStatusOptions = { waitForLoadBalancers: false, storageClasses: classes };
const withoutClasses: ObjectStatusOptions = { waitForLoadBalancers: false };

const pvcTable: { name: string; obj: unknown; options: ObjectStatusOptions; want: ObjectStatus }[] = [
  {
    name: 'Bound',
    obj: claim('Bound', { volumeName: 'pvc-5d0f' }),
    options: withClasses,
    want: current('PVC is Bound'),
  },
  {
    name: 'Pending on an Immediate class',
    obj: claim('Pending', { storageClassName: 'gp3' }),
    options: withClasses,
    want: notBound('Pending'),
  },
  { name: 'Pending on a WaitForFirstConsumer class, no pod yet', obj: claim('Pending'), options: withClasses, want: firstConsumer },
  {
    name: 'WaitForFirstConsumer once the scheduler picked a node: wait for Bound',
    obj: claim('Pending', { annotations: selectedNode }),
    options: withClasses,
    want: notBound('Pending'),
  },
  {
    name: 'WaitForFirstConsumer class but the classes are unknown: wait for Bound, as kstatus',
    obj: claim('Pending'),
    options: withoutClasses,
    want: notBound('Pending'),
  },
  {
    name: 'a class that does not exist binds at once in the PV controller',
    obj: claim('Pending', { storageClassName: 'missing' }),
    options: withClasses,
    want: notBound('Pending'),
  },
  {
    name: 'the beta annotation names the class',
    obj: claim('Pending', { storageClassName: null, annotations: { 'volume.beta.kubernetes.io/storage-class': 'local-path' } }),
    options: withClasses,
    want: firstConsumer,
  },
  {
    name: 'no class: static binding, wait',
    obj: claim('Pending', { storageClassName: '' }),
    options: withClasses,
    want: notBound('Pending'),
  },
  {
    name: 'a claim naming its volume is bound without delay',
    obj: claim('Pending', { volumeName: 'pv-data-0' }),
    options: withClasses,
    want: notBound('Pending'),
  },
  { name: 'no status yet', obj: claim(undefined), options: withClasses, want: notBound('unknown') },
  {
    name: 'Lost: the bound volume is gone, fatal',
    obj: claim('Lost', { volumeName: 'pvc-5d0f' }),
    options: withClasses,
    want: failed('ClaimLost', 'PVC is not Bound. phase: Lost'),
  },
  {
    name: 'being deleted (held by pvc-protection)',
    obj: { ...claim('Bound'), metadata: { ...claim('Bound').metadata, deletionTimestamp: '2025-03-02T10:15:00Z' } },
    options: withClasses,
    want: inProgress('Terminating', 'Resource scheduled for deletion'),
  },
];

describe('objectStatus: PersistentVolumeClaim', () => {
  it.each(pvcTable)('$name', ({ obj, options, want }) => {
    expect(objectStatus(obj, options)).toEqual(want);
  });
});

function service(spec: object, status: object = { loadBalancer: {} }) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], ...spec },
    status,
  };
}
const clusterIP = { type: 'ClusterIP', clusterIP: '10.96.14.7', clusterIPs: ['10.96.14.7'] };
const loadBalancer = { ...clusterIP, type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true };
const ready = current('Service is ready');
const noIngress = inProgress('NoIngressAssigned', 'LoadBalancer ingress not set. Service type: LoadBalancer');
const lb = { waitForLoadBalancers: true };
const noLb = { waitForLoadBalancers: false };

const serviceTable: { name: string; obj: unknown; options: ObjectStatusOptions; want: ObjectStatus }[] = [
  { name: 'ClusterIP', obj: service(clusterIP), options: lb, want: ready },
  { name: 'headless', obj: service({ ...clusterIP, clusterIP: 'None', clusterIPs: ['None'] }), options: lb, want: ready },
  { name: 'ExternalName', obj: service({ type: 'ExternalName', externalName: 'db.example.com' }), options: lb, want: ready },
  { name: 'LoadBalancer without ingress, not waiting for load balancers', obj: service(loadBalancer), options: noLb, want: ready },
  { name: 'LoadBalancer without ingress, waiting for load balancers', obj: service(loadBalancer), options: lb, want: noIngress },
  {
    name: 'LoadBalancer with an IP',
    obj: service(loadBalancer, { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] } }),
    options: lb,
    want: ready,
  },
  {
    name: 'LoadBalancer with a hostname',
    obj: service(loadBalancer, { loadBalancer: { ingress: [{ hostname: 'a1b2c3-123.eu-west-1.elb.amazonaws.com' }] } }),
    options: lb,
    want: ready,
  },
  {
    name: 'LoadBalancer ingress entry with neither IP nor hostname',
    obj: service(loadBalancer, { loadBalancer: { ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] } }),
    options: lb,
    want: noIngress,
  },
  {
    name: 'LoadBalancer without a cluster IP (kstatus)',
    obj: service({ type: 'LoadBalancer' }),
    options: noLb,
    want: inProgress('NoIPAssigned', 'ClusterIP not set. Service type: LoadBalancer'),
  },
];

describe('objectStatus: Service', () => {
  it.each(serviceTable)('$name', ({ obj, options, want }) => {
    expect(objectStatus(obj, options)).toEqual(want);
  });
});
