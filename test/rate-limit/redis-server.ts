import { type ChildProcess, spawn } from 'node:child_process'
import { createServer, connect } from 'node:net'

/** A port nothing listens on at the moment it is returned. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * A real redis-server on 127.0.0.1 and a free port, without persistence,
 * stopped by its PID. Tests fail (they do not skip) when redis-server is
 * not installed: `.ci/run` installs it.
 */
export class RedisServer {
  #process: ChildProcess | undefined
  port = 0

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  /** Starts on a free port, or again on the port it had (a restart). */
  async start(options: { samePort?: boolean } = {}): Promise<this> {
    if (!options.samePort) this.port = await freePort()
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    this.#process = child
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(new Error(`redis-server did not start (is it installed?): ${error.message}`)))
      child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}`)))
    })
    failed.catch(() => {})
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await Promise.race([answers(this.port), failed])) return this
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await this.stop()
    throw new Error('redis-server did not answer within 5 s')
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
