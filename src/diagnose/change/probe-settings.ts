// A probe's timings with the API server's defaults filled in, so an explicit "periodSeconds: 10" is not
// a change and the fail-fast arithmetic reads the numbers the kubelet actually uses.
import { asRecord } from './template-shape.js';

export interface ProbeSettings {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

// Defaults from k8s.io/kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Probe.
export const PROBE_DEFAULTS: ProbeSettings = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

export const PROBE_TIMING_FIELDS = Object.keys(PROBE_DEFAULTS) as (keyof ProbeSettings)[];

export function probeSettings(probe: unknown): ProbeSettings {
  const record = asRecord(probe) ?? {};
  const read = (field: keyof ProbeSettings): number => {
    const value = record[field];
    // Zero means "unset" for every timing except initialDelaySeconds, as in the API defaulting.
    if (typeof value !== 'number' || !Number.isFinite(value)) return PROBE_DEFAULTS[field];
    if (value <= 0 && field !== 'initialDelaySeconds') return PROBE_DEFAULTS[field];
    return value;
  };
  return {
    initialDelaySeconds: read('initialDelaySeconds'),
    periodSeconds: read('periodSeconds'),
    timeoutSeconds: read('timeoutSeconds'),
    successThreshold: read('successThreshold'),
    failureThreshold: read('failureThreshold'),
  };
}
