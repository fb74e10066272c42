import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { ipKey, rateLimit, type RateLimitOptions, redisRateLimitStore } from '../../src/rate-limit/index.js'
import { routers, send } from '../routers.js'
import { type ClusterConnection, clusterClientNames, clusterClients } from './redis-cluster-clients.js'
import { RedisCluster } from './redis-cluster.js'
import { ask, serverBinaries, skipReason } from './redis-server.js'

// A limit on Redis Cluster is only a limit if every call of the script
// reaches the master that holds its key: the script touches KEYS[1] alone,
// so it is always a single-slot call, but the client has to route it there.
// node-redis 4's cluster did not (MOVED errors, 11 of 30 let through where
// the limit was 10); these tests hold every cluster client to the limit.

const open: ClusterConnection[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()))
})

/** Twelve clients: their keys fall on all three masters (checked below, not assumed). */
const addresses = Array.from({ length: 12 }, (_, i) => `198.51.100.${i + 1}`)
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } })

/** The keys of one policy that a node holds (KEYS is fine on a test cluster). */
async function keysOn(port: number, name: string): Promise<number> {
  return Number(/^\*(\d+)/.exec(await ask(port, `KEYS routekit:rate-limit:${name}:*`))?.[1] ?? 0)
}

/** How often a node ran a command, from INFO commandstats (fresh after a restart). */
async function calls(port: number, command: string): Promise<number> {
  return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(await ask(port, 'INFO commandstats'))?.[1] ?? 0)
}

// Names fixed per client and test, so the keys (and the masters they land on) are the same on every run.
const policyName = (clientName: string, test: string) => `${clientName.replace(/\W+/g, '-')}-${test}`

function limitedHandler(connection: ClusterConnection, options: Partial<RateLimitOptions> & { name: string }) {
  return createHandler()
    .use(
      rateLimit({
        key: ipKey({ header: 'x-forwarded-for' }),
        limit: 3,
        window: '1h',
        store: redisRateLimitStore({ client: connection.client }),
        // A store failure is a 503 here, never a request let through uncounted.
        onStoreError: 'closed',
        storeTimeout: 2000,
        ...options,
      }),
    )
    .get(() => ({ ok: true }))
}

/** Four requests from each address: three pass, the fourth is refused. */
async function expectLimitHeld(handler: ReturnType<typeof limitedHandler>) {
  for (const address of addresses) {
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await send(routers[i % 2]!, handler, from(address))).status)
    expect(statuses, address).toEqual([200, 200, 200, 429])
  }
}

describe.each(serverBinaries)('a three-master %s cluster', (binary) => {
  const cluster = new RedisCluster(binary)
  const skip = skipReason(binary)
  beforeAll(async () => {
    if (!skip) await cluster.start()
  }, 20_000)
  afterAll(() => cluster.stop())

  describe.skipIf(skip !== undefined).each(clusterClientNames)(`with %s${skip ? ` (skipped: ${skip})` : ''}`, (clientName) => {
    const nameFor = (test: string) => policyName(clientName, test)

    async function connect(options: { cold?: boolean } = {}): Promise<ClusterConnection> {
      const connection = await clusterClients[clientName](cluster.rootNodes, options)
      open.push(connection)
      return connection
    }

    it('holds the limit for clients whose keys live on each of the three masters', async () => {
      const name = nameFor('spread')
      await expectLimitHeld(limitedHandler(await connect(), { name }))
      const perMaster = await Promise.all(cluster.nodes.map((node) => keysOn(node.port, name)))
      expect(perMaster.every((count) => count > 0), `keys per master: ${perMaster}`).toBe(true)
      expect(perMaster.reduce((sum, count) => sum + count)).toBe(addresses.length)
    })

    it('never lets 30 concurrent requests from three instances past a limit of 10', async () => {
      const name = nameFor('concurrent')
      const handlers = await Promise.all([1, 2, 3].map(async () => limitedHandler(await connect(), { name, limit: 10 })))
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => send(routers[i % 2]!, handlers[i % 3]!, from(addresses[0]!))))
      const statuses = answers.map((answer) => answer.status)
      expect(statuses.filter((status) => status === 200)).toHaveLength(10)
      expect(statuses.filter((status) => status === 429)).toHaveLength(20)
    })

    it('counts the first request of a client that has not found the cluster yet', async () => {
      const handler = limitedHandler(await connect({ cold: true }), { name: nameFor('cold') })
      const first = await send('app', handler, from(addresses[0]!))
      expect(first.status).toBe(200)
      expect(first.headers.get('ratelimit')).toMatch(/;r=2;/)
      expect((await send('pages', handler, from(addresses[0]!))).headers.get('ratelimit')).toMatch(/;r=1;/)
    })
  })

  // One restart for all clients: a restarted master refuses writes for its
  // first two seconds (Redis's CLUSTER_WRITABLE_DELAY), too long to pay per client.
  describe.skipIf(skip !== undefined)(`after a master restart${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const handlers = new Map<string, ReturnType<typeof limitedHandler>>()
    beforeAll(async () => {
      for (const clientName of clusterClientNames) {
        const connection = await clusterClients[clientName](cluster.rootNodes)
        restartOpen.push(connection)
        handlers.set(clientName, limitedHandler(connection, { name: policyName(clientName, 'restart') }))
      }
      // Connected before: each client has to find the new process on its own.
      await cluster.restart(0)
    }, 20_000)
    const restartOpen: ClusterConnection[] = []
    afterAll(() => Promise.all(restartOpen.map((connection) => connection.close())))

    it.each(clusterClientNames)('%s reconnects, reloads the script (NOSCRIPT) and keeps counting', async (clientName) => {
      const restarted = cluster.nodes[0]!.port
      // The script cache of a fresh process, for each client in turn (the first saw the restart's own).
      await ask(restarted, 'SCRIPT FLUSH')
      await ask(restarted, 'CONFIG RESETSTAT')
      await expectLimitHeld(handlers.get(clientName)!)
      // Every request there was one EVALSHA; only the first found no script
      // and was followed by an EVAL, which cached it for all the others.
      const keys = await keysOn(restarted, policyName(clientName, 'restart'))
      expect(keys).toBeGreaterThan(0)
      expect([await calls(restarted, 'evalsha'), await calls(restarted, 'eval')]).toEqual([4 * keys, 1])
    })
  })
})
