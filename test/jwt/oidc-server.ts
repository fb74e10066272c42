import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import Provider, { errors } from 'oidc-provider'

/** Each resource server is issued access tokens signed with its own algorithm. */
export const resources = {
  'urn:routekit:rs256': 'RS256',
  'urn:routekit:es256': 'ES256',
  'urn:routekit:eddsa': 'EdDSA',
} as const

export type Resource = keyof typeof resources

/** The audience tokens for a resource carry. */
export const audienceOf = (resource: Resource) => `${resource}:api`

const client = { client_id: 'reports-job', client_secret: 'a-client-secret-long-enough-for-basic-auth' }

async function signingKeys() {
  const kinds = [['RS256', 'rsa'], ['ES256', 'ec'], ['EdDSA', 'ed']] as const
  return Promise.all(
    kinds.map(async ([alg, kid]) => ({ ...(await exportJWK((await generateKeyPair(alg, { extractable: true })).privateKey)), kid, alg, use: 'sig' })),
  )
}

/**
 * A real OpenID provider (the npm `oidc-provider`, the certified Node
 * implementation) on 127.0.0.1: client_credentials with resource
 * indicators, issuing RFC 9068 `at+jwt` access tokens. Nothing about the
 * tokens or the discovery document is written by routekit's tests.
 */
export class OidcServer {
  issuer = ''
  #server: Server | undefined
  /** Requests answered, per path. */
  readonly hits = new Map<string, number>()
  /** While set, every request is answered 503, as in an outage. */
  down = false
  /** The provider's private signing keys, for tokens it would never issue itself. */
  keys: JWK[] = []

  async start(): Promise<this> {
    this.#server = createServer()
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve))
    this.issuer = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
    const provider = new Provider(this.issuer, {
      clients: [{ ...client, grant_types: ['client_credentials'], redirect_uris: [], response_types: [] }],
      jwks: { keys: (this.keys = await signingKeys()) },
      features: {
        clientCredentials: { enabled: true },
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => undefined,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, indicator) => {
            const alg = resources[indicator as Resource]
            if (!alg) throw new errors.InvalidTarget()
            return { scope: 'reports:read', audience: audienceOf(indicator as Resource), accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg } } }
          },
        },
      },
      scopes: ['reports:read'],
    })
    const callback = provider.callback()
    this.#server.on('request', (req, res) => {
      const path = new URL(req.url ?? '/', this.issuer).pathname
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1)
      if (this.down) return void res.writeHead(503).end()
      callback(req, res)
    })
    return this
  }

  /** An access token from the token endpoint, for `resource`. */
  async accessToken(resource: Resource): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${client.client_id}:${client.client_secret}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'reports:read' }),
    })
    const answer = (await response.json()) as { access_token?: string; error_description?: string }
    if (!answer.access_token) throw new Error(`oidc-provider refused the token request: ${answer.error_description}`)
    return answer.access_token
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections()
    await new Promise((resolve) => this.#server?.close(resolve))
  }
}
