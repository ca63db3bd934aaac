// Issue 22 items 10, 11, 19: credentials never appear in messages. A password in the server URL is redacted, an exec
// plugin that prints a raw token is not quoted, and the oidc refresh bug of client-node gets a sentence with the fix.
import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeHttp } from '../../../src/kube/http.js';
import { loadKubeConfig } from '../../../src/kube/config.js';
import { redactServer } from '../../../src/kube/server-url.js';

function config(user: Record<string, unknown>, server = 'https://127.0.0.1:1'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: true }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

const noRetry = { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, requestTimeoutMs: 5000 };

async function failure(kc: KubeConfig): Promise<string> {
  try {
    await new KubeHttp(kc, noRetry).request('/version');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the request did not fail');
}

describe('a password in the server URL', () => {
  it.each([
    ['https://admin:hunter2-secret@10.0.0.1:6443', 'https://[REDACTED]@10.0.0.1:6443'],
    ['https://token-only@api.example.com', 'https://[REDACTED]@api.example.com'],
    ['https://10.0.0.1:6443', 'https://10.0.0.1:6443'],
  ])('%s is shown as %s', (server, shown) => {
    expect(redactServer(server)).toBe(shown);
  });

  it('never reaches an error message, and the Action masks it', async () => {
    const masked: string[] = [];
    const kcText = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://admin:hunter2-secret@127.0.0.1:1"}}]
users: [{name: u, user: {token: t0k3n-value}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`;
    const loaded = loadKubeConfig({ content: kcText, maskSecret: (s) => masked.push(s) });
    try {
      expect(masked).toContain('hunter2-secret');
      const message = await failure(loaded.kc);
      expect(message).toMatch(/cannot reach the Kubernetes API at https:\/\/\[REDACTED\]@127\.0\.0\.1:1: connection refused/);
      expect(message).not.toContain('hunter2');
    } finally {
      loaded.cleanup();
    }
  });
});

describe('an exec credential plugin', () => {
  const plugin = (script: string) => ({
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', script], interactiveMode: 'Never' },
  });

  it('that prints a raw token is named, and its output is not quoted', async () => {
    const message = await failure(config(plugin('process.stdout.write("rawtoken-4f9a8b7c6d5e")')));
    expect(message).toMatch(/exec credential plugin ".*" printed something that is not an ExecCredential JSON document/);
    expect(message).not.toMatch(/rawtoken|4f9a/);
  });

  it('that cannot be started says so', async () => {
    const message = await failure(
      config({ exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'kdg-no-such-plugin', interactiveMode: 'Never' } }),
    );
    expect(message).toMatch(/exec credential plugin "kdg-no-such-plugin" could not be run: is it installed and on the PATH\?/);
  });
});

describe('an oidc auth-provider whose token must be refreshed', () => {
  it('gets a sentence with the fix instead of client-node\'s "server" must be an instance of URL', async () => {
    const expired = ['{"alg":"none"}', '{"exp":1000000000,"sub":"dev"}']
      .map((p) => Buffer.from(p).toString('base64url'))
      .join('.')
      .concat('.sig');
    const message = await failure(
      config({
        authProvider: {
          name: 'oidc',
          config: {
            'client-id': 'kube',
            'id-token': expired,
            'refresh-token': 'refresh-secret-value',
            'idp-issuer-url': 'https://127.0.0.1:1/issuer',
          },
        },
      }),
    );
    expect(message).toMatch(/oidc auth-provider must refresh its id-token.*refresh the token first .*kubelogin/);
    expect(message).not.toContain('refresh-secret-value');
  });
});
