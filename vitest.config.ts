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
          // The example app's own tests import routekit by name (the built
          // package), which this project's setup builds first.
          include: ['test/e2e/**/*.test.ts', 'examples/next-app/tests/**/*.test.ts'],
          // Builds routekit and the example app once, serves it with `next start`.
          globalSetup: ['test/e2e/global-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
})
