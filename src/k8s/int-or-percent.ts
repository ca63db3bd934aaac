// IntOrString fields such as maxSurge and maxUnavailable: "25%" of a total or a plain number, rounded the way the
// controllers round them (k8s.io/apimachinery/pkg/util/intstr GetScaledValueFromIntOrPercent, and
// pkg/controller/deployment/util ResolveFenceposts: surge rounds up, unavailable down, never both zero).

export function scaledValue(value: unknown, total: number, roundUp: boolean): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return null;
  const m = /^(\d+)%$/.exec(value.trim());
  if (!m) return /^\d+$/.test(value.trim()) ? Number(value) : null;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/** A Deployment's rolling-update fenceposts for `replicas`, with the API's 25%/25% defaults. */
export function rollingFenceposts(rollingUpdate: Record<string, unknown> | undefined, replicas: number): Fenceposts {
  const maxSurge = scaledValue(rollingUpdate?.maxSurge ?? '25%', replicas, true) ?? 0;
  let maxUnavailable = scaledValue(rollingUpdate?.maxUnavailable ?? '25%', replicas, false) ?? 0;
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}
