// An esbuild plugin that keeps packages the gate rarely runs out of the bundle's main file. V8 parses every byte of a
// script it loads, even code that never runs, so each of these costs start-up time on every run for a path few runs
// take. Each package is bundled into its own file in dist/lazy/, and the main bundle gets a CommonJS stand-in with
// one getter per export that requires that file on first access.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const RESOLVING_REAL = Symbol('resolving the real package');
const NAMESPACE = 'lazy-package';

/**
 * @param {string[]} packages bare package names to load on first use
 * @returns {import('./lazy-packages.d.mts').LazyPackages} the plugin, and writeChunks to run after the main builds
 */
export function lazyPackages(packages) {
  /** chunk file name (relative to dist/) -> the real entry file, for every copy a bundle resolved */
  const chunks = new Map();
  const filter = new RegExp(`^(${packages.map(escapeRegExp).join('|')})$`);
  const plugin = {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData === RESOLVING_REAL) return undefined; // build.resolve below runs this hook again
        // The chunk is required, so the package's require entry; an ES-module-only package (@actions/github exports
        // only `import`) resolves by its import entry, which Node >= 22.12 can require too.
        const resolve = (kind) => build.resolve(args.path, { kind, resolveDir: args.resolveDir, pluginData: RESOLVING_REAL });
        let real = await resolve('require-call');
        if (real.errors.length > 0) real = await resolve('import-statement');
        if (real.errors.length > 0) return { errors: real.errors };
        const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot(real.path, args.path), 'package.json'), 'utf8'));
        const chunk = `lazy/${args.path.replace(/^@/, '').replace('/', '+')}-${version}.js`;
        chunks.set(chunk, real.path);
        return { path: chunk, namespace: NAMESPACE, pluginData: real.path, sideEffects: false };
      });
      build.onResolve({ filter: /^\.\/lazy\//, namespace: NAMESPACE }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        loader: 'js',
        contents: standIn(args.path, exportNames(args.pluginData)),
      }));
    },
  };

  /** Bundles each chunk the main bundles still import after tree-shaking; returns their paths relative to outdir. */
  async function writeChunks(outdir, metafiles, options) {
    const used = new Set();
    for (const metafile of metafiles) {
      for (const output of Object.values(metafile.outputs)) {
        for (const imported of output.imports) if (imported.external) used.add(imported.path.replace(/^\.\//, ''));
      }
    }
    const written = [];
    for (const [chunk, realPath] of [...chunks].sort(([a], [b]) => a.localeCompare(b))) {
      if (!used.has(chunk)) continue;
      await esbuild.build({ ...options, entryPoints: [realPath], outfile: path.join(outdir, chunk), format: 'cjs' });
      written.push(chunk);
    }
    return written;
  }

  return { plugin, writeChunks };
}

/** Getters, not copies: esbuild reads an import from a CommonJS module as a property at each use. */
function standIn(chunk, names) {
  return [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(`./${chunk}`)}));`,
    `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

/** The real module's export names, read by loading it in the build (Node >= 22.12 can require ES modules). */
function exportNames(realPath) {
  const names = Object.keys(createRequire(import.meta.url)(realPath)).filter((n) => n !== '__esModule' && n !== 'default');
  if (names.length === 0) throw new Error(`lazy-packages: ${realPath} exports no names`);
  return names.sort();
}

function packageRoot(file, name) {
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  return file.slice(0, file.lastIndexOf(marker) + marker.length);
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
