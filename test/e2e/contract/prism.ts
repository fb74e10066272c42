// A Prism validation proxy in front of the running example app: every
// request through it is checked against the document, and so is the app's
// answer. Request validation is off (`--validate-request=false`), so an
// invalid request reaches the app and its 400/422 is what gets checked;
// `--errors` turns a response that breaks the document into Prism's own
// 500, and a lesser mismatch (an undocumented status) comes back in the
// `sl-violations` header. Prism answers CORS preflights itself unless
// `--cors=false`.
import { spawn } from 'node:child_process'
import { freePort } from '../../../scripts/next-app.mjs'
import { toolPath } from './tools.js'

export interface ProxiedAnswer {
  status: number
  headers: Headers
  body: any
  /** What Prism found wrong, from `sl-violations` or its own error body; empty when the exchange matches the document. */
  violations: unknown[]
  /** Prism's own error type (`NO_METHOD_MATCHED_ERROR`, `UNAUTHORIZED`) when Prism answered instead of the app. */
  prismError?: string
}

export interface Prism {
  url: string
  send(method: string, path: string, init?: RequestInit): Promise<ProxiedAnswer>
  stop(): Promise<void>
}

const prismErrors = 'https://stoplight.io/prism/errors#'

/** Starts `prism proxy <document> <upstream>` on 127.0.0.1 and resolves once it answers. */
export async function startPrism(document: string, upstream: string): Promise<Prism> {
  const port = await freePort()
  const args = ['proxy', document, upstream, '--errors', '--cors=false', '--validate-request=false', '-h', '127.0.0.1', '-p', String(port)]
  const child = spawn(toolPath('prism'), args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let log = ''
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // Already gone.
    }
    await exited
  }
  const url = `http://127.0.0.1:${port}`
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log}`)
    if (/Prism is listening/.test(log)) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`prism did not start within 60 s:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  async function send(method: string, path: string, init: RequestInit = {}): Promise<ProxiedAnswer> {
    const response = await fetch(`${url}${path}`, { ...init, method, redirect: 'manual' })
    const text = await response.text()
    const body = text === '' ? undefined : JSON.parse(text)
    const header = response.headers.get('sl-violations')
    const prismError = typeof body?.type === 'string' && body.type.startsWith(prismErrors) ? body.type.slice(prismErrors.length) : undefined
    const violations = [...(header === null ? [] : JSON.parse(header)), ...(prismError === 'VIOLATIONS' ? body.validation : [])]
    return { status: response.status, headers: response.headers, body, violations, ...(prismError === undefined ? {} : { prismError }) }
  }
  return { url, send, stop }
}
