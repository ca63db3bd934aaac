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
      conflicts: 'take-imperative',
      forceConflicts: false,
      annotate: true,
      respectHpa: true,
      changeCause: undefined,
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
  it('reads image-pull-secrets as a list without duplicates, and allow-http-manifests (off by default)', () => {
    expect(parseInputs(from({ manifests: 'x', 'image-pull-secrets': 'ghcr\nquay.io-robot, ghcr' }))).toMatchObject({
      imagePullSecrets: ['ghcr', 'quay.io-robot'],
      allowHttpManifests: false,
    });
    expect(parseInputs(from({ manifests: 'x', 'allow-http-manifests': 'true' })).allowHttpManifests).toBe(true);
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
    [{ 'image-pull-secrets': 'ghcr, Bad_Name' }, /^input image-pull-secrets: "Bad_Name" is not a valid Secret name/],
    [{ 'allow-http-manifests': 'sometimes' }, /^input allow-http-manifests: "sometimes" is not a boolean/],
    [{ conflicts: 'take-all' }, /input conflicts: "take-all" is not one of take-imperative, stop, force/],
    [{ conflicts: 'stop', 'force-conflicts': 'true' }, /input force-conflicts: true contradicts conflicts: stop/],
    [{ annotate: 'sometimes' }, /input annotate: "sometimes" is not a boolean/],
    [{ 'respect-hpa': 'maybe' }, /input respect-hpa/],
  ])('refuses %j with one clear message', (values, message) => {
    expect(() => parseInputs(from({ manifests: 'x', ...values }))).toThrow(message);
  });
  it.each([
    [{}, 'take-imperative', false],
    [{ conflicts: 'stop' }, 'stop', false],
    [{ conflicts: 'force' }, 'force', true],
    [{ 'force-conflicts': 'true' }, 'force', true],
    [{ 'force-conflicts': 'true', conflicts: 'force' }, 'force', true],
    [{ 'force-conflicts': 'false', conflicts: 'stop' }, 'stop', false],
  ])('conflicts from %j: %s (force-conflicts stays its alias)', (values, conflicts, forceConflicts) => {
    expect(parseInputs(from({ manifests: 'x', ...values }))).toMatchObject({ conflicts, forceConflicts });
  });
  it('reads annotate, respect-hpa and change-cause', () => {
    expect(parseInputs(from({ manifests: 'x', annotate: 'false', 'respect-hpa': 'false', 'change-cause': ' hotfix ' }))).toMatchObject({
      annotate: false,
      respectHpa: false,
      changeCause: 'hotfix',
    });
  });
});

describe('min-ready and the timeout', () => {
  const inputs = (values: Record<string, string>) => parseInputs((n) => ({ manifests: 'k8s/', ...values })[n]);

  it.each([
    [{}, 10_000],
    [{ timeout: '6s' }, 2000],
    [{ timeout: '30s' }, 10_000],
    [{ 'min-ready': '0s', timeout: '6s' }, 0],
    [{ 'min-ready': '30s', timeout: '5m' }, 30_000],
  ])('%j gives a window of %i ms (the default fits in a short timeout)', (values, ms) => {
    expect(inputs(values).minReadyMs).toBe(ms);
  });

  it('refuses a window asked for that the timeout cannot hold, naming both', () => {
    expect(() => inputs({ 'min-ready': '1m', timeout: '30s' })).toThrow(
      'input min-ready: "1m" is not shorter than the timeout (30s): the window could never end; shorten it or lengthen the timeout',
    );
  });
});
