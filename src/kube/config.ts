// Where the credentials come from: the `kubeconfig` input (content), a kubeconfig file (KUBECONFIG or --kubeconfig),
// or the pod's in-cluster service account. Secrets found in it are handed to `maskSecret` before anything is logged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The config module alone: the package root also loads every generated API client (~15 MB in the bundle).
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { UserError } from '../errors.js';
import { redactServer, serverUserInfo } from './server-url.js';

export interface KubeConfigSource {
  /** kubeconfig content (the Action's `kubeconfig` input); empty means "not given". */
  content?: string;
  /** a kubeconfig file (the CLI's --kubeconfig). */
  file?: string;
  context?: string;
  maskSecret?: (secret: string) => void;
  /** Where the default search looks (tests point these elsewhere): the environment, the home folder, the pod's root. */
  env?: NodeJS.ProcessEnv;
  home?: string;
  inClusterRoot?: string;
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  /** Deletes the temporary copy of inline content; safe to call twice. */
  cleanup: () => void;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export function loadKubeConfig(source: KubeConfigSource): LoadedKubeConfig {
  const kc = new KubeConfig();
  const copy = { cleanup: () => {} };
  try {
    configure(kc, source, copy);
  } catch (error) {
    // A refused kubeconfig must not leave its private copy (credentials) behind in the temp folder.
    copy.cleanup();
    throw error;
  }
  return { kc, cleanup: copy.cleanup };
}

function configure(kc: KubeConfig, source: KubeConfigSource, copy: { cleanup: () => void }): void {
  if (source.content !== undefined && source.content.trim() !== '') {
    // client-node reads some fields (exec plugins, relative cert paths) from files: keep a private 0600 copy.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-'));
    const file = path.join(dir, 'kubeconfig');
    fs.writeFileSync(file, source.content, { mode: 0o600 });
    copy.cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    loadFile(kc, file, 'the kubeconfig input');
  } else if (source.file) {
    if (!fs.existsSync(source.file)) throw new UserError(`kubeconfig file ${source.file} does not exist`);
    loadFile(kc, source.file, source.file);
  } else {
    loadDefault(kc, source);
  }
  if (source.context) {
    if (!kc.getContextObject(source.context)) {
      const known =
        kc
          .getContexts()
          .map((c) => c.name)
          .join(', ') || 'none';
      throw new UserError(`context "${source.context}" is not in the kubeconfig (contexts: ${known})`);
    }
    kc.setCurrentContext(source.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new UserError('the kubeconfig names no current cluster: set current-context or pass the context input');
  }
  checkServer(cluster.server);
  maskCredentials(kc, source.maskSecret);
}

/**
 * kubectl's search order (KUBECONFIG, ~/.kube/config, the pod's service account), but where client-node would fall
 * back to http://localhost:8080, a server nobody configured, this says that nothing was found and where it looked.
 */
function loadDefault(kc: KubeConfig, source: KubeConfigSource): void {
  const env = source.env ?? process.env;
  const list = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  if (list.length > 0) {
    const missing = list.filter((f) => !fs.existsSync(f));
    if (missing.length === list.length) throw new UserError(`KUBECONFIG names ${list.join(', ')}, which does not exist`);
    const [first, ...rest] = list.filter((f) => fs.existsSync(f));
    loadFile(kc, first, first);
    for (const file of rest) {
      const other = new KubeConfig();
      loadFile(other, file, file);
      kc.mergeConfig(other);
    }
    return;
  }
  const home = source.home ?? os.homedir();
  const userConfig = path.join(home, '.kube', 'config');
  if (fs.existsSync(userConfig)) {
    loadFile(kc, userConfig, userConfig);
    return;
  }
  const root = source.inClusterRoot ?? '';
  const token = `${root}${SERVICE_ACCOUNT_DIR}/token`;
  if (fs.existsSync(token) && env.KUBERNETES_SERVICE_HOST) {
    withEnv(env, () => kc.loadFromCluster(root));
    return;
  }
  throw new UserError(
    `no kubeconfig found: KUBECONFIG is not set, ${userConfig} does not exist, and this is not a pod with a service account (${token}${env.KUBERNETES_SERVICE_HOST ? '' : ', KUBERNETES_SERVICE_HOST'}): pass the kubeconfig input (Action) or --kubeconfig FILE (CLI), or set KUBECONFIG`,
  );
}

/** client-node's in-cluster loader reads process.env itself: hand it the environment the caller chose. */
function withEnv(env: NodeJS.ProcessEnv, load: () => void): void {
  if (env === process.env) return load();
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
  process.env.KUBERNETES_SERVICE_HOST = env.KUBERNETES_SERVICE_HOST;
  process.env.KUBERNETES_SERVICE_PORT = env.KUBERNETES_SERVICE_PORT ?? '443';
  try {
    load();
  } finally {
    for (const [key, value] of [
      ['KUBERNETES_SERVICE_HOST', saved.host],
      ['KUBERNETES_SERVICE_PORT', saved.port],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The server address is shown in messages (without its user:password, see redactServer): it must be an http(s) URL. */
function checkServer(server: string): void {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UserError(`the kubeconfig's server "${redactServer(server)}" is not a URL: use https://HOST:PORT`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`the kubeconfig's server ${redactServer(server)} is not an http(s) URL: use https://HOST:PORT`);
  }
}

function loadFile(kc: KubeConfig, file: string, label: string): void {
  try {
    kc.loadFromFile(file);
  } catch (e) {
    throw new UserError(`${label} is not a valid kubeconfig: ${firstLine((e as Error).message)}`);
  }
  if (kc.getContexts().length === 0 && kc.getClusters().length === 0) {
    throw new UserError(`${label} is not a valid kubeconfig: it defines no clusters or contexts`);
  }
}

function maskCredentials(kc: KubeConfig, mask?: (s: string) => void): void {
  if (!mask) return;
  for (const user of kc.getUsers()) {
    for (const value of [user.token, user.password, user.keyData, user.certData]) {
      if (value) mask(value);
    }
  }
  for (const cluster of kc.getClusters()) {
    const userInfo = serverUserInfo(cluster.server);
    if (!userInfo) continue;
    mask(userInfo);
    const password = userInfo.split(':').slice(1).join(':');
    if (password) mask(password);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
