// Expands the `manifests` input (files, folders, globs; one per line or comma-separated) into an ordered list of
// files. Folders are read recursively for .yaml/.yml/.json files, in name order, like `kubectl apply -R -f`.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** One entry per line or per comma, except a comma inside a brace glob such as k8s/{a,b}.yaml. */
export function splitList(input: string): string[] {
  const out: string[] = [];
  for (const line of input.split(/\r?\n/)) {
    let depth = 0;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '{') depth++;
      else if (line[i] === '}' && depth > 0) depth--;
      else if (line[i] === ',' && depth === 0) {
        out.push(line.slice(start, i));
        start = i + 1;
      }
    }
    out.push(line.slice(start));
  }
  return out.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

function folderFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...folderFiles(full));
    else if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

export function expandManifestPaths(patterns: string[], cwd = process.cwd()): string[] {
  if (patterns.length === 0) throw new UserError('no manifests given: set the manifests input (files, folders or globs)');
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isGlob(pattern)) {
      const matches = fs
        .globSync(pattern, { cwd })
        .map((m) => path.resolve(cwd, m))
        .sort();
      const expanded = matches.flatMap((m) => (fs.statSync(m).isDirectory() ? folderFiles(m) : [m]));
      if (expanded.length === 0) throw new UserError(`the glob "${pattern}" matched no manifest files (relative to ${cwd})`);
      files.push(...expanded);
      continue;
    }
    const full = path.resolve(cwd, pattern);
    if (!fs.existsSync(full)) throw new UserError(`manifest path "${pattern}" does not exist (relative to ${cwd})`);
    if (fs.statSync(full).isDirectory()) {
      const inside = folderFiles(full);
      if (inside.length === 0) throw new UserError(`the folder "${pattern}" holds no .yaml, .yml or .json files`);
      files.push(...inside);
    } else {
      files.push(full);
    }
  }
  return [...new Set(files)];
}
