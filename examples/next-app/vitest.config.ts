import { defineConfig } from 'vitest/config'

// The example's own tests, run alone (`npm test` here, or `npm run openapi` at
// the repository root): they import the built routekit by name, so build it
// first. The repository's e2e project runs the same files after building.
export default defineConfig({
  test: { include: ['tests/**/*.test.ts'] },
})
