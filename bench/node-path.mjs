// Node path: a real node:http server per contender, loaded with autocannon;
// the figure is requests per second (higher is better).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { alternate } from './lib/alternate.mjs'
import { load } from './lib/load.mjs'
import { body, token } from './contenders/workload.mjs'
import { nodeContenders } from './contenders/node.mjs'

async function startServer(name) {
  const child = spawn(process.execPath, [new URL('./node-server.mjs', import.meta.url).pathname, name], { stdio: ['pipe', 'pipe', 'inherit'] })
  const [line] = await once(child.stdout, 'data')
  return { url: `http://127.0.0.1:${JSON.parse(line).port}`, stop: () => child.stdin.end() }
}

export async function runNodePath({ rounds = 3, seconds = 4 } = {}) {
  const names = Object.keys(nodeContenders)
  const servers = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await startServer(name)])))
  const request = { method: 'POST', path: '/items', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }
  try {
    return await alternate({
      names,
      baseline: 'hand-written',
      rounds,
      warmup: 1,
      measure: (name) => load({ url: servers[name].url, request, expect: 201, seconds }),
    })
  } finally {
    for (const server of Object.values(servers)) server.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runNodePath({ rounds: Number(process.env.ROUNDS ?? 3), seconds: Number(process.env.SECONDS ?? 4) })
  for (const [name, { figure, ratio }] of Object.entries(results)) {
    console.log(name.padEnd(14), `${Math.round(figure.median)} req/s`.padStart(12), `x${ratio.median.toFixed(3)} (${ratio.p25.toFixed(3)}–${ratio.p75.toFixed(3)})`)
  }
}
