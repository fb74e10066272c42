// Node and TypeScript compatibility of the package as users install it.
// Packs dist/ (run `npm run build` first), installs the tarball into a
// throwaway project in the system's temporary folder, then:
//   - on Node 20.19 (the floor of `engines`), 22 and 24: require() and import
//     of every entry in package.json's exports, the exports a user needs
//     from each, the same export names from both builds, and one
//     authenticated, validated route end to end (test/compat/node/consumer/);
//   - with TypeScript 5.9, 6.0 and 7.0 and `skipLibCheck: false`: a .cts and
//     an .mts file importing every entry under module node16 and nodenext
//     (lib without "dom", as @tsconfig/node22 has it), a .ts file under
//     bundler resolution (Next.js's tsconfig), under `module: commonjs`
//     without a moduleResolution, and under node10 where TypeScript has it.
// Exits non-zero, saying what failed, if anything does.
//
//   node test/compat/node/run-matrix.mjs
//   COMPAT_NODE_VERSIONS=20.18.3 node test/compat/node/run-matrix.mjs   (other versions)
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { nodeBinary, nodeVersions, root } from './node-binaries.mjs'

if (!existsSync(`${root}dist/index.cjs`)) {
  console.error('test/compat/node: dist/ is missing; run `npm run build` first')
  process.exit(1)
}
const started = Date.now()
const run = promisify(execFile)
// Outside the repository: TypeScript's node10 lookup (and any other resolver
// that misses) walks up through parent node_modules folders, and the repo's
// own has routekit in it (the example app's workspace link).
const dir = `${mkdtempSync(join(tmpdir(), 'routekit-compat-node-'))}/`
const project = `${dir}consumer/`
const rootPackage = JSON.parse(readFileSync(`${root}package.json`, 'utf8'))
const typescripts = { '5.9': '5.9.3', '6.0': '6.0.3', '7.0': '7.0.2' }
const versions = process.env.COMPAT_NODE_VERSIONS?.split(',') ?? nodeVersions
const failures = []

// The throwaway project: the packed tarball and what a user adds beside it.
mkdirSync(project)
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }))
writeFileSync(
  `${project}package.json`,
  JSON.stringify(
    {
      name: 'routekit-compat-node',
      private: true,
      dependencies: {
        routekit: `file:${dir}${packed.filename}`,
        zod: rootPackage.devDependencies.zod,
        '@types/node': rootPackage.devDependencies['@types/node'],
        ...Object.fromEntries(Object.entries(typescripts).map(([name, version]) => [`ts${name}`, `npm:typescript@${version}`])),
      },
    },
    null,
    2,
  ),
)
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: project, stdio: 'inherit' })
for (const file of ['spec.cjs', 'check.cjs', 'check.mjs']) copyFileSync(new URL(`./consumer/${file}`, import.meta.url), `${project}${file}`)

// Runtime: require() and import on each Node.
console.log('\nNode: require() and import of every entry, from the packed tarball')
for (const version of versions) {
  const node = nodeBinary(version)
  const results = {}
  for (const check of ['check.cjs', 'check.mjs']) {
    try {
      const { stdout, stderr } = await run(node, [check], { cwd: project, timeout: 60_000 })
      const result = JSON.parse(stdout.trim().split('\n').at(-1))
      results[result.mode] = result
      // Such as an ExperimentalWarning for require(esm), which every user would see.
      if (stderr.trim()) failures.push(`Node ${version} ${check}: printed to stderr:\n${stderr.trim()}`)
    } catch (error) {
      failures.push(`Node ${version} ${check}: crashed: ${error.stderr || error.message}`)
    }
  }
  for (const [mode, result] of Object.entries(results)) {
    const entries = Object.entries(result.entries)
    const failed = entries.filter(([, r]) => !r.ok)
    for (const [entry, r] of failed) failures.push(`Node ${version}: ${mode}('${entry}'): ${r.error}`)
    if (!result.smoke.ok) failures.push(`Node ${version}: ${mode}: route smoke test: ${result.smoke.error}`)
    console.log(
      `  Node ${version.padEnd(8)} ${mode.padEnd(7)} ${entries.length - failed.length}/${entries.length} entries` +
        `${failed.length ? ` (failed: ${failed.map(([e]) => e).join(', ')})` : ''}, route smoke test ${result.smoke.ok ? 'ok' : 'FAILED'}`,
    )
  }
  // The CJS and ESM builds must offer the same names.
  if (results.require && results.import) {
    for (const [entry, r] of Object.entries(results.require.entries)) {
      const other = results.import.entries[entry]
      if (r.keys && other?.keys && r.keys.join() !== other.keys.join()) {
        failures.push(`Node ${version}: '${entry}' exports differ: require() has ${r.keys.join(', ')}; import has ${other.keys.join(', ')}`)
      }
    }
  }
}

