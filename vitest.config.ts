import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
