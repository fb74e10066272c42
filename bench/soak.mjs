// Soak: the example app under `next start`, 50 connections for 60 s with a
// bounded mix of valid and invalid requests. Reports requests served,
// answers by status, unexpected answers (must be 0) and the server's memory
// over time, into bench/SOAK.md. Not part of `npm test`: `npm run soak`.
import { readFileSync, writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { appToken, buildAll, startApp } from '../scripts/next-app.mjs'

const duration = Number(process.env.SOAK_SECONDS ?? 60)
const connections = 50

buildAll({ quiet: true })
const token = await appToken({ scope: 'notes:read notes:write' }, { subject: 'soak' })
const app = await startApp()
const json = { 'content-type': 'application/json' }
const bearer = { ...json, authorization: `Bearer ${token}` }
const login = await fetch(`${app.url}/api/session/login`, { method: 'POST', headers: json, body: '{"username":"ada","password":"lovelace"}' })
const cookie = login.headers.getSetCookie()[0].split(';')[0]

/** The mix, each with the one status it must get. Create and delete come in pairs so the store stays bounded. */
const mix = [
  { name: 'list notes', method: 'GET', path: '/api/notes?limit=5', expect: 200 },
  { name: 'bad query', method: 'GET', path: '/api/notes?limit=abc', expect: 400 },
  { name: 'method not allowed', method: 'DELETE', path: '/api/notes', expect: 405 },
  { name: 'create without token', method: 'POST', path: '/api/notes', headers: json, body: '{"text":"x"}', expect: 401 },
  { name: 'malformed JSON', method: 'POST', path: '/api/notes', headers: bearer, body: '{"text":', expect: 400 },
  { name: 'wrong media type', method: 'POST', path: '/api/import', headers: { ...bearer, 'content-type': 'text/plain' }, body: 'x', expect: 415 },
  { name: 'create note', method: 'POST', path: '/api/notes', headers: bearer, body: '{"text":"soak","tags":["soak"]}', expect: 201, keepId: true },
  { name: 'delete that note', method: 'DELETE', path: '/api/notes/ID', headers: bearer, expect: 204, usesId: true },
  { name: 'edge route', method: 'GET', path: '/api/edge?name=soak', expect: 200 },
  { name: 'pages note', method: 'GET', path: '/api/legacy/notes/1', expect: 200 },
  { name: 'session read', method: 'GET', path: '/api/session/me', headers: { cookie }, expect: 200 },
  { name: 'no session', method: 'GET', path: '/api/session/me', expect: 401 },
  { name: 'cross-site edit', method: 'PUT', path: '/api/legacy/notes/1', headers: { ...json, cookie, origin: 'https://evil.example' }, body: '{"text":"x"}', expect: 403 },
]
const unexpected = new Map()
const requests = mix.map((entry) => ({
  method: entry.method,
  path: entry.path,
  headers: entry.headers,
  body: entry.body,
  ...(entry.usesId && { setupRequest: (request, context) => ({ ...request, path: `/api/notes/${context.noteId}` }) }),
  onResponse: (status, body, context) => {
    if (entry.keepId && status === 201) context.noteId = JSON.parse(body).id
    if (status !== entry.expect) {
      const key = `${entry.name}: expected ${entry.expect}, got ${status}`
      unexpected.set(key, (unexpected.get(key) ?? 0) + 1)
    }
  },
}))

/** Resident memory of the server process, in MiB (Linux). */
function rssMiB() {
  const line = readFileSync(`/proc/${app.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
  return Math.round(Number(line.match(/\d+/)[0]) / 1024)
}

const samples = [{ second: 0, rss: rssMiB() }]
const started = Date.now()
const sampler = setInterval(() => samples.push({ second: Math.round((Date.now() - started) / 1000), rss: rssMiB() }), 5000)
let result
try {
  result = await autocannon({ url: app.url, connections, duration, requests })
} finally {
  clearInterval(sampler)
  samples.push({ second: Math.round((Date.now() - started) / 1000), rss: rssMiB() })
  await app.stop()
}

const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => `| ${status} | ${count} |`)
const unexpectedCount = [...unexpected.values()].reduce((a, b) => a + b, 0)
const half = samples.filter((s) => s.second >= duration / 2)
const report = `# Soak result

\`npm run soak\`: the example app under \`next start\` on this machine (${process.platform}, Node ${process.version}),
${connections} connections for ${duration} s, cycling through ${mix.length} request types (valid and invalid;
each has exactly one expected status). Run at ${new Date().toISOString()}.

| figure | value |
|---|---|
| requests served | ${result.requests.total} |
| requests per second (mean) | ${Math.round(result.requests.average)} |
| latency p50 / p99 (ms) | ${result.latency.p50} / ${result.latency.p99} |
| transport errors / timeouts | ${result.errors} / ${result.timeouts} |
| unexpected statuses | **${unexpectedCount}** |
| server memory start / end (MiB RSS) | ${samples[0].rss} / ${samples.at(-1).rss} |
| memory range in the second half (MiB) | ${Math.min(...half.map((s) => s.rss))} to ${Math.max(...half.map((s) => s.rss))} |

Answers by status:

| status | count |
|---|---|
${statuses.join('\n')}

${unexpectedCount === 0 ? 'Every answer had the status its request type expects.' : `Unexpected answers:\n\n${[...unexpected].map(([k, v]) => `- ${k}: ${v}`).join('\n')}`}

Server memory (RSS, MiB) every 5 s: ${samples.map((s) => `${s.second}s ${s.rss}`).join(', ')}.

The request types: ${mix.map((m) => `${m.name} (${m.method} ${m.path}: ${m.expect})`).join('; ')}.
`
writeFileSync(new URL('./SOAK.md', import.meta.url), report)
console.log(report)
process.exit(unexpectedCount === 0 && result.errors === 0 ? 0 : 1)
