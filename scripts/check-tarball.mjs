// Checks what `npm publish` would upload (`npm run check:tarball`, in CI after
// `npm run build`): runs npm's own publish path as a dry run, then compares
// the tarball's file list with what a user of the package needs. Fails when
// a file outside that set is packed (tests, sources, examples, build caches)
// or when one the package points at is missing.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))

// --ignore-scripts: prepublishOnly would rebuild dist/ (this checks the build
// CI just made, and a build's output would mix with the JSON). --force skips
// only the registry's "version already published" check: between releases
// package.json names the version that is on npm, and refusing to publish it
// twice is `changeset publish`'s job at release time.
const output = execFileSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts', '--force'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
// npm 11 keys the report by package name; `npm pack --json` gives an array.
const report = JSON.parse(output)
const packed = Array.isArray(report) ? report[0] : (report[pkg.name] ?? report)
const files = new Set(packed.files.map((file) => file.path))

// What users need. Source maps are shipped on purpose: tsup embeds each
// source (sourcesContent), so a stack trace under `node --enable-source-maps`
// or Next's error overlay points at routekit's own TypeScript without src/
// in the tarball. They cost install size only; nothing loads them unless
// source maps are enabled.
const always = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']
const built = /^dist\/[\w-]+\.(?:js|cjs|d\.ts|d\.cts|js\.map|cjs\.map)$/

const problems = []
for (const file of files) {
  if (!always.includes(file) && !built.test(file)) problems.push(`not for users, but packed: ${file}`)
}

// Every file package.json points at: main, module, types, each export
// condition and each typesVersions entry.
const targets = new Set(always)
const collect = (value) => {
  if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''))
  else if (value && typeof value === 'object') Object.values(value).forEach(collect)
}
collect([pkg.main, pkg.module, pkg.types, pkg.exports, pkg.typesVersions])
for (const target of targets) {
  if (target.includes('*')) problems.push(`a pattern the check cannot follow: ${target}`)
  else if (!files.has(target)) problems.push(`pointed at by package.json, but not packed: ${target}`)
}

// A map must sit beside its file and carry its sources, since src/ is not
// shipped; a file must not name a map that is not packed (bundlers warn).
for (const file of files) {
  if (file.endsWith('.map')) {
    if (!files.has(file.slice(0, -'.map'.length))) problems.push(`a map without its file: ${file}`)
    const map = JSON.parse(readFileSync(new URL(file, root), 'utf8'))
    // An entry that only re-exports chunks has a map with no sources at all.
    const contents = map.sourcesContent ?? []
    const embedded = contents.length === map.sources.length && contents.every((text) => typeof text === 'string')
    if (!embedded) problems.push(`a map that does not embed its sources: ${file}`)
  } else if (/\.c?js$/.test(file)) {
    const named = readFileSync(new URL(file, root), 'utf8').match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1]
    if (named && !files.has(`dist/${named}`)) problems.push(`${file} names a map that is not packed: ${named}`)
  }
}

if (!existsSync(new URL('dist/', root))) problems.unshift('no dist/: run `npm run build` first')
if (problems.length > 0) {
  console.error(`check-tarball: ${packed.id}, ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`check-tarball: ${packed.id}, ${files.size} files, ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked: as expected`)
