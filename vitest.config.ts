import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/components/**/*.test.{ts,tsx}', 'tests/simulator/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    restoreMocks: true,
    setupFiles: ['tests/setup/web-locks.ts'],
  },
});
