// KWOK's --config file: every Stage (stages/*.yaml as they are, stages/*.mjs rendered to JSON documents, which are
// YAML too). KWOK reads it only when it starts.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clusterSourceDir } from './paths.mjs';

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
  return docs.join('\n---\n') + '\n';
}
