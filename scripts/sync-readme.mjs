// Rewrites every README code block marked `<!-- example: path -->` with the
// current content of that file. test/readme/examples.test.ts fails until this is run
// after an example changes, so the README cannot drift from the app.
import { readFileSync, writeFileSync } from 'node:fs'

const readmeUrl = new URL('../README.md', import.meta.url)
const readme = readFileSync(readmeUrl, 'utf8')
const synced = readme.replace(/(<!-- example: (\S+) -->\n```ts\n)(?:[\s\S]*?\n)??(```)/g, (_, open, path, close) => {
  const code = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8').trimEnd()
  return `${open}${code}\n${close}`
})
writeFileSync(readmeUrl, synced)
