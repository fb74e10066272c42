import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          setupFiles: ['test/setup/no-unhandled-rejections.ts'],
          // Type tests (*.test-d.ts) are checked by the compiler as part of `npm test`.
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds routekit and the example app once, serves it with `next start`.
          globalSetup: ['test/e2e/global-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
})
