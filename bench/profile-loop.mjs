// A loop for profilers: one contender answering one scenario N times after a warm-up.
//   node --cpu-prof bench/profile-loop.mjs get routekit 100000
import { expected, scenarios } from './contenders/workload.mjs'
import { webContenders } from './contenders/web.mjs'
const [scenario = 'get', name = 'routekit', n = '50000', warmup = '5000'] = process.argv.slice(2)
const fn = webContenders[name]
const make = scenarios[scenario]
async function run(count) {
  for (let i = 0; i < count; i++) {
    const response = await fn(make())
    if (response.status !== expected[scenario]) throw new Error(`answered ${response.status}`)
    if (process.env.READ === 'stream') for await (const chunk of response.body ?? []);
    else await response.arrayBuffer()
  }
}
await run(Number(warmup))
const t = process.hrtime.bigint()
await run(Number(n))
console.log(name, scenario, (Number(process.hrtime.bigint() - t) / 1000 / Number(n)).toFixed(2), 'µs per request')
