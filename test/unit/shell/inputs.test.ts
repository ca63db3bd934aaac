import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../../src/inputs.js';
import { formatDuration, parseDuration } from '../../../src/duration.js';

describe('parseDuration (Go syntax)', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['2m3s', 123_000],
    ['0', 0],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each([['5'], ['ten minutes'], ['1d'], [''], ['-5m'], ['5m garbage']])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/is not a duration/);
  });
  it('formats for people', () => {
    expect([formatDuration(420), formatDuration(4200), formatDuration(42_000), formatDuration(125_000)]).toEqual([
      '420ms',
      '4.2s',
      '42s',
      '2m5s',
    ]);
  });
});

describe('parseInputs', () => {
  const from = (values: Record<string, string>) => (name: string) => values[name];
  it('applies the documented defaults', () => {
    const i = parseInputs(from({ manifests: 'k8s/' }));
    expect(i).toMatchObject({
      mode: 'deploy',
      manifests: ['k8s/'],
      fieldManager: 'kube-deploy-gate',
      forceConflicts: false,
      timeoutMs: 300_000,
      failFast: true,
      rollback: true,
      rollbackScope: 'all-changed',
      onFirstDeployFailure: 'keep',
      rollbackOnCancel: false,
      summary: true,
      prComment: 'true',
    });
  });
  it('reads mode: plan', () => {
    expect(parseInputs(from({ manifests: 'x', mode: 'plan' })).mode).toBe('plan');
  });
  it.each([
    [{ timeout: 'soon' }, /^input timeout: "soon" is not a duration/],
    [{ timeout: '0s' }, /must be longer than zero/],
    [{ 'fail-fast': 'maybe' }, /input fail-fast: "maybe" is not a boolean/],
    [{ 'rollback-scope': 'everything' }, /input rollback-scope: "everything" is not one of all-changed, failed-only/],
    [{ 'on-first-deploy-failure': 'nuke' }, /is not one of keep, scale-to-zero, delete/],
    [{ 'pr-comment': 'yes please' }, /input pr-comment/],
    [{ mode: 'dry-run' }, /input mode: "dry-run" is not one of deploy, plan/],
    [{ namespace: 'Prod_1' }, /input namespace: "Prod_1" is not a valid namespace name/],
    [{ images: 'not an image' }, /^images: /],
  ])('refuses %j with one clear message', (values, message) => {
    expect(() => parseInputs(from({ manifests: 'x', ...values }))).toThrow(message);
  });
});
