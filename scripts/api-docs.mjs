// npm run docs:api: writes the API reference, docs/api, from the TSDoc
// comments of the sources: one Markdown page per package entry, named as
// users import it (routekit, routekit/app, ...). `--check` writes it to a
// temporary folder instead and fails if docs/api differs (CI runs that).
//
// TypeDoc and its Markdown plugin live in tools/api-docs with their own
// TypeScript (see its package.json for why); they are installed there on
// first use, exact versions, from the npm registry.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tools = join(root, 'tools/api-docs')
const docs = join(root, 'docs/api')
const check = process.argv.includes('--check')

// Each subpath of package.json `exports` and its source, as tsup.config.ts
// builds it; test/api checks the list against package.json.
const entries = JSON.parse(readFileSync(join(tools, 'entries.json'), 'utf8'))

if (!existsSync(join(tools, 'node_modules/typedoc-plugin-markdown'))) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: tools, stdio: 'inherit' })
}
const requireTool = createRequire(join(tools, 'package.json'))
const { Application, Converter, ReflectionKind } = await import(pathToFileURL(requireTool.resolve('typedoc')).href)

const out = check ? mkdtempSync(join(tmpdir(), 'routekit-api-')) : docs
const app = await Application.bootstrapWithPlugins({
  entryPoints: Object.values(entries).map((file) => join(root, file)),
  entryPointStrategy: 'resolve',
  tsconfig: join(tools, 'tsconfig.json'),
  // `npm test` type-checks the sources; the reference only reads them.
  skipErrorChecking: true,
  plugin: [requireTool.resolve('typedoc-plugin-markdown')],
  out,
  name: 'routekit API reference',
  readme: 'none',
  entryFileName: 'README.md',
  outputFileStrategy: 'modules',
  flattenOutputFiles: true,
  // No source links and no git revision: the pages depend on the comments and types alone.
  disableSources: true,
  disableGit: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeInternal: true,
  excludeExternals: true,
  hidePageHeader: true,
  useCodeBlocks: true,
  // A type declared elsewhere and not exported (an internal helper's shape) is
  // shown inline by its name, which is not a failure of the reference.
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  treatWarningsAsErrors: true,
  logLevel: 'Warn',
})

// Name each page after the subpath users import, not after the source file.
const byFile = new Map(Object.entries(entries).map(([name, file]) => [join(root, file), name]))
app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
  if (!reflection.kindOf(ReflectionKind.Module)) return
  const symbol = context.getSymbolFromReflection(reflection)
  const file = symbol?.declarations?.[0]?.getSourceFile().fileName
  const name = file && byFile.get(file)
  if (name) reflection.name = name
})

if (check) rmSync(out, { recursive: true, force: true })
else rmSync(docs, { recursive: true, force: true })
const project = await app.convert()
if (!project || app.logger.hasErrors()) process.exit(1)
await app.generateOutputs(project)
if (app.logger.hasErrors() || app.logger.hasWarnings()) process.exit(1)

// The index page says where it belongs and where its text comes from. Added
// here rather than as TypeDoc's readme, which would copy the README it
// links to into the output.
const index = join(out, 'README.md')
const title = '# routekit API reference\n'
const page = readFileSync(index, 'utf8')
if (!page.startsWith(title)) throw new Error(`${index}: TypeDoc's index page no longer starts with ${title}`)
writeFileSync(index, `${title}
Part of the [routekit guides](../../README.md#guides). Every export of every
entry point, with its TSDoc comment and example, one page per entry: the
guides explain how the pieces fit, these pages list them.

Generated from the comments in \`src/\` by \`npm run docs:api\`: edit those,
not these pages (CI fails when they differ).
${page.slice(title.length).replace('\n## Modules\n', '\n## Entry points\n')}`)

if (check) {
  const files = (dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort()
  const made = files(out)
  const kept = existsSync(docs) ? files(docs) : []
  const stale = [...new Set([...made, ...kept])].filter(
    (name) => !made.includes(name) || !kept.includes(name) || readFileSync(join(out, name), 'utf8') !== readFileSync(join(docs, name), 'utf8'),
  )
  rmSync(out, { recursive: true, force: true })
  if (stale.length > 0) {
    console.error(`docs/api is out of date (${stale.map((name) => relative(root, join(docs, name))).join(', ')}): run \`npm run docs:api\` and commit the result.`)
    process.exit(1)
  }
  console.log('docs/api matches the TSDoc comments.')
}
