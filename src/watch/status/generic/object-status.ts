// The verdict for an object that is not a workload, in kstatus's three outcomes that matter to a wait
// (sigs.k8s.io/cli-utils pkg/kstatus/status/status.go: Current, InProgress, Failed). kstatus's Terminating is
// reported as in progress: a resource being deleted is not what the run applied, and waiting is what kstatus
// callers (helm 4, cli-utils' apply) do with it too. The reason is kstatus's CamelCase reason when it has one.
export type ObjectState = 'current' | 'in-progress' | 'failed';

export interface ObjectStatus {
  state: ObjectState;
  message: string;
  reason?: string;
}

export function current(message: string): ObjectStatus {
  return { state: 'current', message };
}

export function inProgress(reason: string, message: string): ObjectStatus {
  return reason === '' ? { state: 'in-progress', message } : { state: 'in-progress', message, reason };
}

export function failed(reason: string, message: string): ObjectStatus {
  return reason === '' ? { state: 'failed', message } : { state: 'failed', message, reason };
}

/** What the caller knows beyond the object itself. Both inputs keep the rules pure: no lookups happen here. */
export interface ObjectStatusOptions {
  /** Input wait-for-load-balancers: a Service of type LoadBalancer is current only once it has an ingress. */
  waitForLoadBalancers: boolean;
  /**
   * The cluster's StorageClass objects (as `GET /apis/storage.k8s.io/v1/storageclasses` lists them), so a Pending
   * PVC whose class binds on first consumer can count as current. Absent when the caller could not list them:
   * then every PVC waits for Bound, as in kstatus.
   */
  storageClasses?: readonly unknown[];
}
