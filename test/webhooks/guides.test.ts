// The shape of the webhook guides: a route per router, the Pages one with
// Next's body parser off, and every block importing what it uses. Their
// code is type-checked with every other guide's by test/readme/.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const guides = ['stripe', 'github', 'standard-webhooks']

describe.each(guides)('docs/webhooks/%s.md', (guide) => {
  const text = readFileSync(new URL(`../../docs/webhooks/${guide}.md`, import.meta.url), 'utf8')
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((match) => match[1]!)

  it('has a route per router, the Pages one with bodyParser off', () => {
    expect(blocks.some((code) => code.includes("from 'routekit/app'"))).toBe(true)
    expect(blocks.some((code) => code.includes("from 'routekit/pages'") && code.includes('bodyParser: false'))).toBe(true)
  })

  it('imports what each block uses, in the block', () => {
    for (const code of blocks) {
      expect(code).toMatch(/^(?:\/\/.*\n)*import /)
      if (code.includes('webhook(')) expect(code).toContain("from 'routekit/webhooks'")
      if (code.includes('z.')) expect(code).toContain("from 'zod'")
    }
  })
})
