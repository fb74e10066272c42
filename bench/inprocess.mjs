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

export async function runInProcess({ rounds = 15, iterations = 400 } = {}) {
  const names = Object.keys(webContenders)
  const results = {}
  for (const [scenario, makeRequest] of Object.entries(scenarios)) {
    // Every contender must do the work before it is timed.
    for (const name of names) {
      const status = (await webContenders[name](makeRequest())).status
      if (status !== expected[scenario]) throw new Error(`${name} answered ${scenario} with ${status}`)
    }
    results[scenario] = await alternate({
      names,
      baseline: 'hand-written',
      rounds,
      warmup: 2,
      measure: (name) => timeOne(webContenders[name], makeRequest, iterations),
    })
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runInProcess({ rounds: Number(process.env.ROUNDS ?? 15) })
  for (const [scenario, byName] of Object.entries(results)) {
    for (const [name, { figure, ratio }] of Object.entries(byName)) {
      console.log(scenario.padEnd(11), name.padEnd(14), `${figure.median.toFixed(1)} µs`.padStart(10), `x${ratio.median.toFixed(3)} (${ratio.p25.toFixed(3)}–${ratio.p75.toFixed(3)})`)
    }
  }
}
