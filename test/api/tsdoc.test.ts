// Every symbol a package entry exports (functions, classes and their public
// methods, interfaces, types, constants) has a TSDoc comment with an
// `@example`, and every public property of an exported class a comment:
// the API reference (docs/api, `npm run docs:api`) is made of them, so an
// undocumented export is a hole in it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entryPoints, exportedSymbols } from './exports.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')


describe('the TSDoc comments of the public API', () => {
  const symbols = exportedSymbols()

  it('are looked for in every entry', () => {
    const subpaths = Object.keys(JSON.parse(read('package.json')).exports).filter((subpath) => subpath !== './package.json')
    expect(Object.keys(entryPoints).sort()).toEqual(subpaths.map((subpath) => `routekit${subpath.slice(1)}`).sort())
    const built = read('tsup.config.ts')
    for (const source of Object.values(entryPoints)) expect(built, `tsup.config.ts builds ${source}`).toContain(`'${source}'`)
    expect(symbols.length).toBeGreaterThanOrEqual(150)
  })

  it('exist for every export, each with an @example', () => {
    const missing = symbols
      .filter((symbol) => !symbol.hasComment || (!symbol.property && !symbol.hasExample))
      .map((symbol) => `${symbol.name} (${symbol.file}, exported by ${symbol.entries.join(', ')}): ${symbol.hasComment ? 'no @example' : 'no TSDoc comment'}`)
    expect(missing).toEqual([])
  })
})
