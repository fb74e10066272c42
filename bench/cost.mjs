// Cost of using it: what a user's bundler includes for each entry (esbuild,
// minified, gzip; next and zod external, jose included), whether a route with
// only method guards pulls in jose or zod, and the time to import each entry
// in a fresh process, against `node -e 0`.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { summary } from './lib/stats.mjs'

const root = new URL('..', import.meta.url).pathname

const scratch = new URL('./.tmp/', import.meta.url)

/**
 * Bundles a one-line import with code splitting, as Next's bundlers do, and
 * counts what loads with the route: the entry chunk and the chunks it
 * imports statically. Code behind a dynamic `import()` (routekit's
 * validation steps) is reported apart, since a route loads it only if it
 * declares schemas.
 */
async function bundle(contents) {
  mkdirSync(scratch, { recursive: true })
  const entry = new URL(`entry-${Math.random().toString(36).slice(2)}.mjs`, scratch)
  writeFileSync(entry, contents)
  try {
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      splitting: true,
      minify: true,
      write: false,
      outdir: fileURLToPath(new URL('out/', scratch)),
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      external: ['node:*', 'next', 'zod'],
      metafile: true,
      logLevel: 'error',
    })
    const outputs = result.metafile.outputs
    const byPath = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
    const entryPath = Object.keys(outputs).find((path) => outputs[path].entryPoint)
    const loaded = new Set()
    const visit = (path) => {
      if (loaded.has(path)) return
      loaded.add(path)
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
    visit(entryPath)
    const absolute = (path) => [...byPath.keys()].find((p) => p.endsWith(path.replace(/^.*\.tmp\//, '')))
    const bytes = Buffer.concat([...loaded].map((path) => Buffer.from(byPath.get(absolute(path)))))
    const inputs = [...loaded].flatMap((path) => Object.keys(outputs[path].inputs))
    const lazy = Object.keys(outputs).filter((path) => !loaded.has(path) && !path.endsWith('.map'))
    const lazyBytes = Buffer.concat(lazy.map((path) => Buffer.from(byPath.get(absolute(path)))))
    return {
      min: bytes.length,
      gzip: gzipSync(bytes).length,
      lazyGzip: lazy.length > 0 ? gzipSync(lazyBytes).length : 0,
      jose: inputs.some((i) => i.includes('jose')),
      zod: inputs.some((i) => i.includes('/zod/')),
    }
  } finally {
    rmSync(entry, { force: true })
  }
}

export const entries = [
  'routekit',
  'routekit/app',
  'routekit/pages',
  'routekit/jwt',
  'routekit/session',
  'routekit/authjs',
  'routekit/cors',
  'routekit/rate-limit',
  'routekit/next-connect',
  'routekit/openapi',
  'routekit/client',
]

export async function runCost({ importRuns = 15 } = {}) {
  const sizes = {}
  for (const entry of entries) sizes[entry] = await bundle(`export * from '${entry}'`)
  const guardOnly = await bundle(
    "import { createHandler } from 'routekit'; import { toAppRoute } from 'routekit/app'; export const { GET, POST } = toAppRoute(createHandler().get(() => 'ok'))",
  )

  // Import time: fresh processes, alternating with the empty baseline so drift hits both.
  const time = (args) => {
    const started = process.hrtime.bigint()
    execFileSync(process.execPath, args, { cwd: root })
    return Number(process.hrtime.bigint() - started) / 1e6
  }
  const importers = { 'node -e 0': ['-e', '0'] }
  for (const entry of [...entries, 'hono', 'next-connect']) importers[entry] = ['--input-type=module', '-e', `await import('${entry}')`]
  const samples = Object.fromEntries(Object.keys(importers).map((name) => [name, []]))
  for (let run = 0; run < importRuns; run++) for (const [name, args] of Object.entries(importers)) samples[name].push(time(args))
  const importTimes = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summary(values)]))
  return { sizes, guardOnly, importTimes }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sizes, guardOnly, importTimes } = await runCost({ importRuns: Number(process.env.RUNS ?? 5) })
  for (const [entry, s] of Object.entries(sizes)) console.log(entry.padEnd(18), `${s.min} min`, `${s.gzip} gz`, `lazy ${s.lazyGzip} gz`, s.jose ? 'jose' : '', s.zod ? 'ZOD' : '')
  console.log('guard-only route'.padEnd(18), `${guardOnly.gzip} gz`, 'jose:', guardOnly.jose, 'zod:', guardOnly.zod)
  for (const [name, t] of Object.entries(importTimes)) console.log(name.padEnd(18), `${t.median.toFixed(1)} ms`)
}
