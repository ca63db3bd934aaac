// Which ConfigMap or Secret a missing-config finding is about, read from the kubelet's own words, so
// the link can pick the template change that introduced exactly that reference.
import type { ConfigKind } from './change-types.js';

/** What the message names; any part may be unknown (a volume's missing key names no object). */
export interface MissingConfig {
  kind?: ConfigKind;
  name?: string;
  key?: string;
}

interface TextSource {
  reason?: string | null;
  message: string;
  events?: { message: string }[];
}

// Real kubelet texts:
//   CreateContainerConfigError  secret "db-creds" not found / configmap "app-config" not found
//   CreateContainerConfigError  couldn't find key password in Secret shop/db-creds
//   FailedMount  MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found
//   FailedMount  MountVolume.SetUp failed for volume "creds" : references non-existent secret key: password
//   FailedMount  ... : configmap references non-existent config key: app.yaml
const NOT_FOUND = /\b(secrets?|configmaps?)\s+"([^"]+)"\s+not found/gi;
const KEY_NOT_FOUND = /couldn't find key (\S+) in (Secret|ConfigMap) (?:[^/\s]+\/)?([^\s/]+)/gi;
const VOLUME_SECRET_KEY = /references non-existent secret key: (\S+)/gi;
const VOLUME_CONFIG_KEY = /configmap references non-existent config key: (\S+)/gi;

export function missingConfigIn(source: TextSource): MissingConfig[] {
  const texts = [source.message, ...(source.events ?? []).map((e) => e.message)].filter(Boolean);
  const found: MissingConfig[] = [];
  const add = (item: MissingConfig): void => {
    if (!found.some((f) => f.kind === item.kind && f.name === item.name && f.key === item.key)) found.push(item);
  };
  for (const text of texts) {
    for (const m of text.matchAll(KEY_NOT_FOUND)) add({ kind: kindOf(m[2]), name: m[3], key: m[1] });
    for (const m of text.matchAll(NOT_FOUND)) add({ kind: kindOf(m[1]), name: m[2] });
    // The volume-key texts name no object, but the key alone still narrows the candidates.
    for (const m of text.matchAll(VOLUME_CONFIG_KEY)) add({ kind: 'ConfigMap', key: m[1] });
    for (const m of text.matchAll(VOLUME_SECRET_KEY)) add({ kind: 'Secret', key: m[1] });
  }
  return found;
}

function kindOf(word: string): ConfigKind {
  return word.toLowerCase().startsWith('secret') ? 'Secret' : 'ConfigMap';
}
