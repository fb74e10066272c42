// Inside Next.js, counted instead of timed: the benchmark app under
// `next start` (one process) runs under valgrind's callgrind, and the raw
// route and the routekit route of each router are sent to that same server
// in turn, window after window, each window's instructions read from a
// callgrind dump. Both contenders of a router share one process, one JIT
// and one heap, so the comparison is side by side in the strictest sense;
// the server runs with the fixed GC schedule of the other counts
// (bench/lib/gc-flags.mjs). Per request, all threads, user space only; the
// first window, still settling, is left out. Not yet a figure of record:
// in its first runs (2026-12-01) windows of 500 requests swung by up to 2x
// (Next's own background work under valgrind's slow clock); longer windows
// are the next thing to try (bench/ANALYSIS.md). Keep-alive is long: under
// valgrind a dump can outlast Next's 5 s, which then resets the connection.
//
//   node bench/next-path-instructions.mjs                 this Node
//   BENCH_NODE=24.22.3 node bench/next-path-instructions.mjs
//   WARMUP=1000 WINDOWS=4 REQUESTS=500                      (the defaults)
// Needs valgrind and a built benchmark app (bench/run.mjs builds it).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appToken, benchAppDir, freePort } from '../scripts/next-app.mjs'
import { runOnBenchNode } from './lib/bench-node.mjs'
import { countingFlags } from './lib/gc-flags.mjs'
import { routes } from './next-path.mjs'
import { dumpTotal, mean, send, settled } from './node-path-instructions.mjs'

const main = import.meta.url === `file://${process.argv[1]}`
if (main) await runOnBenchNode(import.meta.url)

const nextBin = createRequire(join(benchAppDir, 'package.json')).resolve('next/dist/bin/next')

/** Waits until the server answers at all; under valgrind its start takes a minute or more. */
async function ready(url, child, log, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log()}`)
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within ${timeoutMs} ms:\n${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/**
 * Instructions per request of each router's raw and routekit route, by
 * window (the first window included: callers leave it out).
 */
export async function countNextPath({ warmup = 1000, requests = 500, windows = 4, log = () => {} } = {}) {
  const token = await appToken({}, { subject: 'bench' })
  const request = {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'pen', qty: 3, tags: ['office', 'blue'] }),
  }
  const scratch = mkdtempSync(join(tmpdir(), 'routekit-callgrind-next-'))
  const out = join(scratch, 'next.out')
  const port = await freePort()
  const args = ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, process.execPath, ...countingFlags, nextBin, 'start', '-H', '127.0.0.1', '-p', String(port), '--keepAliveTimeout', '600000']
  const child = spawn('valgrind', args, { cwd: benchAppDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk) => (output = (output + chunk).slice(-8000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = once(child, 'exit')
  try {
    await ready(`http://127.0.0.1:${port}${routes['App Router'].routekit}`, child, () => output)
    for (const paths of Object.values(routes)) for (const path of Object.values(paths)) await send(port, warmup, { ...request, path })
    const { execFileSync } = await import('node:child_process')
    execFileSync('callgrind_control', ['--instr=on', String(child.pid)], { stdio: 'ignore' })
    const results = Object.fromEntries(Object.keys(routes).map((router) => [router, { raw: [], routekit: [] }]))
    let dumps = 0
    for (let window = 1; window <= windows; window++) {
      for (const [router, paths] of Object.entries(routes)) {
        // The order alternates, so neither contender always follows the other.
        const names = window % 2 === 1 ? ['raw', 'routekit'] : ['routekit', 'raw']
        for (const name of names) {
          await send(port, requests, { ...request, path: paths[name] })
          results[router][name].push((await dumpTotal(child.pid, `${out}.${++dumps}`)) / requests)
        }
      }
      log(`window ${window}: ${Object.entries(results).map(([router, r]) => `${router} raw ${Math.round(r.raw.at(-1)).toLocaleString('en')}, routekit ${Math.round(r.routekit.at(-1)).toLocaleString('en')}`).join('; ')}`)
    }
    return results
  } finally {
    child.kill('SIGTERM')
    await exited
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (main) {
  const warmup = Number(process.env.WARMUP ?? 1000)
  const requests = Number(process.env.REQUESTS ?? 500)
  const windows = Number(process.env.WINDOWS ?? 4)
  const results = await countNextPath({ warmup, requests, windows, log: console.log })
  console.log(`\nNode ${process.version}: ${warmup} warm-up requests per route, then ${windows} windows of ${requests} per route (the first left out).`)
  for (const [router, { raw, routekit }] of Object.entries(results)) {
    const ratios = settled(raw).map((n, i) => n / settled(routekit)[i])
    console.log(
      `${router.padEnd(13)} raw ${Math.round(mean(settled(raw))).toLocaleString('en')}, routekit ${Math.round(mean(settled(routekit))).toLocaleString('en')} instructions per request:` +
        ` raw / routekit x${(mean(settled(raw)) / mean(settled(routekit))).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)} by window)`,
    )
  }
}
