// Service: kstatus serviceConditions (sigs.k8s.io/cli-utils pkg/kstatus/status/core.go) only waits for a
// LoadBalancer Service's clusterIP, which the API server assigns on create, so in practice every Service is current
// at once. With the input wait-for-load-balancers the gate also waits for status.loadBalancer.ingress, as helm 3's
// readiness check did (pkg/kube/ready.go serviceReady); it is opt-in because many clusters (kind, bare metal without
// MetalLB) never provision one.
import { record, records, text, type Plain } from '../../../k8s/fields.js';
import { current, inProgress, type ObjectStatus, type ObjectStatusOptions } from './object-status.js';

// An ingress point is an address (ip) or a DNS name (hostname); an entry with neither points nowhere.
function hasIngress(status: Plain): boolean {
  return records(record(status.loadBalancer).ingress).some((i) => text(i.ip) !== '' || text(i.hostname) !== '');
}

export function serviceStatus(object: unknown, options: ObjectStatusOptions): ObjectStatus {
  const service = record(object);
  const spec = record(service.spec);
  const type = text(spec.type) || 'ClusterIP';
  if (type === 'LoadBalancer') {
    if (text(spec.clusterIP) === '') return inProgress('NoIPAssigned', 'ClusterIP not set. Service type: LoadBalancer');
    if (options.waitForLoadBalancers && !hasIngress(record(service.status))) {
      return inProgress('NoIngressAssigned', 'LoadBalancer ingress not set. Service type: LoadBalancer');
    }
  }
  return current('Service is ready');
}
