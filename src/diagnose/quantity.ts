// Kubernetes resource quantities ("500m", "256Mi", "1.5", "2e3") as numbers, and back as short texts, so a finding
// can say "requests 3 cpu; the largest node has 2" without pretending to be the API's exact canonical form.
import type { ContainerSpec, PodSpec, ResourceList } from './kube-shapes.js';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export function parseQuantity(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/.exec(value.trim());
  if (!m) return null;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** cpu in cores ("250m", "2"), memory-like resources in binary units ("256Mi"), counts as plain numbers. */
export function formatQuantity(resource: string, value: number): string {
  if (resource === 'cpu') {
    if (Number.isInteger(value)) return String(value);
    return `${Math.round(value * 1000)}m`;
  }
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    for (const unit of ['Gi', 'Mi', 'Ki'] as const) {
      const scaled = value / BINARY[unit];
      if (scaled >= 1) return `${Number.isInteger(scaled) ? scaled : Number(scaled.toFixed(1))}${unit}`;
    }
  }
  return String(Number.isInteger(value) ? value : Number(value.toFixed(3)));
}

function sum(containers: ContainerSpec[] | undefined, resource: string): number {
  return (containers ?? []).reduce((acc, c) => acc + (requestOf(c, resource) ?? 0), 0);
}

/** A container's request, falling back to its limit as the API server defaults it. */
export function requestOf(c: ContainerSpec, resource: string): number | null {
  return parseQuantity(c.resources?.requests?.[resource]) ?? parseQuantity(c.resources?.limits?.[resource]);
}

/**
 * What the scheduler counts for a pod: the larger of the app containers' sum (plus restartable init containers) and
 * each ordinary init container, plus the pod overhead. Sidecars stay for the pod's life, so they add up.
 */
export function podRequest(spec: PodSpec | undefined, resource: string): number {
  if (!spec) return 0;
  if (resource === 'pods') return 1;
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  let running = sum(spec.containers, resource) + sum(sidecars, resource);
  let sidecarsSoFar = 0;
  for (const init of spec.initContainers ?? []) {
    if (init.restartPolicy === 'Always') {
      sidecarsSoFar += requestOf(init, resource) ?? 0;
      continue;
    }
    running = Math.max(running, sidecarsSoFar + (requestOf(init, resource) ?? 0));
  }
  return running + (parseQuantity(spec.overhead?.[resource]) ?? 0);
}

export function quantityIn(list: ResourceList | undefined, resource: string): number | null {
  return parseQuantity(list?.[resource]);
}
