import { describe, expectTypeOf, it } from 'vitest'
import { cors, type CorsOrigin } from '../../src/cors/index.js'
import { createHandler, type Handler } from '../../src/index.js'

interface User {
  id: string
}

describe('cors types', () => {
  it('keep the context of the handler it is added to', () => {
    const withUser = createHandler().use(({ next }) => next({ ctx: { user: { id: 'u1' } as User } }))
    const shared = withUser.use(cors({ origin: ['https://app.example.com'], credentials: true }))
    expectTypeOf(shared).toEqualTypeOf<Handler<{ user: User }, {}, never>>()
    shared.get(({ user }) => expectTypeOf(user).toEqualTypeOf<User>())
  })

  it("refuse '*' with credentials: true where the literal is visible", () => {
    // @ts-expect-error credentials must be false (or absent) with origin: '*'
    cors({ origin: '*', credentials: true })
    cors({ origin: '*', credentials: false })
    const fromEnv: string = 'https://app.example.com'
    cors({ origin: fromEnv, credentials: true }) // a runtime check covers a '*' in a variable
  })

  it('type the origin function’s arguments', () => {
    cors({
      origin: async (origin, req) => {
        expectTypeOf(origin).toEqualTypeOf<string>()
        expectTypeOf(req).toEqualTypeOf<Request>()
        return origin === 'https://app.example.com'
      },
    })
    const origins: CorsOrigin = ['https://a.example', /https:\/\/.+\.a\.example/]
    cors({ origin: origins })
    // @ts-expect-error a number is no origin
    cors({ origin: 42 })
  })
})
