import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { BENCH_LABEL, SCENARIO_ANNOTATION, deploymentManifest, manifestFile, scaleDeployments } from '../../../bench/lib/manifests.js';

describe('deploymentManifest', () => {
  it('labels the Deployment and its pods with the run, and selects on app', () => {
    const d: any = deploymentManifest({ name: 'web', replicas: 3, runId: 'r1' });
    expect(d.metadata).toEqual({ name: 'web', labels: { app: 'web', [BENCH_LABEL]: 'r1' } });
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.template.metadata).toEqual({ labels: { app: 'web', [BENCH_LABEL]: 'r1' } });
    expect(d.spec.replicas).toBe(3);
    expect(d.spec).not.toHaveProperty('progressDeadlineSeconds');
  });

  it('asks the KWOK stages for a crash loop and sets the progress deadline', () => {
    const d: any = deploymentManifest({ name: 'api', replicas: 2, runId: 'r1', crash: true, progressDeadlineSeconds: 60 });
    expect(d.spec.template.metadata.annotations).toEqual({ [SCENARIO_ANNOTATION]: 'crash' });
    expect(SCENARIO_ANNOTATION).toBe('kwok.kube-deploy-gate.dev/scenario');
    expect(d.spec.progressDeadlineSeconds).toBe(60);
  });
});

describe('manifestFile', () => {
  it('is one multi-document YAML file', () => {
    const objects = [
      deploymentManifest({ name: 'a', replicas: 1, runId: 'r' }),
      deploymentManifest({ name: 'b', replicas: 1, runId: 'r' }),
    ];
    const docs = YAML.parseAllDocuments(manifestFile(objects)).map((d) => d.toJSON());
    expect(docs).toEqual(objects);
  });
});

describe('scaleDeployments', () => {
  it.each([
    { count: 1, first: 'app-001', last: 'app-001' },
    { count: 100, first: 'app-001', last: 'app-100' },
    { count: 1000, first: 'app-0001', last: 'app-1000' },
  ])('$count names sort in manifest order', ({ count, first, last }) => {
    const specs = scaleDeployments(count, 'r');
    expect(specs).toHaveLength(count);
    expect([specs[0].name, specs[count - 1].name]).toEqual([first, last]);
    expect(specs.every((s) => s.replicas === 10 && s.runId === 'r')).toBe(true);
  });
});

describe('readinessProbe', () => {
  it.each([
    { readinessProbe: true, want: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 } },
    { readinessProbe: false, want: undefined },
  ])('readinessProbe: $readinessProbe', ({ readinessProbe, want }) => {
    const d: any = deploymentManifest({ name: 'api', replicas: 1, runId: 'r', readinessProbe });
    expect(d.spec.template.spec.containers[0].readinessProbe).toEqual(want);
  });
});
