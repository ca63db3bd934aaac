// Live enrichment of findings (log tails, suspected change) — filled in once the diagnosis core lands.
import type { ApplyResult } from '../apply/apply.js';
import type { KubeClient } from '../kube/client.js';
import type { Finding } from '../model.js';
import type { Snapshot } from '../watch/live-store.js';

export async function enrichFindings(_client: KubeClient, findings: Finding[], _applied: ApplyResult, _snapshot: Snapshot, _log: (l: string) => void): Promise<Finding[]> {
  return findings;
}
