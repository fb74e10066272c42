// In-process, Web path, counted instead of timed: each contender answers
// the same requests as bench/inprocess.mjs, in a child process run under
// valgrind's callgrind, and the figure is the instructions per request:
// (a run of warm-up + N requests) minus (the same warm-up + 0 requests),
// divided by N. Start-up, module loading and the warm-up cancel out; what is
// left is what N requests cost once the JIT has settled, all threads (GC
// helpers included), user space only. An instruction count does not move
// with whatever else runs on this shared machine the way time does; it
// still moves a little with where a GC lands, so every count is taken
// twice (REPEATS) and both are reported.
//
//   node bench/instructions.mjs                       this Node
//   BENCH_NODE=24.22.3 node bench/instructions.mjs
//   N=12000 WARMUP=3000 REPEATS=2 SCENARIOS=get,post,notAllowed CONTENDERS=hand-written,routekit
//   READ=stream                                       read each body as a stream (as the App Router does), not arrayBuffer()
// Needs valgrind (apt-get install valgrind) and a built routekit (npm run build).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { countingFlags } from './lib/gc-flags.mjs'

const self = fileURLToPath(import.meta.url)

if (process.argv[2] === '--child') {
  // The child: warm-up, then N requests, nothing else.
  const [, , , scenario, name, n, warmup] = process.argv
  const { scenarios, expected } = await import('./contenders/workload.mjs')
  // The floor and routekit load alone: Hono and next-connect only cost start-up time here.
  const { coreContenders } = await import('./contenders/web-core.mjs')
  const fn = coreContenders[name] ?? (await import('./contenders/web.mjs')).webContenders[name]
  const makeRequest = scenarios[scenario]
  const read = process.env.READ
  const run = async (count) => {
    for (let i = 0; i < count; i++) {
      const response = await fn(makeRequest())
      if (response.status !== expected[scenario]) throw new Error(`${name} answered ${scenario} with ${response.status}`)
      // READ=stream reads the body as Next's App Router does, through its stream.
      if (read === 'stream') for await (const chunk of response.body ?? []);
      else await response.arrayBuffer()
    }
  }
  await run(Number(warmup))
  await run(Number(n))
  process.exit(0)
}

const main = import.meta.url === `file://${process.argv[1]}`
if (main) {
  const { runOnBenchNode } = await import('./lib/bench-node.mjs')
  await runOnBenchNode(import.meta.url)
}

/** Instructions callgrind counted for one child run (the whole process). */
function collected(scenario, name, n, warmup, read) {
  return new Promise((resolve, reject) => {
    execFile(
      'valgrind',
      ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...countingFlags, self, '--child', scenario, name, String(n), String(warmup)],
      { maxBuffer: 1 << 24, env: { ...process.env, READ: read ?? '' } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${scenario} ${name}: ${error.message}\n${stderr.slice(-2000)}`))
        const match = stderr.match(/Collected : (\d+)/)
        if (!match) return reject(new Error(`${scenario} ${name}: no count in\n${stderr.slice(-2000)}`))
        resolve(Number(match[1]))
      },
    )
  })
}

/**
 * Instructions per request for each scenario and contender, `repeats` times
 * each. The N run and its 0 run are taken one after the other, two
 * contenders' runs side by side at most (the machine has two cores).
 */
export async function countInProcess({
  scenarios = ['get', 'post', 'notAllowed'],
  contenders = ['hand-written', 'routekit'],
  n = 12000,
  warmup = 3000,
  repeats = 2,
  read,
  log = () => {},
} = {}) {
  const results = {}
  for (const scenario of scenarios) {
    results[scenario] = {}
    for (const name of contenders) results[scenario][name] = []
    for (let r = 0; r < repeats; r++) {
      await Promise.all(
        contenders.map(async (name) => {
          const full = await collected(scenario, name, n, warmup, read)
          const empty = await collected(scenario, name, 0, warmup, read)
          const perRequest = (full - empty) / n
          results[scenario][name].push(perRequest)
          log(`${scenario} ${name} run ${r + 1}: ${Math.round(perRequest).toLocaleString('en')} instructions per request`)
        }),
      )
    }
  }
  return results
}

if (main) {
  const list = (value, fallback) => (value ? value.split(',') : fallback)
  const results = await countInProcess({
    scenarios: list(process.env.SCENARIOS, undefined),
    contenders: list(process.env.CONTENDERS, undefined),
    n: Number(process.env.N ?? 12000),
    warmup: Number(process.env.WARMUP ?? 3000),
    repeats: Number(process.env.REPEATS ?? 2),
    read: process.env.READ,
    log: console.log,
  })
  console.log(`\nNode ${process.version}: instructions per request, each run; ratio to hand-written run by run`)
  for (const [scenario, byName] of Object.entries(results)) {
    const base = byName['hand-written']
    for (const [name, runs] of Object.entries(byName)) {
      const ratios = base ? runs.map((v, i) => (v / base[i]).toFixed(3)).join(', ') : ''
      console.log(scenario.padEnd(11), name.padEnd(14), runs.map((v) => Math.round(v).toLocaleString('en')).join(', ').padStart(22), ratios && `x ${ratios}`)
    }
  }
}
