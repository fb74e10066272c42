// The README's free-standing code (not copied from the example app) must
// compile against routekit's real types: a renamed option or export, a
// wrong argument shape, or a claim like `auth.email` being typed, fails here.
import { describe, expect, it } from 'vitest'
import { readmeSnippets, typeErrors } from './snippets.js'

describe('the README snippets', () => {
  const snippets = readmeSnippets()

  it('are found', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10)
  })

  it('type-check against the sources', () => {
    expect(typeErrors(snippets)).toEqual([])
  }, 60_000)
})
