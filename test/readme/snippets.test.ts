// The free-standing code of the README and docs/ (not copied from the example app) must
// compile against routekit's real types: a renamed option or export, a
// wrong argument shape, or a claim like `auth.email` being typed, fails here.
import { describe, expect, it } from 'vitest'
import { markdownSnippets, typeErrors } from './snippets.js'

describe('the snippets of the README and the guides', () => {
  const snippets = markdownSnippets()

  it('are found', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(30)
  })

  it('type-check against the sources', () => {
    expect(typeErrors(snippets)).toEqual([])
  }, 60_000)
})
