import { describe, expect, it } from 'vitest';
import { annotationsFor, manifestLocations, MAX_PER_LEVEL } from '../../../src/report/annotations.js';
import { stepOutputs } from '../../../src/report/outputs.js';
import type { Finding } from '../../../src/model.js';
import { oom, rollbackDone, timeoutNoFatal, healthy } from './fixtures.js';

describe('annotationsFor', () => {
  const locations = new Map([['Deployment/payments/api', { file: 'deploy/payments/api.yaml', documentIndex: 1, line: 23 }]]);

  it('an error for a fatal finding, at the manifest line of its workload', () => {
    expect(annotationsFor(oom.result.findings, locations)).toEqual([
      {
        level: 'error',
        title: 'oom-killed · Deployment/payments/api',
        message: expect.stringMatching(
          /^The container was killed at its memory limit \(256Mi\) 3 times.* \(3\/3 pods, container api, pod api-6d9f7c-x2k4p, node worker-1, worker-2, worker-3\) Fix: Raise resources\.limits\.memory/,
        ),
        file: 'deploy/payments/api.yaml',
        startLine: 23,
      },
    ]);
  });

  it('a warning for a non-fatal finding, without a location when unknown', () => {
    const [a] = annotationsFor(timeoutNoFatal.result.findings, locations);
    expect(a).toEqual({
      level: 'warning',
      title: 'readiness-probe-failing · Deployment/search/indexer',
      message: expect.stringContaining('Readiness probe failed: HTTP probe failed with statuscode: 503'),
    });
  });

  it('a workload from a manifest URL: no file in the repository to point at, so the message says where it came from', () => {
    const fetched = new Map([['Deployment/payments/api', { file: 'https://raw.example.com/k8s/api.yaml', documentIndex: 1, line: 23 }]]);
    const [a] = annotationsFor(oom.result.findings, fetched);
    expect(a).not.toHaveProperty('file');
    expect(a).not.toHaveProperty('startLine');
    expect(a.message).toMatch(/ Manifest: https:\/\/raw\.example\.com\/k8s\/api\.yaml, document 2\.$/);
  });

  it('a finding about any applied object (a stalled custom resource) sits on its manifest line too', () => {
    const widget = { file: 'deploy/widgets.yaml', documentIndex: 0, line: 1 };
    const locations = manifestLocations([
      { kind: 'Widget', namespace: 'shop', name: 'blue', source: widget },
      { kind: 'ClusterRole', name: 'reader', source: { file: 'deploy/rbac.yaml', documentIndex: 2, line: 40 } },
      { kind: 'ConfigMap', namespace: 'shop', name: 'from-nowhere' },
    ]);
    expect([...locations.keys()]).toEqual(['Widget/shop/blue', 'ClusterRole//reader']);
    const stalled: Finding = {
      ...oom.result.findings[0],
      category: 'object-stalled',
      workload: 'Widget/shop/blue',
      message: 'size too big',
    };
    expect(annotationsFor([stalled], locations)[0]).toMatchObject({ file: 'deploy/widgets.yaml', startLine: 1 });
  });

  it(`at most ${MAX_PER_LEVEL} per level, errors first`, () => {
    const base = oom.result.findings[0];
    const many: Finding[] = Array.from({ length: 30 }, (_, i) => ({ ...base, fatal: i % 2 === 0, message: `m${i}\nsecond line` }));
    const out = annotationsFor(many);
    expect(out.map((a) => a.level)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning')]);
    expect(out[0].message).toMatch(/^m0 second line/);
  });
});

describe('stepOutputs', () => {
  it.each([
    ['healthy', healthy.result, { verdict: 'healthy', 'rolled-back': 'false', 'duration-seconds': '14.2' }],
    ['rolled back', rollbackDone.result, { verdict: 'failed', 'rolled-back': 'true', 'duration-seconds': '14.2' }],
    ['timeout without rollback', timeoutNoFatal.result, { verdict: 'timeout', 'rolled-back': 'false', 'duration-seconds': '300' }],
  ])('%s', (_, result, expected) => {
    const out = stepOutputs(result);
    expect(out).toMatchObject(expected);
    expect(JSON.parse(out.workloads)).toEqual(result.workloads);
    expect(JSON.parse(out.findings)).toEqual(result.findings);
    expect(out.findings).toBe(JSON.stringify(result.findings));
  });
});
