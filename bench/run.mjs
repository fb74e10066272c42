// `npm run bench`: builds routekit, the example app and the benchmark app, runs every benchmark
// and writes this Node version's section of bench/RESULTS.md, keeping the
// other versions' sections. Ratios are taken within each round of an
// alternating A B A B run, so machine drift hits every contender alike.
//
//   npm run bench                          the Node that runs npm
//   BENCH_NODE=24.22.3 npm run bench       a version from the npm registry (installed into .cache/node/)
//   BENCH_NODE=/path/to/node npm run bench a binary
import { cpus, platform, release } from 'node:os'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { appDir, benchAppDir, buildAll } from '../scripts/next-app.mjs'
import { formatRange } from './lib/stats.mjs'
import { runOnBenchNode } from './lib/bench-node.mjs'

// Another Node: run this script again with it, so that everything it starts
// (the Node-path servers, `next build` and `next start`, the import timings)
// runs on that Node too, through process.execPath.
await runOnBenchNode(import.meta.url)

const started = Date.now()
buildAll({ quiet: true, apps: [appDir, benchAppDir] })
const { runInProcess } = await import('./inprocess.mjs')
const { runNodePath } = await import('./node-path.mjs')
const { runNextPath } = await import('./next-path.mjs')
const { runCost } = await import('./cost.mjs')

console.log('in-process, Web path ...')
const inProcess = await runInProcess({ rounds: 30, targetMs: 40 })
console.log('Node path ...')
const nodePath = await runNodePath({ rounds: 4, seconds: 5 })
console.log('inside Next.js ...')
const nextPath = await runNextPath({ rounds: 4, seconds: 5 })
console.log('cost of using it ...')
const cost = await runCost({ importRuns: 15 })
const minutes = ((Date.now() - started) / 60000).toFixed(1)
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
// RESULTS.md aside: a run on a second Node finds the first run's section in it, uncommitted.
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench', 'examples', ':!bench/RESULTS.md'], { encoding: 'utf8' }).trim() !== ''

const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
const scenarioNames = { post: 'POST, JSON body, HS256 bearer, zod body schema', get: 'GET with a query schema', notAllowed: 'DELETE on a GET/POST route (405)' }

const inProcessTables = Object.entries(inProcess).map(([scenario, { iterations, ...byName }]) =>
  [`#### ${scenarioNames[scenario]} (${iterations} requests per measurement)`, '', table(['contender', 'µs per request, median (IQR)', 'time vs hand-written, median (IQR)'], Object.entries(byName).map(([name, r]) => [name, formatRange(r.figure, 1), formatRange(r.ratio, 3)]))].join('\n'),
)
const loadTable = (byName) => table(['contender', 'requests/s, median (IQR)', 'throughput vs baseline, median (IQR)'], Object.entries(byName).map(([name, r]) => [name, formatRange(r.figure, 0), formatRange(r.ratio, 3)]))
const nodeBaseline = cost.importTimes['node -e 0'].median

// Targets from the benchmark issue, checked against this run's medians.
const kit = (scenario) => inProcess[scenario].routekit
const targets = [
  ...Object.keys(scenarioNames).map((s) => [`in-process ${s}: within 10% of hand-written`, `×${kit(s).ratio.median.toFixed(3)}`, kit(s).ratio.median <= 1.1]),
  ['in-process POST: faster than Hono', `${kit('post').figure.median.toFixed(1)} vs ${inProcess.post.hono.figure.median.toFixed(1)} µs`, kit('post').figure.median < inProcess.post.hono.figure.median],
  ['in-process POST: faster than next-connect', `${kit('post').figure.median.toFixed(1)} vs ${inProcess.post['next-connect'].figure.median.toFixed(1)} µs`, kit('post').figure.median < inProcess.post['next-connect'].figure.median],
  ['Node path: within 10% of hand-written', `×${nodePath.routekit.ratio.median.toFixed(3)} throughput`, nodePath.routekit.ratio.median >= 0.9],
  ['Node path: faster than next-connect', `${Math.round(nodePath.routekit.figure.median)} vs ${Math.round(nodePath['next-connect'].figure.median)} req/s`, nodePath.routekit.figure.median > nodePath['next-connect'].figure.median],
  ...Object.entries(nextPath).map(([router, r]) => [`next start, ${router}: within 3% of a raw route`, `×${r.routekit.ratio.median.toFixed(3)} throughput`, r.routekit.ratio.median >= 0.97]),
  ['core entry under 5 KB min+gzip', `${(cost.sizes.routekit.gzip / 1024).toFixed(2)} KB`, cost.sizes.routekit.gzip < 5 * 1024],
  ['a guard-only route pulls in no jose and no zod', `jose: ${cost.guardOnly.jose ? 'yes' : 'no'}, zod: ${cost.guardOnly.zod ? 'yes' : 'no'}`, !cost.guardOnly.jose && !cost.guardOnly.zod],
]

