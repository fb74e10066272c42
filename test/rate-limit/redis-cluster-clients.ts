import { Cluster } from 'ioredis'
import { Cluster as ClusterV6 } from 'ioredis-v6'
import { createCluster } from 'redis'
import { createCluster as createClusterV4 } from 'redis-v4'
import { createCluster as createClusterV6 } from 'redis-v6'
import type { RedisClient } from '../../src/rate-limit/index.js'

/** A cluster client as a user would build it, and how to close it. */
export interface ClusterConnection {
  client: RedisClient
  close(): Promise<void>
}

export interface ClusterClientOptions {
  /**
   * The README's cold-start setup: the offline queue off and `connect()`
   * not awaited, so the first request arrives before the client knows the
   * cluster's slots.
   */
  cold?: boolean
}

type Root = { host: string; port: number }
const ignore = () => {}

function nodeRedis(create: typeof createCluster, rootNodes: Root[], { cold = false }: ClusterClientOptions): Promise<ClusterConnection> {
  const client = create({
    rootNodes: rootNodes.map(({ host, port }) => ({ url: `redis://${host}:${port}` })),
    // Each node's connection retries quickly, so a restarted master is found again at once.
    defaults: { disableOfflineQueue: cold, socket: { reconnectStrategy: () => 50 } },
  })
  client.on('error', ignore) // node-redis throws from an unhandled 'error' event
  const connecting = client.connect()
  const connection: ClusterConnection = {
    client,
    close: async () => {
      // v5 and v6 call it destroy(); v4 disconnect().
      const closable = client as unknown as { destroy?: () => void; disconnect?: () => Promise<void> }
      if (closable.destroy) closable.destroy()
      else await closable.disconnect?.().catch(ignore)
    },
  }
  if (cold) {
    connecting.catch(ignore)
    return Promise.resolve(connection)
  }
  return connecting.then(() => connection)
}

async function ioredis(Client: typeof Cluster, rootNodes: Root[], { cold = false }: ClusterClientOptions): Promise<ClusterConnection> {
  const client = new Client(rootNodes, { enableOfflineQueue: !cold, clusterRetryStrategy: () => 50 })
  client.on('error', ignore)
  if (!cold) await new Promise((resolve) => client.once('ready', resolve))
  return { client, close: async () => void client.disconnect() }
}

/** The cluster clients routekit's Redis store is tested with, each against a real three-master cluster. */
export const clusterClients = {
  'node-redis 4': (rootNodes: Root[], options: ClusterClientOptions = {}) => nodeRedis(createClusterV4 as unknown as typeof createCluster, rootNodes, options),
  'node-redis 5': (rootNodes: Root[], options: ClusterClientOptions = {}) => nodeRedis(createCluster, rootNodes, options),
  'node-redis 6': (rootNodes: Root[], options: ClusterClientOptions = {}) => nodeRedis(createClusterV6 as unknown as typeof createCluster, rootNodes, options),
  'ioredis 5': (rootNodes: Root[], options: ClusterClientOptions = {}) => ioredis(Cluster, rootNodes, options),
  'ioredis 6': (rootNodes: Root[], options: ClusterClientOptions = {}) => ioredis(ClusterV6 as unknown as typeof Cluster, rootNodes, options),
} satisfies Record<string, (rootNodes: Root[], options?: ClusterClientOptions) => Promise<ClusterConnection>>

export const clusterClientNames = Object.keys(clusterClients) as (keyof typeof clusterClients)[]
