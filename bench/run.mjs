// `npm run bench`: builds routekit, the example app and the benchmark app, runs every benchmark
// and writes this Node version's section of bench/RESULTS.md, keeping the
// other versions' sections. Ratios are taken within each round of an
// alternating A B A B run, so machine drift hits every contender alike.
//
//   npm run bench                          the Node that runs npm
//   BENCH_NODE=24.22.3 npm run bench       a version from the npm registry (installed into .cache/node/)
//   BENCH_NODE=/path/to/node npm run bench a binary
//   BENCH_INSTRUCTIONS=0 npm run bench     without the instruction counts (they need valgrind, and take longest)
//   BENCH_SKIP_BUILD=1                     with routekit and the benchmark app as last built (two Node versions side by side)
//   BENCH_QUICK=1                          tiny rounds, to check the script itself; its figures mean nothing
import { cpus, platform, release, tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { benchAppDir, buildAll } from '../scripts/next-app.mjs'
import { formatRange } from './lib/stats.mjs'
import { runOnBenchNode } from './lib/bench-node.mjs'

// Another Node: run this script again with it, so that everything it starts
// (the Node-path servers, `next build` and `next start`, the import timings)
// runs on that Node too, through process.execPath.
await runOnBenchNode(import.meta.url)

const started = Date.now()
const quick = process.env.BENCH_QUICK === '1'
const counting = process.env.BENCH_INSTRUCTIONS !== '0'
// Instruction counts (callgrind): N requests after a warm-up, minus the same warm-up alone, divided by N.
const counts = quick
  ? { n: 20, warmup: 10, repeats: 1, nodeWarmup: 20, nodeRequests: 20, nodeWindows: 2 }
  : { n: 10000, warmup: 2000, repeats: 2, nodeWarmup: 10000, nodeRequests: 2000, nodeWindows: 4 }
const { mean, settled } = await import('./node-path-instructions.mjs')
const saved = join(tmpdir(), `routekit-bench-node${process.versions.node.split('.')[0]}.json`)
let inProcess, nodePath, nextPath, cost, instructions, instructionsStream, nodeInstructions
if (process.env.BENCH_FROM_JSON) {
  // Writes the report again from a run's saved measurements (see below).
  ;({ inProcess, nodePath, nextPath, cost, instructions, instructionsStream, nodeInstructions } = JSON.parse(readFileSync(process.env.BENCH_FROM_JSON, 'utf8')))
} else {
  // Only the benchmark app: the example app is not benchmarked.
  if (process.env.BENCH_SKIP_BUILD !== '1') buildAll({ quiet: true, apps: [benchAppDir] })
  const { runInProcess } = await import('./inprocess.mjs')
  const { runNodePath } = await import('./node-path.mjs')
  const { runNextPath } = await import('./next-path.mjs')
  const { runCost } = await import('./cost.mjs')
  const { countInProcess } = await import('./instructions.mjs')
  const { countNodePath } = await import('./node-path-instructions.mjs')
  console.log('in-process, Web path ...')
  inProcess = await runInProcess(quick ? { rounds: 2, targetMs: 5 } : { rounds: 30, targetMs: 40 })
  console.log('Node path ...')
  nodePath = await runNodePath(quick ? { rounds: 1, seconds: 1 } : { rounds: 4, seconds: 5 })
  console.log('inside Next.js ...')
  nextPath = await runNextPath(quick ? { rounds: 1, seconds: 1 } : { rounds: 4, seconds: 5 })
  console.log('cost of using it ...')
  cost = await runCost({ importRuns: quick ? 2 : 15 })
  if (counting) {
    console.log('instructions, in-process ...')
    const options = { n: counts.n, warmup: counts.warmup, repeats: counts.repeats, log: console.log }
    // The App Router reads an answer's body as a stream, so the targets are
    // judged read that way; the GET is also counted read with arrayBuffer()
    // (routekit's own answers skip the stream then; the floor cannot).
    instructions = await countInProcess({ ...options, scenarios: ['get'] })
    instructionsStream = await countInProcess({ ...options, scenarios: ['get', 'post', 'notAllowed'], read: 'stream' })
    console.log('instructions, Node path ...')
    nodeInstructions = await countNodePath({ warmup: counts.nodeWarmup, requests: counts.nodeRequests, windows: counts.nodeWindows, log: console.log })
  }
  // Every measurement, kept in case writing the report fails after the long part (BENCH_FROM_JSON=<file>).
  writeFileSync(saved, JSON.stringify({ inProcess, nodePath, nextPath, cost, instructions, instructionsStream, nodeInstructions }, null, 2))
  console.log(`measurements saved in ${saved}`)
}
const minutes = ((Date.now() - started) / 60000).toFixed(1)
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
// RESULTS.md aside: a run on a second Node finds the first run's section in it, uncommitted.
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench', ':!bench/RESULTS.md'], { encoding: 'utf8' }).trim() !== ''

const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
const scenarioNames = { post: 'POST, JSON body, HS256 bearer, zod body schema', get: 'GET with a query schema', notAllowed: 'DELETE on a GET/POST route (405)' }

const inProcessTables = Object.entries(inProcess).map(([scenario, { iterations, ...byName }]) =>
  [`#### ${scenarioNames[scenario]} (${iterations} requests per measurement)`, '', table(['contender', 'µs per request, median (IQR)', 'time vs hand-written, median (IQR)'], Object.entries(byName).map(([name, r]) => [name, formatRange(r.figure, 1), formatRange(r.ratio, 3)]))].join('\n'),
)
const loadTable = (byName) => table(['contender', 'requests/s, median (IQR)', 'throughput vs baseline, median (IQR)'], Object.entries(byName).map(([name, r]) => [name, formatRange(r.figure, 0), formatRange(r.ratio, 3)]))
const nodeBaseline = cost.importTimes['node -e 0'].median

// Targets from the benchmark issue, checked against this run's medians.
const kit = (scenario) => inProcess[scenario].routekit
const meanOf = (runs) => runs.reduce((a, b) => a + b, 0) / runs.length
/** routekit's instructions over hand-written's: the means of the runs, and each run's own ratio. */
const instructionRatio = (byName) => ({
  ratio: meanOf(byName.routekit) / meanOf(byName['hand-written']),
  runs: byName.routekit.map((value, i) => value / byName['hand-written'][i]),
})
const formatInstructionRatio = ({ ratio, runs }) => `×${ratio.toFixed(3)} instructions (runs ${runs.map((r) => r.toFixed(3)).join(', ')})`
const counted = instructions !== undefined
const issue23 = []
if (counted) {
  const get = instructionRatio(instructions.get)
  const getStream = instructionRatio(instructionsStream.get)
  const post = instructionRatio(instructionsStream.post)
  const notAllowed = instructionRatio(instructionsStream.notAllowed)
  issue23.push(
    ['GET + query schema: at most 1.10× hand-written, instructions, the body read as a stream (as the App Router reads it)', formatInstructionRatio(getStream), getStream.ratio <= 1.1],
    ['the same, the body read with arrayBuffer()', formatInstructionRatio(get), get.ratio <= 1.1],
  )
  issue23.push(['GET + query schema: at most 1.10× hand-written, time', `×${kit('get').ratio.median.toFixed(3)}`, kit('get').ratio.median <= 1.1])
  issue23.push(
    ['POST + token + body: at most 1.05× hand-written, instructions, read as a stream', formatInstructionRatio(post), post.ratio <= 1.05],
    ['POST + token + body: at most 1.05× hand-written, time', `×${kit('post').ratio.median.toFixed(3)}`, kit('post').ratio.median <= 1.05],
    ['wrong method: at most 1.00× hand-written, instructions, read as a stream', formatInstructionRatio(notAllowed), notAllowed.ratio <= 1.0],
    ['wrong method: at most 1.00× hand-written, time', `×${kit('notAllowed').ratio.median.toFixed(3)}`, kit('notAllowed').ratio.median <= 1.0],
  )
  const nodeMean = (name) => mean(settled(nodeInstructions[name]))
  const nodeRatio = nodeMean('next-connect') / nodeMean('routekit')
  issue23.push(['Pages adapter on node:http: at least 0.95× next-connect, instructions (next-connect\'s / routekit\'s)', `×${nodeRatio.toFixed(3)} (${Math.round(nodeMean('routekit')).toLocaleString('en')} against ${Math.round(nodeMean('next-connect')).toLocaleString('en')})`, nodeRatio >= 0.95])
} else {
  issue23.push(['GET + query schema: at most 1.10× hand-written, time', `×${kit('get').ratio.median.toFixed(3)}`, kit('get').ratio.median <= 1.1])
  issue23.push(['POST + token + body: at most 1.05× hand-written, time', `×${kit('post').ratio.median.toFixed(3)}`, kit('post').ratio.median <= 1.05])
  issue23.push(['wrong method: at most 1.00× hand-written, time', `×${kit('notAllowed').ratio.median.toFixed(3)}`, kit('notAllowed').ratio.median <= 1.0])
}
const nodeVsNextConnect = nodePath.routekit.figure.median / nodePath['next-connect'].figure.median
issue23.push(['Pages adapter on node:http: at least 0.95× next-connect, throughput', `×${nodeVsNextConnect.toFixed(3)} (${Math.round(nodePath.routekit.figure.median)} vs ${Math.round(nodePath['next-connect'].figure.median)} req/s)`, nodeVsNextConnect >= 0.95])
for (const [router, r] of Object.entries(nextPath)) {
  issue23.push([`next start, ${router}: at least 0.98× a raw route`, `×${r.routekit.ratio.median.toFixed(3)} throughput`, r.routekit.ratio.median >= 0.98])
}
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
const count = (value) => Math.round(value).toLocaleString('en')
const instructionTables = !counted
  ? 'Not counted in this run (`BENCH_INSTRUCTIONS=0`).'
  : [
      `Each contender answers the in-process requests in a child process under callgrind (\`valgrind --tool=callgrind --callgrind-out-file=/dev/null\`): ${counts.warmup} warm-up requests then ${counts.n}, minus the same warm-up then none, divided by ${counts.n}; all threads, user space; ${counts.repeats} runs each (\`node bench/instructions.mjs\`). The first row reads bodies with \`arrayBuffer()\`, the others as a stream.`,
      '',
      table(
        ['scenario', 'hand-written, by run', 'routekit, by run', 'routekit / hand-written'],
        [
          ...Object.entries(instructions).map(([scenario, byName]) => [scenarioNames[scenario], byName['hand-written'].map(count).join(', '), byName.routekit.map(count).join(', '), formatInstructionRatio(instructionRatio(byName)).replace(' instructions', '')]),
          ...Object.entries(instructionsStream).map(([scenario, byName]) => [`${scenarioNames[scenario]}, body read as a stream`, byName['hand-written'].map(count).join(', '), byName.routekit.map(count).join(', '), formatInstructionRatio(instructionRatio(byName)).replace(' instructions', '')]),
        ],
      ),
      '',
      `The Node path's servers under callgrind (\`node bench/node-path-instructions.mjs\`): the POST sent one at a time on one kept-alive connection, ${counts.nodeWarmup} uncounted, then ${counts.nodeWindows} windows of ${counts.nodeRequests}; the first window (still settling) left out of the mean.`,
      '',
      table(
        ['contender', 'instructions per request, by window', 'mean of windows 2 on', 'hand-written / contender'],
        Object.entries(nodeInstructions).map(([name, windows]) => [name, windows.map(count).join(', '), count(mean(settled(windows))), (mean(settled(nodeInstructions['hand-written'])) / mean(settled(windows))).toFixed(3)]),
      ),
    ].join('\n')

const major = process.versions.node.split('.')[0]
const section = `<!-- bench:node${major} -->
## Node ${major} (${process.version})

Every figure in this section comes from Node ${process.version}: written by \`npm run bench\` (${minutes} min) at commit
${commit}${dirty ? ' (with uncommitted changes)' : ''} on ${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim()}, at ${new Date().toISOString()}.

### Targets

Issue 23 (the GET path and the Pages Router path at hand-written cost):

${table(['target', 'this run', 'met'], issue23.map(([name, value, met]) => [name, value, met ? 'yes' : '**no**']))}

The first benchmark issue's targets:

${table(['target', 'this run', 'met'], targets.map(([name, value, met]) => [name, value, met ? 'yes' : '**no**']))}

### Instructions per request

${instructionTables}

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
