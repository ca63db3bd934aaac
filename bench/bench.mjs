#!/usr/bin/env node
// Entry of `npm run bench` (Node 24 from node_modules/.bin), and the hooks that let Node run the project's
// TypeScript straight from source: NodeNext imports say `./x.js` while the file on disk is `./x.ts`, so a relative
// `.js` that does not exist resolves to its `.ts` sibling; Node strips (or, with --experimental-transform-types,
// transforms) the types itself. `node --import ./bench/bench.mjs file.ts` installs only the hooks.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (!relative || !specifier.endsWith('.js') || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
  },
});

if (import.meta.main) {
  const { main } = await import('./main.js');
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  }
}
