// In-process, Web path: each contender answers the same fresh Requests; the
// figure is microseconds per request, request construction and reading the
// response included (the same for all).
import { alternate } from './lib/alternate.mjs'
import { expected, scenarios } from './contenders/workload.mjs'
import { webContenders } from './contenders/web.mjs'

async function timeOne(fn, makeRequest, iterations) {
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) {
    const response = await fn(makeRequest())
    await response.arrayBuffer()
  }
  return Number(process.hrtime.bigint() - started) / 1000 / iterations
}

/**
 * Enough iterations that one measurement lasts about `targetMs`: short
 * scenarios (a 405 takes about 12 µs) would otherwise be decided by a single
 * garbage-collection pause.
 */
async function calibrate(fn, makeRequest, targetMs) {
  const perRequest = await timeOne(fn, makeRequest, 200)
  return Math.max(200, Math.round((targetMs * 1000) / perRequest))
}

export async function runInProcess({ rounds = 15, targetMs = 40 } = {}) {
  const names = Object.keys(webContenders)
  const results = {}
  for (const [scenario, makeRequest] of Object.entries(scenarios)) {
    // Every contender must do the work before it is timed.
    for (const name of names) {
      const status = (await webContenders[name](makeRequest())).status
      if (status !== expected[scenario]) throw new Error(`${name} answered ${scenario} with ${status}`)
    }
    const iterations = await calibrate(webContenders['hand-written'], makeRequest, targetMs)
    results[scenario] = await alternate({
      names,
      baseline: 'hand-written',
      rounds,
      warmup: 2,
      measure: (name) => timeOne(webContenders[name], makeRequest, iterations),
    })
    results[scenario].iterations = iterations
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runInProcess({ rounds: Number(process.env.ROUNDS ?? 15) })
  for (const [scenario, { iterations, ...byName }] of Object.entries(results)) {
    for (const [name, { figure, ratio }] of Object.entries(byName)) {
      console.log(scenario.padEnd(11), name.padEnd(14), `${figure.median.toFixed(1)} µs`.padStart(10), `x${ratio.median.toFixed(3)} (${ratio.p25.toFixed(3)}–${ratio.p75.toFixed(3)})`)
    }
  }
}
