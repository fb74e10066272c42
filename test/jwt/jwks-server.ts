import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { JWK } from 'jose'

export type JwksMode = 'ok' | 'slow' | 'redirect' | 'html' | 'error'

/**
 * A real JSON Web Key Set endpoint on 127.0.0.1 whose behaviour a test can
 * switch: serving keys, answering too slowly, redirecting, serving HTML or
 * a 500, or being down altogether (`stop()`).
 */
export class JwksServer {
  mode: JwksMode = 'ok'
  keys: JWK[] = []
  fetches = 0
  #server: Server | undefined
  #port = 0

  get url(): string {
    return `http://127.0.0.1:${this.#port}/.well-known/jwks.json`
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      this.fetches += 1
      switch (this.mode) {
        case 'ok':
          res.setHeader('content-type', 'application/json')
          return res.end(JSON.stringify({ keys: this.keys }))
        case 'slow': {
          // Answers eventually, long after any sane timeout; cleared on stop.
          const timer = setTimeout(() => res.end(JSON.stringify({ keys: this.keys })), 10_000)
          return res.on('close', () => clearTimeout(timer))
        }
        case 'redirect':
          res.statusCode = 302
          res.setHeader('location', 'https://attacker.example/jwks.json')
          return res.end()
        case 'html':
          res.setHeader('content-type', 'text/html')
          return res.end('<html><body>Login</body></html>')
        case 'error':
          res.statusCode = 500
          return res.end('oops')
      }
    })
    await new Promise<void>((resolve) => this.#server!.listen(this.#port, '127.0.0.1', resolve))
    this.#port = (this.#server.address() as AddressInfo).port
    return this
  }

  /** Takes the endpoint down; `start()` brings it back on the same port. */
  async stop(): Promise<void> {
    if (!this.#server) return
    this.#server.closeAllConnections()
    await new Promise((resolve) => this.#server!.close(resolve))
    this.#server = undefined
  }
}
