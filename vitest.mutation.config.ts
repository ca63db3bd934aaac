// The vitest config Stryker runs (npm run mutation): the unit tests only. The e2e project needs a live test cluster
// and minutes per file, so it must never run once per mutant.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
  },
});
