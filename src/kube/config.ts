// Where the credentials come from: the `kubeconfig` input (content), a kubeconfig file (KUBECONFIG or --kubeconfig),
// or the pod's in-cluster service account. Secrets found in it are handed to `maskSecret` before anything is logged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The config module alone: the package root also loads every generated API client (~15 MB in the bundle).
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { UserError } from '../errors.js';

export interface KubeConfigSource {
  /** kubeconfig content (the Action's `kubeconfig` input). */
  content?: string;
  /** a kubeconfig file (the CLI's --kubeconfig). */
  file?: string;
  context?: string;
  maskSecret?: (secret: string) => void;
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  /** Deletes the temporary copy of inline content; safe to call twice. */
  cleanup: () => void;
}

export function loadKubeConfig(source: KubeConfigSource): LoadedKubeConfig {
  const kc = new KubeConfig();
  let cleanup = () => {};
  if (source.content !== undefined && source.content.trim() !== '') {
    // client-node reads some fields (exec plugins, relative cert paths) from files: keep a private 0600 copy.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdg-'));
    const file = path.join(dir, 'kubeconfig');
    fs.writeFileSync(file, source.content, { mode: 0o600 });
    cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    loadFile(kc, file, 'the kubeconfig input');
  } else if (source.content !== undefined && source.file === undefined && !process.env.KUBECONFIG) {
    throw new UserError('the kubeconfig input is empty: pass the kubeconfig content, or set KUBECONFIG, or run in a cluster');
  } else if (source.file) {
    if (!fs.existsSync(source.file)) throw new UserError(`kubeconfig file ${source.file} does not exist`);
    loadFile(kc, source.file, source.file);
  } else {
    try {
      kc.loadFromDefault();
    } catch (e) {
      throw new UserError(`could not load a kubeconfig (KUBECONFIG, ~/.kube/config or in-cluster): ${(e as Error).message}`);
    }
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
  if (!kc.getCurrentCluster()) {
    throw new UserError('the kubeconfig names no current cluster: set current-context or pass the context input');
  }
  maskCredentials(kc, source.maskSecret);
  return { kc, cleanup };
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
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
