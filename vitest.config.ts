import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    expect: { requireAssertions: true },
    // CLI tests spawn the built binary; give them room on a loaded 2-core CI box.
    testTimeout: 20_000,
  },
});
