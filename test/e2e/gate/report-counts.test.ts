// Issue 21: the report says exactly what happened. A StatefulSet whose three new pods all crash is headlined with all
// three pods, whatever stage of the restart cycle each pod was at when the verdict came (Error, CrashLoopBackOff, the
// run after a crash); and the forced rollback names the pods it deleted.
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../src/report/markdown.js';
import { plainHeadline } from '../../../src/report/headline.js';
import { gate, testClient, useNamespace, writeManifests } from './harness.js';

const client = testClient();
const ns = useNamespace(client, 'counts');

function statefulSet(name: string, o: { scenario?: string; parallel?: boolean; readinessProbe?: boolean } = {}): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName: name,
      replicas: 3,
      podManagementPolicy: o.parallel ? 'Parallel' : undefined,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: o.scenario ? { 'kwok.kube-deploy-gate.dev/scenario': o.scenario } : undefined },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'ghcr.io/acme/ledger:1.0.0',
              readinessProbe: o.readinessProbe ? { httpGet: { path: '/ready', port: 8080 } } : undefined,
            },
          ],
        },
      },
    },
  });
}

describe('report counts', () => {
  // Three pods that crash and never become Ready, all created at once, so the verdict finds them at different stages
  // of the same crash (Error just after an exit, CrashLoopBackOff during the back-off). Not the defaults, on purpose:
  // without a readiness probe each crashing pod is Ready for the second before its crash, and kubectl's rules (which
  // the verdict follows) call the rollout complete whenever all three happen to be Ready at once; with the default
  // OrderedReady and a probe, only the first pod is ever created. (The test cluster never passes a crash scenario's
  // readiness probe.)
  it('a StatefulSet whose 3 pods crash is headlined 3/3 pods, crash-loop', async () => {
    const run = await gate({
      manifests: [writeManifests({ 'ledger.yaml': statefulSet('ledger', { scenario: 'crash', parallel: true, readinessProbe: true }) })],
      namespace: ns.name,
    });
    expect(run.result.verdict).toBe('failed');
    expect(run.result.findings.map((f) => [f.category, f.count, f.exitCode])).toEqual([['crash-loop', '3/3 pods', 1]]);
    const summary = renderSummary({ result: run.result, context: { reportId: 'e2e' } });
    // A first deploy has no revision to go back to: on-first-deploy-failure keeps it.
    expect(summary.split('\n')[0]).toBe(`## ❌ Deploy failed: \`${ns.name}/ledger\` is crash-looping (3/3 pods, exit 1); not rolled back`);
    expect(summary).toContain(`| StatefulSet \`${ns.name}/ledger\` | new → 1 | ❌ 3/3 pods crash-loop (exit 1) |`);
    expect(plainHeadline(run.result)).toBe(`Deploy failed: ${ns.name}/ledger is crash-looping (3/3 pods, exit 1); not rolled back`);
  });

  it('the forced rollback of a StatefulSet names the pods it deleted, in the result and the summary', async () => {
    expect((await gate({ manifests: [writeManifests({ 'vault.yaml': statefulSet('vault') })], namespace: ns.name })).result.verdict).toBe(
      'healthy',
    );
    const run = await gate({
      manifests: [writeManifests({ 'vault.yaml': statefulSet('vault', { scenario: 'image-not-found' }) })],
      namespace: ns.name,
      timeout: '40s',
    });
    expect(run.result.verdict).toBe('failed');
    // The rolling update replaces the highest ordinal first; it never becomes Ready, so it is the only new pod.
    expect(run.result.rollback!.workloads[0]).toMatchObject({ kind: 'StatefulSet', toRevision: 1, done: true, deletedPods: ['vault-2'] });
    expect(renderSummary({ result: run.result, context: { reportId: 'e2e' } })).toContain(
      '  - Forced rollback: deleted pod `vault-2` of the failed revision that was not Ready, so the controller recreates it from the restored template',
    );
  });
});
