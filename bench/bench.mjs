#!/usr/bin/env node
// Entry of `npm run bench` (Node 24 from node_modules/.bin). The bench is TypeScript that Node runs directly; the
// hooks map the project's NodeNext `.js` imports to the `.ts` files on disk.
import './ts-hooks.mjs';

const { main } = await import('./main.js');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
}
