import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { type AuthjsToken, authjs } from '../../src/authjs/index.js'
import { createHandler } from '../../src/index.js'
import { session } from '../../src/session/index.js'

const secret = 'x'.repeat(32)
const User = z.object({ userId: z.string(), theme: z.enum(['light', 'dark']).optional() })

describe('ctx.session types', () => {
  it('come from the schema, with data possibly undefined', () => {
    createHandler()
      .use(session({ secret, schema: User }))
      .get(({ session }) => {
        expectTypeOf(session.data).toEqualTypeOf<{ userId: string; theme?: 'light' | 'dark' | undefined } | undefined>()
        expectTypeOf(session.set).parameter(0).toEqualTypeOf<{ userId: string; theme?: 'light' | 'dark' | undefined }>()
        expectTypeOf(session.update).parameter(0).toEqualTypeOf<Partial<{ userId: string; theme?: 'light' | 'dark' | undefined }>>()
      })
  })

  it('have data defined when the session is required', () => {
    createHandler()
      .use(session({ secret, schema: User, required: true }))
      .get(({ session }) => {
        expectTypeOf(session.data).toEqualTypeOf<{ userId: string; theme?: 'light' | 'dark' | undefined }>()
        expectTypeOf(session.id).toEqualTypeOf<string>()
      })
  })

  it('are a plain record without a schema', () => {
    createHandler()
      .use(session({ secret }))
      .get(({ session }) => {
        expectTypeOf(session.data).toEqualTypeOf<Record<string, unknown> | undefined>()
      })
  })

  it('refuse data that does not fit the schema', () => {
    createHandler()
      .use(session({ secret, schema: User }))
      .post(({ session }) => {
        // @ts-expect-error userId must be a string
        session.set({ userId: 1 })
        // @ts-expect-error not a theme
        session.update({ theme: 'blue' })
      })
  })
})

describe('authjs() ctx.auth types', () => {
  it('are the Auth.js token by default, the schema output with one, and optional when asked', () => {
    createHandler()
      .use(authjs({ secret }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<AuthjsToken>()
      })
    createHandler()
      .use(authjs({ secret, schema: z.object({ sub: z.string(), role: z.string() }) }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<{ sub: string; role: string }>()
      })
    createHandler()
      .use(authjs({ secret, optional: true }))
      .get(({ auth }) => {
        expectTypeOf(auth).toEqualTypeOf<AuthjsToken | undefined>()
      })
  })
})
