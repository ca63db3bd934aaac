// Credentials the kubeconfig cannot produce (an exec plugin, an auth provider) fail before any byte is sent. Their
// errors can carry the credential itself (a plugin that prints a raw token makes JSON.parse quote its first
// characters), so they are replaced by a sentence that says what to check and never repeats the plugin's output.
import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../errors.js';

export function describeCredentialError(e: unknown, kc: KubeConfig): UserError | null {
  const user = kc.getCurrentUser();
  const message = e instanceof Error ? e.message : String(e);
  // A missing CA or client certificate file is the kubeconfig's, not the plugin's: the transport error says so.
  if (/^ENOENT: no such file or directory, open/.test(message)) return null;
  if (user?.exec) {
    const command = user.exec.command ?? 'the exec plugin';
    if (e instanceof SyntaxError || /JSON/.test(message)) {
      return new UserError(
        `the kubeconfig's exec credential plugin "${command}" printed something that is not an ExecCredential JSON document (client.authentication.k8s.io): run it by hand to see what it prints (its output is not shown here, it may be a token)`,
      );
    }
    if (/spawn .*ENOENT/.test(message)) {
      return new UserError(`the kubeconfig's exec credential plugin "${command}" could not be run: is it installed and on the PATH?`);
    }
    return new UserError(`the kubeconfig's exec credential plugin "${command}" failed: ${firstLine(message)}`);
  }
  if (user?.authProvider?.name === 'oidc' && /must be an instance of URL/.test(message)) {
    // client-node passes the issuer URL to openid-client as a string where a URL object is required.
    return new UserError(
      `the kubeconfig's oidc auth-provider must refresh its id-token, which the Kubernetes JavaScript client cannot do (its known bug: "server" must be an instance of URL): refresh the token first (any kubectl command with this kubeconfig does), or switch the user to an exec credential plugin such as kubelogin (kubectl oidc-login)`,
    );
  }
  if (user?.authProvider) return new UserError(`the kubeconfig's ${user.authProvider.name} auth-provider failed: ${firstLine(message)}`);
  return null;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
