import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const examples = [...readme.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)\n```/g)]

describe('the README', () => {
  it('shows code taken from the example app', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
  })

  // After changing an example: `npm run sync:readme`.
  it.each(examples.map(([, path, code]) => [path!, code!]))('shows %s exactly as it is', (path, code) => {
    expect(code).toBe(readFileSync(new URL(path, root), 'utf8').trimEnd())
  })

  it('gives the two commands, and both scripts exist', () => {
    const scripts = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).scripts
    expect(readme).toContain('npm install && npm run demo')
    expect(readme).toMatch(/^npm test\b/m)
    expect(scripts.demo).toBeDefined()
    expect(scripts.test).toBeDefined()
  })
})
