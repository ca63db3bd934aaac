// Issue 22 items 2, 7, 12, 17, 18, 22: the bundles' edges. The Action finds ~/.kube/config on its own, puts an input
// error in the job summary, and ends every failure (an unwritable GITHUB_OUTPUT too) in one ::error:: line; the CLI
// says where it looked for a kubeconfig and which Node it needs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployment, kubeconfigPath, testClient, useNamespace, writeManifests } from './harness.js';
import { actionEnv, actionPath, cliPath, STACK, start } from './process.js';

const client = testClient();
const ns = useNamespace(client, 'edges');

const errorLines = (stdout: string) => stdout.match(/^::error::.*$/gm) ?? [];

describe('the Action', () => {
  it('with no kubeconfig input uses ~/.kube/config, as README and action.yml promise (item 7)', async () => {
    const action = actionEnv({ manifests: writeManifests({ 'web.yaml': deployment('home-config') }), namespace: ns.name, timeout: '60s' });
    fs.mkdirSync(path.join(action.files.home, '.kube'));
    fs.copyFileSync(kubeconfigPath, path.join(action.files.home, '.kube', 'config'));
    const r = await start([actionPath], action.env).done;
    expect(r.code, r.stdout).toBe(0);
    expect(action.outputs().verdict).toBe('healthy');
  });

  it('with no kubeconfig anywhere says where it looked, in the step error and the job summary (items 17, 22)', async () => {
    const action = actionEnv({ manifests: writeManifests({ 'web.yaml': deployment('nowhere') }), namespace: ns.name });
    const r = await start([actionPath], action.env).done;
    expect(r.code).toBe(1);
    expect(errorLines(r.stdout)).toEqual([
      expect.stringMatching(
        /^::error::no kubeconfig found: KUBECONFIG is not set, .*\.kube\/config does not exist, and this is not a pod with a service account/,
      ),
    ]);
    expect(action.summary()).toMatch(/no kubeconfig found/);
    expect(r.stdout).not.toMatch(/localhost:8080/);
  });

  it.each([
    ['timeout', '99999h', /input timeout: "99999h" is longer than the gate can wait \(a timer holds at most 596h\): use at most 596h/],
    ['rollback', 'maybe', /input rollback: "maybe" is not a boolean \(true or false\)/],
    ['field-validation', 'strict', /input field-validation: "strict" is not one of Strict, Warn/],
  ])(
    'an invalid input (%s: %s) fails the step with one line, and the job summary and outputs say so (items 2, 22)',
    async (name, value, message) => {
      const action = actionEnv({ manifests: 'k8s/', kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'), [name]: value });
      const r = await start([actionPath], action.env).done;
      expect(r.code).toBe(1);
      expect(errorLines(r.stdout)).toHaveLength(1);
      expect(errorLines(r.stdout)[0]).toMatch(message);
      expect(action.summary()).toMatch(message);
      expect(action.outputs().verdict).toBe('error');
      expect(r.elapsedMs).toBeLessThan(5000);
    },
  );

  it('an unwritable GITHUB_OUTPUT ends in one ::error:: line, no stack trace, the summary still written (item 12)', async () => {
    const action = actionEnv(
      {
        manifests: writeManifests({ 'web.yaml': deployment('no-output') }),
        namespace: ns.name,
        kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
        timeout: '60s',
      },
      { GITHUB_OUTPUT: '/nonexistent/dir/output' },
    );
    const r = await start([actionPath], action.env).done;
    expect(r.code).toBe(1);
    expect(errorLines(r.stdout)).toEqual([
      expect.stringMatching(
        /^::error::the deploy is healthy, but the step outputs could not be written \(GITHUB_OUTPUT\): Missing file at path: \/nonexistent\/dir\/output$/,
      ),
    ]);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/UnhandledPromiseRejection|unhandled/i);
    expect(action.summary()).toMatch(/no-output/);
  });

  it('an unwritable job summary is a warning; the healthy step still succeeds', async () => {
    const action = actionEnv(
      {
        manifests: writeManifests({ 'web.yaml': deployment('no-summary') }),
        namespace: ns.name,
        kubeconfig: fs.readFileSync(kubeconfigPath, 'utf8'),
        timeout: '60s',
      },
      { GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary' },
    );
    const r = await start([actionPath], action.env).done;
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^::warning::could not write the job summary: /m);
    expect(action.outputs().verdict).toBe('healthy');
  });
});

describe('the CLI', () => {
  it('with no kubeconfig anywhere says where it looked, not http://localhost:8080 (item 17)', async () => {
    const action = actionEnv({});
    const env = { PATH: process.env.PATH, HOME: action.files.home };
    const r = await start([cliPath, 'deploy', '-f', writeManifests({ 'web.yaml': deployment('x') }), '-o', 'json'], env).done;
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toBe(
      `no kubeconfig found: KUBECONFIG is not set, ${action.files.home}/.kube/config does not exist, and this is not a pod with a service account (/var/run/secrets/kubernetes.io/serviceaccount/token, KUBERNETES_SERVICE_HOST): pass the kubeconfig input (Action) or --kubeconfig FILE (CLI), or set KUBECONFIG`,
    );
  });

  // The machine's own `node` may be older than the one the tests run on (Node 20 here): then it must be refused.
  const systemNode = (() => {
    try {
      return execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  it.runIf(systemNode !== null && Number(systemNode.slice(1).split('.')[0]) < 22)(
    `on an older Node (${systemNode}) says which version it needs, not "globSync is not a function" (item 18)`,
    () => {
      let stderr = '';
      let code = 0;
      try {
        execFileSync('/usr/bin/node', [cliPath, 'deploy', '-f', 'k8s/{a,b}.yaml'], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        stderr = (e as { stderr: string }).stderr;
        code = (e as { status: number }).status;
      }
      expect(code).toBe(2);
      expect(stderr).toBe(
        `kube-deploy-gate: kube-deploy-gate needs Node.js 22.19.0 or newer, and this is Node.js ${systemNode!.slice(1)}: install a newer Node (the Action runs on node24)\n`,
      );
    },
  );
});
