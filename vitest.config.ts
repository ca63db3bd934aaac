import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        // The product against the real test cluster.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // One real cluster on two cores: files run one after another so timings stay meaningful.
          fileParallelism: false,
        },
      },
      {
        // The simulated cluster's own tests (its kubelet stages, controllers and node scripts), not the product's.
        test: {
          name: 'cluster',
          include: ['test/simulator/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // After the unit and e2e projects, never beside the e2e files: both use the one cluster.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
