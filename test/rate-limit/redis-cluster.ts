import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ask, freePort, RedisServer, type ServerBinary } from './redis-server.js'

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < count) ports.add(await freePort())
  return [...ports]
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (data) => (output += data))
    child.stderr.on('data', (data) => (output += data))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${output}`))))
  })
}

/**
 * A real three-master Redis (or Valkey) Cluster without replicas, as
 * `redis-cli --cluster create` builds one: each master holds a third of the
 * 16,384 slots, so keys of different clients land on different servers.
 * Its nodes and their `nodes.conf` live in a temporary directory; `stop()`
 * ends each node by its PID and removes the directory.
 */
export class RedisCluster {
  readonly nodes: RedisServer[] = []
  #dir = ''

  constructor(readonly binary: ServerBinary = 'redis-server') {}

  /** Where a client finds the cluster (any one node would do; all three is what production configurations list). */
  get rootNodes(): { host: string; port: number }[] {
    return this.nodes.map((node) => ({ host: '127.0.0.1', port: node.port }))
  }

  async start(): Promise<this> {
    this.#dir = await mkdtemp(join(tmpdir(), 'routekit-cluster-'))
    // The cluster bus gets its own free port (not the default port + 10000, which may be taken or past 65535).
    const ports = await distinctFreePorts(6)
    for (let i = 0; i < 3; i++) {
      const node = new RedisServer(this.binary, [
        '--cluster-enabled', 'yes',
        '--cluster-port', String(ports[i + 3]),
        '--cluster-config-file', join(this.#dir, `nodes-${i}.conf`),
        '--dir', this.#dir,
        // Long enough that a node restarted by a test is never declared failed meanwhile.
        '--cluster-node-timeout', '15000',
      ])
      this.nodes.push(node)
      await node.start({ port: ports[i]! })
    }
    const cli = this.binary === 'valkey-server' ? 'valkey-cli' : 'redis-cli'
    await run(cli, ['--cluster', 'create', ...this.nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', '0', '--cluster-yes'])
    await this.ready()
    return this
  }

  /** Waits until every node sees all slots served (`cluster_state:ok`), 10 s at most. */
  async ready(): Promise<void> {
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      const states = await Promise.all(this.nodes.map((node) => ask(node.port, 'CLUSTER INFO')))
      if (states.every((state) => state.includes('cluster_state:ok'))) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('the cluster did not reach cluster_state:ok within 10 s')
  }

  /** Kills one master and starts it again on its port with its nodes.conf: the same slots, but no data and no scripts. */
  async restart(index: number): Promise<void> {
    const node = this.nodes[index]!
    await node.stop()
    await node.start({ samePort: true })
    await this.ready()
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.splice(0).map((node) => node.stop()))
    if (this.#dir) await rm(this.#dir, { recursive: true, force: true })
  }
}
