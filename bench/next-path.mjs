// Inside Next.js: the benchmark app (bench/next-app) under `next start`, a raw
// route against the same route through routekit, on each router, loaded with autocannon.
import { alternate } from './lib/alternate.mjs'
import { load } from './lib/load.mjs'
import { appToken, benchAppDir, startApp } from '../scripts/next-app.mjs'

export const routes = {
  'App Router': { raw: '/api/bench/raw', routekit: '/api/bench/kit' },
  'Pages Router': { raw: '/api/bench-pages/raw', routekit: '/api/bench-pages/kit' },
}

/** Assumes the benchmark app is built (bench/run.mjs builds it). */
export async function runNextPath({ rounds = 3, seconds = 4 } = {}) {
  const token = await appToken({}, { subject: 'bench' })
  const request = {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'pen', qty: 3, tags: ['office', 'blue'] }),
  }
  const app = await startApp({ dir: benchAppDir, readyPath: '/api/bench/kit' })
  try {
    const results = {}
    for (const [router, paths] of Object.entries(routes)) {
      results[router] = await alternate({
        names: ['raw', 'routekit'],
        baseline: 'raw',
        rounds,
        warmup: 1,
        measure: (name) => load({ url: `${app.url}${paths[name]}`, request, expect: 201, seconds }),
      })
    }
    return results
  } finally {
    await app.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runNextPath({ rounds: Number(process.env.ROUNDS ?? 3), seconds: Number(process.env.SECONDS ?? 4) })
  for (const [router, byName] of Object.entries(results)) {
    for (const [name, { figure, ratio }] of Object.entries(byName)) {
      console.log(router.padEnd(13), name.padEnd(9), `${Math.round(figure.median)} req/s`.padStart(12), `x${ratio.median.toFixed(3)} (${ratio.p25.toFixed(3)}–${ratio.p75.toFixed(3)})`)
    }
  }
}