// Types: every entry from a .cts, an .mts and a .ts consumer.
const entries = Object.keys(rootPackage.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? 'routekit' : `routekit/${key.slice(2)}`))
const consumer = `// Generated by test/compat/node/run-matrix.mjs.
import { createHandler, HttpError, json } from 'routekit'
import { toAppRoute } from 'routekit/app'
import { toPagesRoute } from 'routekit/pages'
import { jwt, signJwt } from 'routekit/jwt'
import { session } from 'routekit/session'
import { authjs } from 'routekit/authjs'
import { cors } from 'routekit/cors'
import { generateOpenApi } from 'routekit/openapi'
import { rateLimit } from 'routekit/rate-limit'
import { testRoute } from 'routekit/testing'
import { mountNode } from 'routekit/next-connect'
${entries.map((entry, i) => `import type * as entry${i} from '${entry}'`).join('\n')}

// Standard Schemas written out (routekit reads them through \`~standard\`) rather than
// zod's, so that the check is of routekit's declarations, jose's and @types/node.
function schema<Output>(parse: (value: unknown) => Output) {
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'compat',
      validate: (value: unknown) => ({ value: parse(value) }),
      types: undefined as unknown as { input: unknown; output: Output },
    },
  }
}
const Claims = schema((value) => value as { sub: string })
const Query = schema((value) => ({ limit: Number((value as { limit?: string }).limit ?? 20) }))

const authed = createHandler().use(jwt({ secret: 'a'.repeat(32), algorithms: ['HS256'], claims: Claims }))
const items = authed.get({ query: Query }, ({ auth, query }) => {
  const sub: string = auth.sub
  const limit: number = query.limit
  // @ts-expect-error the claims schema types auth.sub as a string
  const wrong: number = auth.sub
  return json({ sub, limit, wrong })
})
export const route = toAppRoute(items)
export const page = toPagesRoute(items)
export const used = [HttpError, signJwt, session, authjs, cors, generateOpenApi, rateLimit, testRoute, mountNode] as const
export type Entries = [${entries.map((_, i) => `typeof entry${i}`).join(', ')}]
`
for (const extension of ['cts', 'mts', 'ts']) writeFileSync(`${project}consumer.${extension}`, consumer)

const base = { strict: true, skipLibCheck: false, noEmit: true, esModuleInterop: true, target: 'es2022', types: ['node'] }
// Node projects as @tsconfig/node22 sets them up (lib es2024, no DOM); the bundler one is Next.js's tsconfig.
const nodeProject = { ...base, lib: ['es2024'] }
const configs = {
  node16: { compilerOptions: { ...nodeProject, module: 'node16' }, files: ['consumer.cts', 'consumer.mts'] },
  nodenext: { compilerOptions: { ...nodeProject, module: 'nodenext' }, files: ['consumer.cts', 'consumer.mts'] },
  bundler: {
    compilerOptions: { ...base, lib: ['dom', 'dom.iterable', 'esnext'], module: 'esnext', moduleResolution: 'bundler', esModuleInterop: true, isolatedModules: true, resolveJsonModule: true },
    files: ['consumer.ts'],
  },
  // TypeScript 6 and 7 resolve this as bundler with the `require` condition (the .d.cts
  // files); TypeScript 5 as node10, the row below.
  commonjs: { compilerOptions: { ...nodeProject, module: 'commonjs' }, files: ['consumer.ts'], only: ['6.0', '7.0'] },
  // Deprecated in 6.0 (ignoreDeprecations), removed in 7.0.
  node10: { compilerOptions: { ...nodeProject, module: 'commonjs', moduleResolution: 'node10' }, files: ['consumer.ts'], only: ['5.9', '6.0'] },
}
const jobs = []
for (const [name, { only, ...config }] of Object.entries(configs)) {
  for (const ts of Object.keys(typescripts)) {
    if (only && !only.includes(ts)) continue
    const compilerOptions = ts === '6.0' && name === 'node10' ? { ...config.compilerOptions, ignoreDeprecations: '6.0' } : config.compilerOptions
    writeFileSync(`${project}tsconfig.${name}.${ts}.json`, JSON.stringify({ ...config, compilerOptions }, null, 2))
    jobs.push({ name, ts })
  }
}
console.log(`\nTypeScript: every entry with skipLibCheck: false (${jobs.length} checks)`)
const outcome = {}
const pool = [...jobs]
await Promise.all(
  [0, 1].map(async () => {
    for (let job = pool.shift(); job; job = pool.shift()) {
      const { name, ts } = job
      try {
        await run(process.execPath, [`node_modules/ts${ts}/bin/tsc`, '-p', `tsconfig.${name}.${ts}.json`], { cwd: project, timeout: 120_000 })
        outcome[`${name} ${ts}`] = 'ok'
      } catch (error) {
        outcome[`${name} ${ts}`] = 'FAILED'
        const lines = (error.stdout || error.stderr || error.message).trim().split('\n')
        const shown = lines.length > 20 ? [...lines.slice(0, 20), `... ${lines.length - 20} more lines`] : lines
        failures.push(`TypeScript ${typescripts[ts]}, ${name} (tsconfig.${name}.${ts}.json):\n${shown.join('\n')}`)
      }
    }
  }),
)
for (const name of Object.keys(configs)) {
  const row = Object.keys(typescripts).map((ts) => `TS ${ts}: ${outcome[`${name} ${ts}`] ?? 'n/a'}`)
  console.log(`  ${name.padEnd(9)} ${row.join('   ')}`)
}

const seconds = ((Date.now() - started) / 1000).toFixed(0)
if (failures.length > 0) {
  console.error(`\ntest/compat/node: ${failures.length} failure(s) in ${seconds} s (project kept in ${project}):\n`)
  for (const failure of failures) console.error(`- ${failure}\n`)
  process.exit(1)
}
console.log(`\ntest/compat/node: all passed in ${seconds} s`)
rmSync(dir, { recursive: true, force: true })
