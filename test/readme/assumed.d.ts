// What the README's snippets take as given from the reader's app: the
// shared base handler, the app's own schemas and data functions, and the
// names an earlier snippet already imported. Only what the prose around a
// snippet says the reader has; routekit's own API is never declared here.
import type { z as zod } from 'zod'
import type * as routekit from '../../src/index.js'
import type { RateLimitStore } from '../../src/rate-limit/index.js'
import type { bearer as appBearer } from '../../examples/next-app/lib/api'

type ItemShape = { id: number; name: string; qty: number }
type NoteShape = { id: number; owner: string; text: string; tags: string[] }

declare global {
  // Imported by earlier snippets on the same page.
  const z: typeof zod
  const createHandler: typeof routekit.createHandler
  const HttpError: typeof routekit.HttpError
  const created: typeof routekit.created
  // lib/api.ts: `export const api = createHandler()`, and the example app's `jwt()`.
  const api: routekit.Handler<{}>
  const bearer: typeof appBearer
  // The app's own schemas, data and handlers.
  type User = { id: string; name: string }
  const Item: zod.ZodType<ItemShape>
  const NewNote: zod.ZodObject<{ text: zod.ZodString; tags: zod.ZodDefault<zod.ZodArray<zod.ZodString>> }>
  const Credentials: zod.ZodObject<{ username: zod.ZodString; password: zod.ZodString }>
  function listItems(limit: number): Promise<ItemShape[]>
  function insertItem(item: { name: string; qty: number }): Promise<ItemShape>
  function userFromRequest(req: Request): Promise<User | null>
  function checkPassword(credentials: { username: string; password: string }): Promise<User>
  function findUser(id: string): Promise<User | undefined>
  const notes: { create(owner: string, note: { text: string; tags: string[] }): NoteShape }
  const store: RateLimitStore
  // A bearer token the client guide's calls send (docs/client.md).
  const token: string
  const notesHandler: routekit.Handler<any>
  const noteHandler: routekit.Handler<any>
  const importHandler: routekit.Handler<any>
}
