// Runs after tsup (`npm run build`): makes the CommonJS declarations
// (dist/*.d.cts) import the types of ESM-only packages (jose) as an ESM
// importer would.
//
// tsup copies `import { JWTPayload } from 'jose'` into every .d.cts as it is.
// A .d.cts is a CommonJS module, jose is ESM-only, so TypeScript with
// `module: node16` (or node18) reports TS1479 in a consumer's .cts files
// whenever it checks libraries (`skipLibCheck: false`), although only types
// cross that import. TypeScript's own answer is a type-only import with
// `resolution-mode: 'import'` (TS 5.3+, accepted under every
// moduleResolution): the types are looked up with the `import` condition and
// nothing is required at run time. At run time the CJS build requires jose
// through Node's require(esm), which is why `engines` starts at 20.19 / 22.12.
//
// Not chosen: bundling jose into the CJS build (a second copy of jose beside
// the ESM one, for users on Node versions that are end of life anyway), or
// copying JWTPayload, JWK and the key types into routekit to keep jose out of
// the public signatures (a copy to keep in step with jose by hand).
//
// Packages are found ESM-only by resolving them as `require` would and
// reading the format of the file Node would load; the rewrite then fails
// loudly on any import form it does not know, rather than leave one behind.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire, isBuiltin } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const require = createRequire(join(dist, 'index.cjs'))

/** Whether `require(specifier)` from dist/ would load an ES module. */
function isEsmOnly(specifier) {
  let file
  try {
    file = require.resolve(specifier)
  } catch (error) {
    // No `require` (or default) condition in its exports: ESM-only too.
    if (error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return true
    throw error
  }
  if (file.endsWith('.mjs')) return true
  if (file.endsWith('.cjs')) return false
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type === 'module'
    } catch (error) {
      if (error.code !== 'ENOENT') throw error
    }
  }
  return false
}

const attribute = `with { 'resolution-mode': 'import' }`
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const esmOnly = new Map()
const changed = []

for (const name of readdirSync(dist).filter((file) => file.endsWith('.d.cts'))) {
  const path = join(dist, name)
  let text = readFileSync(path, 'utf8')
  const before = text
  // Imports in TSDoc examples (`import type { routes } from '@/lib/routes'`) are prose, not imports.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '')
  const specifiers = new Set([...code.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"./][^'"]*)['"]/g)].map((m) => m[1]))
  for (const specifier of specifiers) {
    if (isBuiltin(specifier)) continue
    if (!esmOnly.has(specifier)) esmOnly.set(specifier, isEsmOnly(specifier))
    if (!esmOnly.get(specifier)) continue
    const quoted = `['"]${escape(specifier)}['"]`
    // import { A, type B } from 'x';  import * as x from 'x';  (type-only already or not)
    text = text.replace(
      new RegExp(`^import\\s+(?:type\\s+)?(\\{[^}]*\\}|\\*\\s+as\\s+[\\w$]+)\\s+from\\s+${quoted}\\s*;`, 'gm'),
      (_, bindings) => `import type ${bindings.replace(/\btype\s+/g, '')} from '${specifier}' ${attribute};`,
    )
    // import('x') in a type position.
    text = text.replace(new RegExp(`import\\(\\s*${quoted}\\s*\\)`, 'g'), `import('${specifier}', { ${attribute} })`)
    const left = text
      .split('\n')
      .filter((line) => new RegExp(quoted).test(line) && !line.includes("'resolution-mode'") && !/^\s*(\*|\/\/)/.test(line))
    if (left.length > 0) {
      throw new Error(`scripts/cjs-types.mjs: ${name} refers to the ESM-only package ${specifier} in a form it cannot rewrite:\n${left.join('\n')}`)
    }
  }
  if (text !== before) {
    writeFileSync(path, text)
    changed.push(name)
  }
}

const rewritten = [...esmOnly].filter(([, yes]) => yes).map(([specifier]) => specifier)
console.log(`cjs-types: ESM-only in the .d.cts files: ${rewritten.join(', ') || 'none'}; ${changed.length} file(s) rewritten`)
