// Bundles the two entries into dist/ with esbuild: dist/index.js (the Action) and dist/cli.js (the CLI).
// esbuild rather than ncc because it tree-shakes ESM: see docs/bundling.md for the numbers behind the switch.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

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
      args.importer.endsWith(clientNodeConfig) ? { path: path.join(root, 'scripts', 'bundle', 'client-node-gen-stub.js') } : undefined);
  },
};

/**
 * client-node and @actions/http-client import undici's agents at the top of a module but use them only with a proxy
 * or the fetch API; each copy of undici is evaluated on first use instead of on every start. Any other import from
 * undici fails the build (the stand-in exports only these names).
 */
const LAZY_UNDICI_EXPORTS = ['Agent', 'ProxyAgent'];
const RESOLVING_REAL = Symbol('resolving the real undici');
const lazyUndici = {
  name: 'lazy-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, async (args) => {
      if (args.pluginData === RESOLVING_REAL) return undefined; // build.resolve below runs this hook again
      const real = await build.resolve('undici', { kind: 'require-call', resolveDir: args.resolveDir, pluginData: RESOLVING_REAL });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-undici' };
    });
    build.onResolve({ filter: /^real-undici:/ }, (args) => ({ path: args.path.slice('real-undici:'.length) }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-undici' }, (args) => ({
      loader: 'js',
      contents: [
        'let undici;',
        `const load = () => (undici ??= require(${JSON.stringify(`real-undici:${args.path}`)}));`,
        ...LAZY_UNDICI_EXPORTS.map((name) => `export class ${name} { constructor(...args) { return new (load().${name})(...args); } }`),
      ].join('\n'),
    }));
  },
};

const entries = [['src/index.ts', 'index.js', ''], ['src/cli-entry.ts', 'cli.js', '#!/usr/bin/env node\n']];
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const [entry, out, shebang] of entries) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: path.join('dist', out),
    bundle: true,
    platform: 'node',
    // CommonJS: an ES module importing node:http would also load Node's own bundled undici (its ESM facade reads
    // every lazy export), about 40 ms of every start.
    format: 'cjs',
    target: 'node22',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [stubClientNodeGen, lazyUndici],
    banner: { js: shebang },
  });
}
fs.chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
fs.writeFileSync(path.join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');
