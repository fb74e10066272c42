import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

// The benchmark app: next, react, zod, jose and routekit (linked at the
// root's node_modules) all come from the repository root, which is
// Turbopack's root so that it follows the link and reads the example's secrets.
const config: NextConfig = {
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
}

export default config
