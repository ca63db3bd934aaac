// Lets Node run the project's TypeScript straight from source: NodeNext imports say `./x.js` while the file on disk is
// `./x.ts`, so a relative `.js` that does not exist is resolved to its `.ts` sibling. Node strips or transforms the
// types itself (Node 24); nothing is compiled to disk.
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
