// An ESM user: import of every entry.
import { createRequire } from 'node:module'
import spec from './spec.cjs'
spec.run('import', (entry) => import(entry), createRequire(import.meta.url)('routekit/package.json').exports)
