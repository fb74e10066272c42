// The webhook guides' code must compile against routekit's real types, as
// the README's does: each block on its own, with its own imports.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, type Snippet, typeErrors } from '../readme/snippets.js'

const guides = ['stripe', 'github', 'standard-webhooks']
// One compiler program for all three guides (each costs seconds): a
// guide's blocks are numbered from its own offset, and errors mapped back.
const offset = 100_000
const snippets = new Map(guides.map((guide) => [guide, readmeSnippets(readFileSync(new URL(`../../docs/webhooks/${guide}.md`, import.meta.url), 'utf8'))]))

describe.each(guides)('docs/webhooks/%s.md', (guide) => {
  it('has a block per router and each block imports what it uses', () => {
    const blocks = snippets.get(guide)!
    expect(blocks.some((snippet) => snippet.code.includes("from 'routekit/app'"))).toBe(true)
    expect(blocks.some((snippet) => snippet.code.includes("from 'routekit/pages'") && snippet.code.includes('bodyParser: false'))).toBe(true)
    for (const snippet of blocks) expect(snippet.code).toMatch(/^(?:\/\/.*\n)*import /)
  })
})

it('the guides type-check', () => {
  const all: Snippet[] = guides.flatMap((guide, index) => snippets.get(guide)!.map((snippet) => ({ ...snippet, line: snippet.line + index * offset })))
  const errors = typeErrors(all).map((error) =>
    error.replace(/^README\.md:(\d+)/, (_, line) => `docs/webhooks/${guides[Math.floor(Number(line) / offset)]}.md:${Number(line) % offset}`),
  )
  expect(errors).toEqual([])
}, 60_000)
