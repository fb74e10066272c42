import { defineConfig } from 'tsup'

// One entry per subpath export, so a route pays only for what it imports.
// Code splitting keeps the shared core in one chunk per format instead of
// a copy inside every entry.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    app: 'src/adapters/app.ts',
    pages: 'src/adapters/pages.ts',
    jwt: 'src/jwt/index.ts',
    session: 'src/session/index.ts',
    authjs: 'src/authjs/index.ts',
    cors: 'src/cors/index.ts',
    openapi: 'src/openapi/index.ts',
    'openapi-swagger-ui': 'src/openapi/swagger-ui/index.ts',
    'rate-limit': 'src/rate-limit/index.ts',
    testing: 'src/testing/index.ts',
    'next-connect': 'src/next-connect/index.ts',
    actions: 'src/actions/index.ts',
    webhooks: 'src/webhooks/index.ts',
    client: 'src/client/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // Loaded only for router: 'pages' in routekit/testing; an optional peer.
  external: ['node-mocks-http'],
})
