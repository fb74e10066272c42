// Node path, counted instead of timed: each contender's node:http server
// (bench/node-server.mjs) runs under valgrind's callgrind, and the figure is
// the instructions the server process executes per request (all its threads,
// user space only), over requests sent one at a time after a warm-up that is
// not counted. Requests per second on this shared 2-core machine move with
// whatever else runs on it; an instruction count does not. It still moves
// from window to window (by 10 to 20%: when a major GC or a re-optimisation
// lands), so the figure is over several windows, the first one left out
// (it is always the highest, still settling), with the range of the others.
// The servers run with a fixed GC schedule (bench/lib/gc-flags.mjs), which
// makes the windows repeat within 0.3% from run to run.
// It leaves out what instructions do not show: kernel time (sockets), cache
// misses, and the load generator sharing the cores.
//
//   node bench/node-path-instructions.mjs             this Node
//   BENCH_NODE=24.22.3 node bench/node-path-instructions.mjs
//   WARMUP=10000 WINDOWS=6 REQUESTS=2000 ...          (the defaults)
// Needs valgrind (apt-get install valgrind) and a built routekit (npm run build).
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { body, token } from './contenders/workload.mjs'
import { runOnBenchNode } from './lib/bench-node.mjs'
import { countingFlags } from './lib/gc-flags.mjs'

const main = import.meta.url === `file://${process.argv[1]}`
if (main) await runOnBenchNode(import.meta.url)

const server = fileURLToPath(new URL('./node-server.mjs', import.meta.url))

/**
 * Sends `count` POSTs one after another on one kept-alive connection; every
 * answer must be a 201. The Node path's own request unless told otherwise.
 */
export async function send(port, count, { path = '/items', headers: extra, payload = body } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const headers = extra ?? { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  headers['content-length'] = Buffer.byteLength(payload)
  for (let i = 0; i < count; i++) {
    const status = await new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers, agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode))
      })
      req.on('error', reject)
      req.end(payload)
    })
    if (status !== 201) throw new Error(`${path} answered ${status}, not 201`)
  }
  agent.destroy()
}

/** The instructions callgrind counted since the last dump, read from the dump it writes now. */
export async function dumpTotal(pid, file) {
  execFileSync('callgrind_control', ['--dump', String(pid)], { stdio: 'ignore' })
  for (let i = 0; !existsSync(file) && i < 100; i++) await new Promise((resolve) => setTimeout(resolve, 100))
  // A dump ends with "totals: <instructions>" since the previous dump.
  const match = readFileSync(file, 'utf8').match(/^totals: (\d+)$/m)
  if (!match) throw new Error(`no totals in ${file}`)
  return Number(match[1])
}

async function count(name, { scratch, warmup, requests, windows }) {
  const out = join(scratch, `${name}.out`)
  const child = spawn('valgrind', ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, process.execPath, ...countingFlags, server, name], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let log = ''
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)))
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${name}: the server exited with ${code} before listening:\n${log}`)
  })
  const [line] = await Promise.race([once(child.stdout, 'data'), exited])
  exited.catch(() => {})
  const { port } = JSON.parse(line)
  await send(port, warmup)
  execFileSync('callgrind_control', ['--instr=on', String(child.pid)], { stdio: 'ignore' })
  // Consecutive windows, each dumped (and its counters zeroed) at its end:
  // later windows show whether the JIT and the heap have settled.
  const perRequest = []
  for (let window = 1; window <= windows; window++) {
    await send(port, requests)
    perRequest.push((await dumpTotal(child.pid, `${out}.${window}`)) / requests)
  }
  child.stdin.end()
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`${name}: valgrind exited with ${code}:\n${log}`)
  return perRequest
}

/**
 * Instructions per request of each contender's server, by window (the
 * first window, still settling, included: callers leave it out).
 */
export async function countNodePath({ names = ['hand-written', 'routekit', 'next-connect'], warmup = 10000, requests = 2000, windows = 6, log = () => {} } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'routekit-callgrind-'))
  try {
    const results = {}
    for (const name of names) {
      results[name] = await count(name, { scratch, warmup, requests, windows })
      log(`${name.padEnd(14)} instructions per request, by window: ${results[name].map((n) => Math.round(n).toLocaleString('en')).join(', ')}`)
    }
    return results
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** Windows 2..N: the first one is still settling. */
export const settled = (values) => (values.length > 1 ? values.slice(1) : values)
export const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length

if (main) {
  const warmup = Number(process.env.WARMUP ?? 10000)
  const requests = Number(process.env.REQUESTS ?? 2000)
  const windows = Number(process.env.WINDOWS ?? 6)
  const names = (process.env.CONTENDERS ?? 'hand-written,routekit,next-connect').split(',')
  const results = await countNodePath({ names, warmup, requests, windows, log: console.log })
  const base = results['hand-written']
  if (base) {
    console.log(`\nNode ${process.version}: ${warmup} warm-up requests, then ${windows} windows of ${requests} (the first left out).`)
    console.log('hand-written instructions / contender instructions (higher is better): over the windows, and the range by window')
    for (const name of names) {
      const ratios = settled(results[name]).map((n, i) => settled(base)[i] / n)
      console.log(
        `${name.padEnd(14)} x${(mean(settled(base)) / mean(settled(results[name]))).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}),` +
          ` ${Math.round(mean(settled(results[name]))).toLocaleString('en')} instructions per request`,
      )
    }
  }
}
