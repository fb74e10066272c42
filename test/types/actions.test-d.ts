import { useActionState } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { toServerAction, type ActionResult } from '../../src/actions/index.js'
import { createHandler } from '../../src/index.js'

const NewNote = z.object({ text: z.string(), tags: z.array(z.string()).default([]) })
const signedIn = createHandler().use(({ next }) => next({ ctx: { user: { name: 'ada' } } }))
const createNote = toServerAction(
  signedIn.action({ body: NewNote }, ({ body, user, req }) => {
    expectTypeOf(body).toEqualTypeOf<{ text: string; tags: string[] }>()
    expectTypeOf(user).toEqualTypeOf<{ name: string }>()
    expectTypeOf(req).toEqualTypeOf<Request>()
    return { id: 1, ...body }
  }),
)

describe('Server Action types', () => {
  it('take the body schema input (defaults make a key optional) or FormData', () => {
    void createNote({ text: 'milk' })
    void createNote({ text: 'milk', tags: ['food'] })
    void createNote(new FormData())
    // @ts-expect-error text is required
    void createNote({ tags: [] })
    // @ts-expect-error text is a string
    void createNote({ text: 1 })
  })

  it('resolve to the function result as data, or a problem', () => {
    expectTypeOf(createNote({ text: 'milk' })).resolves.toEqualTypeOf<ActionResult<{ text: string; tags: string[]; id: number }>>()
    type Failure = Extract<ActionResult<unknown>, { ok: false }>
    expectTypeOf<Failure['problem']['status']>().toEqualTypeOf<number>()
  })

  it("fit useActionState's (previousState, formData) call, whose formAction fits a form", () => {
    const [state, formAction] = useActionState(createNote, null)
    expectTypeOf(state).toEqualTypeOf<ActionResult<{ text: string; tags: string[]; id: number }> | null>()
    // What <form action={formAction}> takes. The action itself resolves to a
    // result, which React's form prop (void | Promise<void>) does not admit.
    const formProp: (formData: FormData) => void | Promise<void> = formAction
    void formProp
  })

  it('take no input without a body schema', () => {
    const logout = toServerAction(signedIn.action(({ user }) => user.name))
    expectTypeOf(logout()).resolves.toEqualTypeOf<ActionResult<string>>()
  })
})
