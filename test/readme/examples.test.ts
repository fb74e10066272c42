import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markdownFiles, tsBlock } from './snippets.js'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const readme = read('README.md')
const examples = markdownFiles().flatMap((file) =>
  [...read(file).matchAll(tsBlock)].filter((match) => match[1]).map((match) => [file, match[2]!, match[3]!] as const),
)

describe('the README and the guides', () => {
  it('show code taken from the example app', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
  })

  // After changing an example: `npm run sync:readme`.
  it.each(examples)('%s shows %s exactly as it is', (_file, path, code) => {
    expect(code).toBe(read(path).trimEnd())
  })

  it('gives the two commands, and both scripts exist', () => {
    const scripts = JSON.parse(read('package.json')).scripts
    expect(readme).toContain('npm install && npm run demo')
    expect(readme).toMatch(/^npm test\b/m)
    expect(scripts.demo).toBeDefined()
    expect(scripts.test).toBeDefined()
  })

  it('keep the README a front door of at most 250 lines, linking every guide', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250)
    for (const file of markdownFiles().filter((name) => name !== 'README.md' && name !== 'docs/decisions.md')) {
      // The webhook guides hang off their own index page.
      const link = file.startsWith('docs/webhooks/') ? 'docs/webhooks/README.md' : file
      expect(readme, `README links ${file}`).toContain(`](${link})`)
    }
    // The generated API reference (left out of markdownFiles()) by its index page.
    expect(readme, 'README links docs/api/README.md').toContain('](docs/api/README.md)')
  })

  it('keep each guide at most 400 lines', () => {
    for (const file of markdownFiles().filter((name) => name !== 'README.md' && name !== 'docs/decisions.md')) {
      expect(read(file).split('\n').length, file).toBeLessThanOrEqual(400)
    }
  })
})
