import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// routekit/client runs in the browser: at run time it may import only its
// own files, so a client bundle never pulls in the core, jose or a schema
// library. Types from the rest of routekit are fine (erased on build).
const dir = join(import.meta.dirname, '../../src/client')

describe('routekit/client', () => {
  it('imports nothing outside src/client at run time', () => {
    const offending = readdirSync(dir).flatMap((file) => {
      const source = readFileSync(join(dir, file), 'utf8')
      return [...source.matchAll(/^(import|export)(?!\s+type\b)[^'"]*from\s+'([^']+)'/gm)]
        .map((match) => match[2]!)
        .filter((specifier) => !specifier.startsWith('./'))
        .map((specifier) => `${file}: ${specifier}`)
    })
    expect(offending).toEqual([])
  })
})
