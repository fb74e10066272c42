import type { JWTPayload } from 'jose'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { authorize, jwt, requireScope } from '../../src/jwt/index.js'

const secret = 'x'.repeat(32)

describe('ctx.auth types', () => {
  it('are jose’s JWTPayload without a claims schema', () => {
    createHandler()
      .use(jwt({ secret, algorithms: ['HS256'] }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<JWTPayload>()
      })
  })

  it('are the claims schema’s output with one', () => {
    createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], claims: z.object({ sub: z.string(), scope: z.string(), admin: z.boolean().default(false) }) }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<{ sub: string; scope: string; admin: boolean }>()
      })
  })

  it('include undefined when authentication is optional', () => {
    createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], optional: true, claims: z.object({ sub: z.string() }) }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<{ sub: string } | undefined>()
      })
  })

  it('let authorize() see the typed context', () => {
    createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], claims: z.object({ role: z.string() }) }))
      .use(
        authorize(({ auth }) => {
          expectTypeOf(auth).toEqualTypeOf<{ role: string }>()
          return auth.role === 'admin'
        }),
      )
  })
})

describe('what must not compile', () => {
  it('refuses jwt() without algorithms or with a made-up one', () => {
    // @ts-expect-error algorithms is required
    jwt({ secret })
    // @ts-expect-error not a JWS algorithm
    jwt({ secret, algorithms: ['none'] })
  })

  it('refuses scope checks before any authentication', () => {
    // @ts-expect-error requireScope needs ctx.auth, which only jwt() adds
    createHandler().use(requireScope('items:read'))
    createHandler().use(jwt({ secret, algorithms: ['HS256'] })).use(requireScope('items:read'))
  })
})

describe('options whose flags are only known as booleans', () => {
  it('type ctx.auth as possibly undefined', () => {
    const optional: boolean = Math.random() > 0.5
    createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], optional }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<JWTPayload | undefined>()
      })
  })
})
