// Bundles the two entries into dist/ with ncc: dist/index.js (the Action) and dist/cli.js (the CLI).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');
const entries = [['src/index.ts', 'index.js'], ['src/cli-entry.ts', 'cli.js']];
const tmp = fs.mkdtempSync(path.join(root, '.build-'));
try {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'dist'));
  for (const [entry, out] of entries) {
    const outDir = path.join(tmp, out);
    execFileSync(ncc, ['build', entry, '-o', outDir, '--target', 'es2023', '--minify', '--no-source-map-register', '--quiet'], { cwd: root, stdio: 'inherit' });
    const files = fs.readdirSync(outDir);
    for (const f of files) {
      const target = f === 'index.js' ? out : f;
      let text = fs.readFileSync(path.join(outDir, f));
      if (out === 'cli.js' && f === 'index.js') text = Buffer.concat([Buffer.from('#!/usr/bin/env node\n'), text]);
      if (f !== 'index.js' && fs.existsSync(path.join(root, 'dist', target))) continue;
      fs.writeFileSync(path.join(root, 'dist', target), text, { mode: out === 'cli.js' && f === 'index.js' ? 0o755 : 0o644 });
    }
  }
  fs.writeFileSync(path.join(root, 'dist', 'package.json'), '{ "type": "module" }\n');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
