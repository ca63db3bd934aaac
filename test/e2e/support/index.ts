// One import for the cluster tests' helpers.
export * from './kube.js';
export * from './workloads.js';
export * from './kubelet-events.js';
