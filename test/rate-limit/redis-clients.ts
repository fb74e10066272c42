import { createServer } from 'node:http'
import { Redis as UpstashRedis } from '@upstash/redis'
import { Redis } from 'ioredis'
import { Redis as RedisV6 } from 'ioredis-v6'
import { createClient } from 'redis'
import { createClient as createClientV4 } from 'redis-v4'
import { createClient as createClientV6 } from 'redis-v6'
import type { RedisClient } from '../../src/rate-limit/index.js'

/** A real client connection, as a user would have it, and how to close it. */
export interface Connection {
  client: RedisClient
  /** Sends one raw command (for inspecting the server in tests). */
  command(...args: string[]): Promise<unknown>
  close(): Promise<void>
}

export interface ClientOptions {
  /** Don't wait for the connection (the server may be down); commands queue meanwhile. */
  lazy?: boolean
}

const ignore = () => {}

async function nodeRedis(create: typeof createClient, url: string, options: ClientOptions): Promise<Connection> {
  // Retry quickly, as a production client would, so a restarted server is found again.
  const client = create({ url, socket: { reconnectStrategy: () => 50 } })
  client.on('error', ignore) // node-redis throws from an unhandled 'error' event
  const connecting = client.connect()
  if (options.lazy) connecting.catch(ignore)
  else await connecting
  return {
    client,
    command: (...args) => client.sendCommand(args),
    close: async () => {
      // v5 and v6 call it destroy(); v4 disconnect(). Both close at once, queued commands rejected.
      const closable = client as unknown as { destroy?: () => void; disconnect?: () => Promise<void> }
      if (closable.destroy) closable.destroy()
      else await closable.disconnect?.().catch(ignore)
    },
  }
}

async function ioredis(Client: typeof Redis, url: string, options: ClientOptions): Promise<Connection> {
  const client = new Client(url, { lazyConnect: true, retryStrategy: () => 50 })
  client.on('error', ignore)
  const connecting = client.connect()
  if (options.lazy) connecting.catch(ignore)
  else await connecting
  return {
    client,
    command: (name, ...args) => client.call(name!, ...args),
    close: async () => void client.disconnect(),
  }
}

/** The clients routekit's Redis store is tested with, each against a real server. */
export const clients = {
  'node-redis 4': (url: string, options: ClientOptions = {}) => nodeRedis(createClientV4 as unknown as typeof createClient, url, options),
  'node-redis 5': (url: string, options: ClientOptions = {}) => nodeRedis(createClient, url, options),
  'node-redis 6': (url: string, options: ClientOptions = {}) => nodeRedis(createClientV6 as unknown as typeof createClient, url, options),
  'ioredis 5': (url: string, options: ClientOptions = {}) => ioredis(Redis, url, options),
  'ioredis 6': (url: string, options: ClientOptions = {}) => ioredis(RedisV6 as unknown as typeof Redis, url, options),
  // @upstash/redis speaks HTTP; this minimal stand-in for Upstash's REST
  // service (POST a command as a JSON array, get `{ result }` or `{ error }`)
  // passes its commands to the real server.
  '@upstash/redis': async (url: string, options: ClientOptions = {}): Promise<Connection> => {
    const backend = await clients['ioredis 5'](url, options)
    const run = async (command: unknown[]) => {
      try {
        return { result: await backend.command(...command.map(String)) }
      } catch (error) {
        return { error: (error as Error).message }
      }
    }
    const shim = createServer(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      const parsed = JSON.parse(body) as unknown[]
      // The client batches concurrent commands (auto-pipelining) into POST /pipeline.
      if (req.url === '/pipeline') return res.end(JSON.stringify(await Promise.all((parsed as unknown[][]).map(run))))
      const answer = await run(parsed)
      res.writeHead(answer.error === undefined ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    })
    await new Promise<void>((resolve) => shim.listen(0, '127.0.0.1', resolve))
    const { port } = shim.address() as { port: number }
    const client = new UpstashRedis({ url: `http://127.0.0.1:${port}`, token: 'test', retry: false, responseEncoding: false })
    return {
      client,
      command: backend.command,
      close: async () => {
        shim.closeAllConnections()
        await new Promise((resolve) => shim.close(resolve))
        await backend.close()
      },
    }
  },
} satisfies Record<string, (url: string, options?: ClientOptions) => Promise<Connection>>

export const clientNames = Object.keys(clients) as (keyof typeof clients)[]
