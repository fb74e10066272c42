// A client generated from the example's document with tools nobody here
// wrote (openapi-typescript 7, then openapi-fetch) type-checks in strict
// mode, refuses what the document does not allow, and types each problem
// answer as the Problem with its own status: what a team consuming the
// API would do with the committed openapi.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { exampleDocument, runTool, toolsDir } from './tools.js'

// Inside the tools' node_modules, so `openapi-fetch` resolves from there
// and nothing generated can end up in a commit.
const dir = `${toolsDir}node_modules/.routekit-client/`

const client = `import createClient from 'openapi-fetch'
import type { components, paths } from './schema.js'

type Problem = components['schemas']['Problem']
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const same = <A, B>(proof: Equal<A, B>) => proof

const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' })

export async function readNote(id: number): Promise<string> {
  const { data, error } = await api.GET('/api/notes/{id}', { params: { path: { id } } })
  if (error !== undefined) {
    // Every error answer is a Problem, and its status is one the operation documents.
    const problem: Problem = error
    same<typeof error.status, 400 | 404 | 500>(true)
    return problem.detail ?? problem.title
  }
  return data.text
}

export async function createNote(token: string) {
  const { data, error } = await api.POST('/api/notes', { body: { text: 'hello', tags: ['a'] }, headers: { authorization: \`Bearer \${token}\` } })
  if (error) {
    same<typeof error.status, 400 | 401 | 403 | 413 | 415 | 422 | 500>(true)
    // Validation problems carry their issues.
    return error.errors?.map((issue) => \`\${issue.in} \${issue.path.join('.')}: \${issue.message}\`)
  }
  return data.id
}

export async function wrongCalls() {
  // @ts-expect-error no such path
  await api.GET('/api/note')
  // @ts-expect-error no such query parameter
  await api.GET('/api/notes', { params: { query: { limt: 2 } } })
  // @ts-expect-error the text must be a string
  await api.POST('/api/notes', { body: { text: 1 } })
  // @ts-expect-error the path has no PUT
  await api.PUT('/api/notes', {})
}
`

const tsconfig = {
  compilerOptions: {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ['client.ts'],
}

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
})

describe('a client generated from the example\'s document (openapi-typescript + openapi-fetch)', () => {
  it('type-checks in strict mode, with problems typed per status and wrong calls refused', () => {
    const generated = runTool('openapi-typescript', [exampleDocument, '--output', `${dir}schema.d.ts`])
    expect(generated.status, generated.output).toBe(0)
    writeFileSync(`${dir}client.ts`, client)
    writeFileSync(`${dir}tsconfig.json`, JSON.stringify(tsconfig, null, 2))
    // TypeScript 5 from the tools (openapi-typescript's own peer), strict.
    const checked = runTool('tsc', ['-p', `${dir}tsconfig.json`])
    expect(checked.output).toBe('')
    expect(checked.status).toBe(0)
  }, 60_000)

  it('would fail on a wrong expectation: the check is not vacuous', () => {
    writeFileSync(`${dir}client.ts`, client.replace('400 | 404 | 500>(true)', '400 | 500>(true)'))
    const checked = runTool('tsc', ['-p', `${dir}tsconfig.json`])
    expect(checked.status).not.toBe(0)
    expect(checked.output).toMatch(/client\.ts\(\d+,\d+\): error TS2345/)
  }, 60_000)
})
