// Profiles one Node-path contender's server under load: node --cpu-prof on the server.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { load } from './lib/load.mjs'
import { body, token } from './contenders/workload.mjs'
const [name = 'routekit', seconds = '5', dir = '/tmp/prof/node'] = process.argv.slice(2)
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}-${name}`, new URL('./node-server.mjs', import.meta.url).pathname, name], { stdio: ['pipe', 'pipe', 'inherit'] })
const [line] = await once(child.stdout, 'data')
const url = `http://127.0.0.1:${JSON.parse(line).port}/items`
const request = { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }
await load({ url, request, expect: 201, seconds: 2 })
console.log(name, Math.round(await load({ url, request, expect: 201, seconds: Number(seconds) })), 'req/s')
child.stdin.end()
await once(child, 'exit')
