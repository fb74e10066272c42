// The benchmark app's routes (bench/next-path.mjs): the same POST written raw
// and with routekit, so the cost of routekit inside Next.js can be measured.
// An app of its own, so the example's route list and OpenAPI document show
// only what a reader should copy.
import { importJWK, jwtVerify } from 'jose'
import { createHandler, json } from 'routekit'
import { jwt } from 'routekit/jwt'
import { z } from 'zod'
// The example's development secrets, so scripts/next-app.mjs's appToken() signs for both apps.
import { audience, issuer, jwtSecret } from '../../../examples/next-app/lib/secrets'

export const BenchBody = z.object({ name: z.string().min(1).max(100), qty: z.number().int().positive(), tags: z.array(z.string()).max(5) })

// The raw routes import their key once, as a careful hand-written route would.
const key = importJWK({ kty: 'oct', k: Buffer.from(jwtSecret).toString('base64url') }, 'HS256')
const verifyOptions = { algorithms: ['HS256'], issuer, audience, requiredClaims: ['exp'] }

export async function verifyBearer(header: string | null | undefined): Promise<boolean> {
  if (!header?.startsWith('Bearer ')) return false
  try {
    await jwtVerify(header.slice(7), await key, verifyOptions)
    return true
  } catch {
    return false
  }
}

export const benchHandler = createHandler()
  .use(jwt({ secret: jwtSecret, algorithms: ['HS256'], issuer, audience }))
  .post({ body: BenchBody, summary: 'Benchmark: validate and echo', tags: ['benchmark'] }, ({ body }) => json({ created: body }, { status: 201 }))
