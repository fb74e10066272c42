// Builds and runs the example Next.js app; shared by `npm run demo` and the
// end-to-end tests, so both exercise exactly the same server.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const appDir = fileURLToPath(new URL('../examples/next-app/', import.meta.url))
/** The benchmark app (bench/next-path.mjs): raw routes beside routekit ones, kept out of the example. */
export const benchAppDir = fileURLToPath(new URL('../bench/next-app/', import.meta.url))
const nextBin = createRequire(appDir + 'package.json').resolve('next/dist/bin/next')
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

/** Builds routekit (the apps import it by name, from dist) and then each app (the example unless told). */
export function buildAll({ quiet = false, apps = [appDir] } = {}) {
  const stdio = quiet ? 'pipe' : 'inherit'
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio, env })
  for (const dir of apps) execFileSync(process.execPath, [nextBin, 'build'], { cwd: dir, stdio, env })
}

/**
 * A bearer token the example app accepts: signed with the secret the app
 * verifies with (JWT_SECRET from the environment, which the server started
 * here inherits, else the development default). Needs the built package.
 */
export async function appToken(claims, { subject, expiresIn = '1h' } = {}) {
  const { signJwt } = await import('routekit/jwt')
  const defaults = JSON.parse(readFileSync(new URL('../examples/next-app/lib/dev-defaults.json', import.meta.url), 'utf8'))
  return signJwt(claims, {
    secret: process.env.JWT_SECRET ?? defaults.jwtSecret,
    algorithm: 'HS256',
    subject,
    issuer: defaults.issuer,
    audience: defaults.audience,
    expiresIn,
  })
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts `next start` on 127.0.0.1 and resolves once it answers. The server
 * runs in its own process group, so `stop()` ends it and anything it
 * spawned, and it is also ended if this process exits first. `env` adds
 * variables to the server's environment; `dir` and `readyPath` pick another
 * app (the benchmark app) and the GET that shows it is up (any answer below 500).
 */
export async function startApp({ port, output = 'pipe', timeoutMs = 60_000, env: extraEnv = {}, dir = appDir, readyPath = '/api/edge' } = {}) {
  const chosen = port ?? (await freePort())
  const child = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(chosen)], {
    cwd: dir,
    env: { ...env, ...extraEnv },
    detached: true,
    stdio: ['ignore', output, output],
  })
  // The last 64 KiB of the server's output, for error messages.
  let log = ''
  const keep = (chunk) => (log = (log + chunk).slice(-65_536))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  process.once('exit', kill)
  const stop = async () => {
    process.off('exit', kill)
    kill()
    await exited
  }
  const url = `http://127.0.0.1:${chosen}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`)
    try {
      const response = await fetch(`${url}${readyPath}`)
      if (response.status < 500) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`next start did not answer within ${timeoutMs} ms:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { url, pid: child.pid, stop, output: () => log }
}
