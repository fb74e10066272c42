// Cost of using it: what a user's bundler includes for each entry (esbuild,
// minified, gzip; next and zod external, jose included), whether a route with
// only method guards pulls in jose or zod, and the time to import each entry
// in a fresh process, against `node -e 0`.
import { execFileSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { summary } from './lib/stats.mjs'

const root = new URL('..', import.meta.url).pathname

async function bundle(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['node:*', 'next', 'zod'],
    metafile: true,
    logLevel: 'error',
  })
  const bytes = result.outputFiles[0].contents
  const inputs = Object.keys(result.metafile.inputs)
  return { min: bytes.length, gzip: gzipSync(bytes).length, jose: inputs.some((i) => i.includes('jose')), zod: inputs.some((i) => i.includes('/zod/')) }
}

export const entries = ['routekit', 'routekit/app', 'routekit/pages', 'routekit/jwt', 'routekit/session', 'routekit/authjs']

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
  for (const [entry, s] of Object.entries(sizes)) console.log(entry.padEnd(18), `${s.min} min`, `${s.gzip} gz`, s.jose ? 'jose' : '', s.zod ? 'ZOD' : '')
  console.log('guard-only route'.padEnd(18), `${guardOnly.gzip} gz`, 'jose:', guardOnly.jose, 'zod:', guardOnly.zod)
  for (const [name, t] of Object.entries(importTimes)) console.log(name.padEnd(18), `${t.median.toFixed(1)} ms`)
}
