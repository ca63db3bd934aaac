// The kubeconfig input is secret material: written to a private file, masked, and removed afterwards.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKubeConfig } from '../../../src/kube/config.js';

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
});
