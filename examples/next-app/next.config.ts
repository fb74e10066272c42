import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

const config: NextConfig = {
  // routekit is linked from the repository root (file:../..); Turbopack only
  // follows links inside its root, so the root is the repository.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
}

export default config
