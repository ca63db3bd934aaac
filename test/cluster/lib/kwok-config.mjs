// KWOK's --config file: every Stage (stages/*.yaml as they are, stages/*.mjs rendered to JSON documents, which are
// YAML too) and the ClusterLogs that give every container a log. KWOK reads it only when it starts.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clusterSourceDir } from './paths.mjs';
import { logFile } from './container-logs.mjs';

export async function kwokConfigYaml() {
  const dir = path.join(clusterSourceDir, 'stages');
  const docs = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, f);
    if (f.endsWith('.yaml')) docs.push(fs.readFileSync(file, 'utf8').trim());
    if (f.endsWith('.mjs')) {
      const { stages } = await import(pathToFileURL(file).href);
      for (const stage of stages) docs.push(JSON.stringify(stage, null, 1));
    }
  }
  docs.push(JSON.stringify(defaultLogs(), null, 1));
  return docs.join('\n---\n') + '\n';
}

/** What `kubectl logs` shows for a container no scenario gave its own log (a Logs object per pod overrides it). */
function defaultLogs() {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: 'healthy-app' },
    spec: { logs: [{ logsFile: logFile('healthy') }] },
  };
}
