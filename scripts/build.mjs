// Bundles the two entries into dist/ with esbuild: dist/index.js (the Action) and dist/cli.js (the CLI).
// esbuild rather than ncc because it tree-shakes ESM: see docs/bundling.md for the numbers behind the switch.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { lazyPackages } from './bundle/lazy-packages.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const clientNodeConfig = path.join('@kubernetes', 'client-node', 'dist', 'config.js');

/**
 * client-node's config module imports the generated API clients; only its makeApiClient uses them (the gate talks to
 * the API through src/kube/http.ts), so they are replaced by a stub that says so.
 */
const stubClientNodeGen = {
  name: 'stub-client-node-gen',
  setup(build) {
    build.onResolve({ filter: /^\.\/gen\/index\.js$/ }, (args) =>
      args.importer.endsWith(clientNodeConfig) ? { path: path.join(root, 'scripts', 'bundle', 'client-node-gen-stub.js') } : undefined,
    );
  },
};

/**
 * Loaded from their own files in dist/lazy/ on first use (scripts/bundle/lazy-packages.mjs). client-node imports
 * each at the top of a module, but the gate's own HTTP path (src/kube/http.ts, through applyToHTTPSOptions) never
 * calls them: undici serves client-node's fetch-based calls, socks and socks-proxy-agent a socks5:// proxy-url, openid-client
 * the oidc auth provider, jsonpath-plus the gcp/azure auth providers. Together they were 60% of the bundle.
 */
const lazy = lazyPackages(['undici', 'socks', 'socks-proxy-agent', 'openid-client', 'jsonpath-plus', '@actions/github']);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
const metafiles = [];
const entries = [
  ['src/index.ts', 'index.js', ''],
  ['src/cli-entry.ts', 'cli.js', '#!/usr/bin/env node\n'],
];
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const [entry, out, shebang] of entries) {
  const { metafile } = await esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile: path.join('dist', out),
    // CommonJS: an ES module importing node:http would also load Node's own bundled undici (its ESM facade reads
    // every lazy export), about 40 ms of every start.
    format: 'cjs',
    plugins: [stubClientNodeGen, lazy.plugin],
    banner: { js: shebang },
    metafile: true,
  });
  metafiles.push(metafile);
}
await lazy.writeChunks('dist', metafiles, common);
fs.chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
fs.writeFileSync(path.join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');