const major = process.versions.node.split('.')[0]
const section = `<!-- bench:node${major} -->
## Node ${major} (${process.version})

Every figure in this section comes from Node ${process.version}: written by \`npm run bench\` (${minutes} min) at commit
${commit}${dirty ? ' (with uncommitted changes)' : ''} on ${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim()}, at ${new Date().toISOString()}.

### Targets

${table(['target', 'this run', 'met'], targets.map(([name, value, met]) => [name, value, met ? 'yes' : '**no**']))}

### In-process, Web path (what an App Router route runs)

Each contender answers fresh \`Request\`s in a loop (30 rounds after 2 warm-up rounds, each measurement about
40 ms of requests); building the
request and reading the response are included for all. The floor is a hand-written function calling jose
(key imported once) and zod directly; Hono runs its JWT middleware and zod validator through \`app.fetch\`;
next-connect's edge router routes by method to the hand-written steps.

${inProcessTables.join('\n\n')}

### Node path (what a Pages Router route runs)

A \`node:http\` server per contender on 127.0.0.1, each in its own process, loaded by autocannon from this
process (20 connections, 4 rounds of 5 s after a warm-up round), POST with body, token and schema.

${loadTable(nodePath)}

### Inside Next.js (\`next start\`, the example app)

The same POST as a raw route and through routekit (\`bench/next-app/app/api/bench\`,
\`pages/api/bench-pages\`), 20 connections, 4 rounds of 5 s after a warm-up round.

${Object.entries(nextPath).map(([router, byName]) => `#### ${router}\n\n${loadTable(byName)}`).join('\n\n')}

### Cost of using it

Bundled as a user's bundler would include it: esbuild with code splitting, minified, \`next\` and \`zod\`
external, jose included. "Loaded with the route" counts the entry and what it imports statically; the
validation steps sit behind a dynamic \`import()\` and load only for routes that declare schemas.

${table(['entry', 'minified', 'min + gzip, loaded with the route', 'min + gzip, loaded with the first schema', 'includes jose'], Object.entries(cost.sizes).map(([entry, s]) => [entry, `${s.min} B`, `${s.gzip} B`, s.lazyGzip ? `${s.lazyGzip} B` : '', s.jose ? 'yes' : 'no']))}

A route using only method guards (\`createHandler().get(...)\` through \`toAppRoute\`): ${cost.guardOnly.gzip} B min+gzip,
jose ${cost.guardOnly.jose ? 'included' : 'not included'}, zod ${cost.guardOnly.zod ? 'included' : 'not included'}.

Import time in a fresh process (${cost.importTimes['node -e 0'].n} runs each, alternating), against \`node -e 0\`:

${table(['import', 'ms, median (IQR)', 'over node -e 0'], Object.entries(cost.importTimes).map(([name, t]) => [name, formatRange(t, 1), name === 'node -e 0' ? '' : `${(t.median - nodeBaseline).toFixed(1)} ms`]))}
<!-- /bench:node${major} -->`

// This Node's section replaces its previous one; other versions' sections stay.
const resultsFile = new URL('./RESULTS.md', import.meta.url)
const sections = new Map([...(existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '').matchAll(/<!-- bench:node(\d+) -->[\s\S]*?<!-- \/bench:node\1 -->/g)].map((m) => [Number(m[1]), m[0]]))
sections.set(Number(major), section)
const report = `# Benchmark results

Written by \`npm run bench\`, one section per Node version: \`BENCH_NODE=<version or path> npm run bench\` runs the
same benchmarks on another Node and replaces only that version's section. Every figure comes from the Node
named in its section's heading. Medians with interquartile ranges across rounds; every ratio is taken within a
round (contenders alternate, rotating their order each round) and then summarised. The machine is shared and
noisy: read ratios, not absolute figures, and compare Node versions through their ratios.

${[...sections].sort(([a], [b]) => a - b).map(([, text]) => text).join('\n\n')}

${readFileSync(new URL('./ANALYSIS.md', import.meta.url), 'utf8')}`

writeFileSync(resultsFile, report)
console.log(section)
