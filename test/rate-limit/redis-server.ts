import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createServer, connect } from 'node:net'

/** A port nothing listens on at the moment it is returned. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Sends one inline command and resolves with the first reply chunk ('' when nothing answers). */
export function ask(port: number, command: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write(`${command}\r\n`))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString())
    })
    socket.once('error', () => resolve(''))
  })
}

/** The servers the Redis store is tested on: Redis itself and Valkey, its Linux Foundation fork. */
export const serverBinaries = ['redis-server', 'valkey-server'] as const
export type ServerBinary = (typeof serverBinaries)[number]

/** Whether a server binary is on the PATH. */
export function isInstalled(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Why a server's tests are skipped here, or undefined when they run. Only
 * a missing binary skips, and never in CI, where `.ci/run` installs both
 * servers: a CI run that quietly skipped Valkey would claim it was tested.
 */
export function skipReason(binary: ServerBinary): string | undefined {
  if (isInstalled(binary) || process.env.CI) return undefined
  return `${binary} is not installed (Debian: apt-get install ${binary}; bookworm has it in bookworm-backports)`
}

/**
 * A real redis-server (or valkey-server) on 127.0.0.1 and a free port,
 * without persistence, stopped by its PID. Tests fail (they do not skip)
 * when the binary is missing in CI: `.ci/run` installs it.
 */
export class RedisServer {
  #process: ChildProcess | undefined
  port = 0

  /** `args` are extra configuration, as `--name value` pairs (a cluster node's, say). */
  constructor(
    readonly binary: ServerBinary = 'redis-server',
    readonly args: string[] = [],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  /** Starts on a free port (or the one given), or again on the port it had (a restart). */
  async start(options: { samePort?: boolean; port?: number } = {}): Promise<this> {
    if (options.port !== undefined) this.port = options.port
    else if (!options.samePort) this.port = await freePort()
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.args]
    const child = spawn(this.binary, args, { stdio: 'ignore' })
    this.#process = child
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(new Error(`${this.binary} did not start (is it installed?): ${error.message}`)))
      child.once('exit', (code) => reject(new Error(`${this.binary} exited with code ${code}`)))
    })
    failed.catch(() => {})
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await Promise.race([ask(this.port, 'PING'), failed])).startsWith('+PONG')) return this
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await this.stop()
    throw new Error(`${this.binary} did not answer within 5 s`)
  }

  /** Stops this server (by its PID) and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.#process
    this.#process = undefined
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(child.pid, 'SIGKILL')
    await exited
  }
}
