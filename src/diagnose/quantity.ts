// What the scheduler counts for a pod's resources, from its containers' requests (quantities parsed by the one
// parser in k8s/quantity.ts).
import { quantityToNumber } from '../k8s/quantity.js';
import type { ContainerSpec, PodSpec, ResourceList } from '../k8s/objects.js';

export { formatQuantity } from '../k8s/quantity.js';

type Amount = (c: ContainerSpec, resource: string) => number | null;

function sum(containers: ContainerSpec[] | undefined, resource: string, amount: Amount): number {
  return (containers ?? []).reduce((acc, c) => acc + (amount(c, resource) ?? 0), 0);
}

/** A container's request, falling back to its limit as the API server defaults it. */
export function requestOf(c: ContainerSpec, resource: string): number | null {
  return quantityToNumber(c.resources?.requests?.[resource]) ?? quantityToNumber(c.resources?.limits?.[resource]);
}

/**
 * What the scheduler counts for a pod: the larger of the app containers' sum (plus restartable init containers) and
 * each ordinary init container, plus the pod overhead. Sidecars stay for the pod's life, so they add up.
 */
export function podRequest(spec: PodSpec | undefined, resource: string): number {
  return podAmount(spec, resource, requestOf);
}

/** A container's limit. */
export function limitOf(c: ContainerSpec, resource: string): number | null {
  return quantityToNumber(c.resources?.limits?.[resource]);
}

/** The pod's limit the way a ResourceQuota counts limits.cpu or limits.memory (the same sums as requests). */
export function podLimit(spec: PodSpec | undefined, resource: string): number {
  return podAmount(spec, resource, limitOf);
}

function podAmount(spec: PodSpec | undefined, resource: string, amount: Amount): number {
  if (!spec) return 0;
  if (resource === 'pods') return 1;
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  let running = sum(spec.containers, resource, amount) + sum(sidecars, resource, amount);
  let sidecarsSoFar = 0;
  for (const init of spec.initContainers ?? []) {
    if (init.restartPolicy === 'Always') {
      sidecarsSoFar += amount(init, resource) ?? 0;
      continue;
    }
    running = Math.max(running, sidecarsSoFar + (amount(init, resource) ?? 0));
  }
  return running + (quantityToNumber(spec.overhead?.[resource]) ?? 0);
}

export function quantityIn(list: ResourceList | undefined, resource: string): number | null {
  return quantityToNumber(list?.[resource]);
}
