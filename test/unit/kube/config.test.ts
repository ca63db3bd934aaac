// The kubeconfig input is secret material: written to a private file, masked, and removed afterwards.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKubeConfig } from '../../../src/kube/config.js';
import { tempDir } from '../../support/temp-dir.js';

const CONTENT = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
users: [{name: u, user: {token: canary-token-123456}}]
contexts: [{name: ctx, context: {cluster: c, user: u, namespace: shop}}]
current-context: ctx
`;

describe('loadKubeConfig', () => {
  it('keeps inline content in a 0600 temp file, masks the token, and removes the file on cleanup', () => {
    const masked: string[] = [];
    const opened: string[] = [];
    const original = fs.writeFileSync;
    const spy = ((file: fs.PathOrFileDescriptor, data: any, options?: any) => {
      opened.push(String(file));
      return original(file, data, options);
    }) as typeof fs.writeFileSync;
    (fs as any).writeFileSync = spy;
    let loaded;
    try {
      loaded = loadKubeConfig({ content: CONTENT, maskSecret: (s) => masked.push(s) });
    } finally {
      (fs as any).writeFileSync = original;
    }
    const file = opened.find((f) => f.endsWith('kubeconfig'))!;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(masked).toContain('canary-token-123456');
    expect(loaded.kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
    loaded.cleanup();
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    [{ content: 'not: [valid' }, /the kubeconfig input is not a valid kubeconfig/],
    [{ content: CONTENT, context: 'prod' }, /context "prod" is not in the kubeconfig \(contexts: ctx\)/],
    [{ file: '/nonexistent/config' }, /kubeconfig file \/nonexistent\/config does not exist/],
  ])('refuses %j with one clear message', (source, message) => {
    expect(() => loadKubeConfig(source)).toThrow(message);
  });

  it('a refused kubeconfig input leaves no copy of itself in the temp folder; an accepted one is removed by cleanup', () => {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tempDir('kdg-tmpdir');
    try {
      expect(() => loadKubeConfig({ content: CONTENT, context: 'prod' })).toThrow(/context "prod"/);
      expect(() => loadKubeConfig({ content: 'not: [valid' })).toThrow(/not a valid kubeconfig/);
      expect(fs.readdirSync(process.env.TMPDIR)).toEqual([]);
      const loaded = loadKubeConfig({ content: CONTENT });
      expect(fs.readdirSync(process.env.TMPDIR)).toHaveLength(1);
      loaded.cleanup();
      expect(fs.readdirSync(process.env.TMPDIR)).toEqual([]);
    } finally {
      fs.rmSync(process.env.TMPDIR, { recursive: true, force: true });
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});

// Issue 22 items 7 and 17: with no kubeconfig given, kubectl's search order; with nothing found, say where it looked.
describe('the default kubeconfig search', () => {
  const tmp = () => tempDir('kdg-home');

  it('an empty kubeconfig input falls back to ~/.kube/config', () => {
    const home = tmp();
    fs.mkdirSync(`${home}/.kube`);
    fs.writeFileSync(`${home}/.kube/config`, CONTENT);
    const loaded = loadKubeConfig({ content: '', env: {}, home });
    expect(loaded.kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
  });

  it('KUBECONFIG comes first, and a missing file in it is named', () => {
    const dir = tmp();
    fs.writeFileSync(`${dir}/a`, CONTENT);
    expect(loadKubeConfig({ env: { KUBECONFIG: `/nonexistent/k:${dir}/a` }, home: tmp() }).kc.getCurrentContext()).toBe('ctx');
    expect(() => loadKubeConfig({ env: { KUBECONFIG: '/nonexistent/k' }, home: tmp() })).toThrow(
      'KUBECONFIG names /nonexistent/k, which does not exist',
    );
  });

  it("then the pod's service account (in-cluster config)", () => {
    const root = tmp();
    const sa = `${root}/var/run/secrets/kubernetes.io/serviceaccount`;
    fs.mkdirSync(sa, { recursive: true });
    fs.writeFileSync(`${sa}/token`, 'in-cluster-token');
    fs.writeFileSync(`${sa}/ca.crt`, 'ca');
    const loaded = loadKubeConfig({
      env: { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' },
      home: tmp(),
      inClusterRoot: root,
    });
    expect(loaded.kc.getCurrentCluster()?.server).toBe('https://10.96.0.1:443');
    expect(process.env.KUBERNETES_SERVICE_HOST).toBeUndefined();
  });

  it('with nothing found it says where it looked, not http://localhost:8080', () => {
    const home = tmp();
    expect(() => loadKubeConfig({ env: {}, home, inClusterRoot: home })).toThrow(
      `no kubeconfig found: KUBECONFIG is not set, ${home}/.kube/config does not exist, and this is not a pod with a service account (${home}/var/run/secrets/kubernetes.io/serviceaccount/token, KUBERNETES_SERVICE_HOST): pass the kubeconfig input (Action) or --kubeconfig FILE (CLI), or set KUBECONFIG`,
    );
  });

  it('a server that is not a URL is refused by name', () => {
    expect(() => loadKubeConfig({ content: CONTENT.replace('https://127.0.0.1:6443', 'not a url') })).toThrow(
      `the kubeconfig's server "not a url" is not a URL: use https://HOST:PORT`,
    );
  });
});
