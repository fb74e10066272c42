// Rewrites every code block of README.md and docs/**/*.md marked
// `<!-- example: path -->` with the current content of that file.
// test/readme/examples.test.ts fails until this is run after an example
// changes, so the guides cannot drift from the app.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const guides = readdirSync(new URL('docs', root), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'))
for (const file of ['README.md', ...guides.map((name) => `docs/${name}`)]) {
  const url = new URL(file, root)
  const text = readFileSync(url, 'utf8')
  const synced = text.replace(/(<!-- example: (\S+) -->\n```ts\n)(?:[\s\S]*?\n)??(```)/g, (_, open, path, close) => {
    const code = readFileSync(new URL(path, root), 'utf8').trimEnd()
    return `${open}${code}\n${close}`
  })
  if (synced !== text) writeFileSync(url, synced)
}
