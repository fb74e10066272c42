import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** A code block of the README or a guide that is not a copy of an example-app file, and where it starts. */
export interface Snippet {
  /** The Markdown file, relative to the repository root. */
  file: string
  line: number
  code: string
}

/**
 * README.md and every guide under docs/, relative to the repository root.
 * Not docs/api: it is the API reference generated from the TSDoc comments
 * (`npm run docs:api`), whose `ts` blocks are the comments' `@example`
 * fragments (they use a route's `api` or `signedIn` without defining it)
 * and whose pages are as long as the entries they list. test/api checks the
 * comments instead, and CI that the pages match them.
 */
export function markdownFiles(): string[] {
  const guides = readdirSync(`${root}docs`, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('.md') && !name.startsWith('api/'),
  )
  return ['README.md', ...guides.map((name) => `docs/${name}`).sort()]
}

/** A fenced `ts` block, with the marker of an example-app copy when one precedes it. */
export const tsBlock = /(<!-- example: (\S+) -->\n)?```ts\n([\s\S]*?)\n```/g

export function markdownSnippets(files = markdownFiles()): Snippet[] {
  const snippets: Snippet[] = []
  for (const file of files) {
    const text = readFileSync(`${root}${file}`, 'utf8')
    for (const match of text.matchAll(tsBlock)) {
      if (match[1]) continue // copies of example files are compared with the files (examples.test.ts)
      snippets.push({ file, line: text.slice(0, match.index).split('\n').length + 1, code: match[3]! })
    }
  }
  return snippets
}

// routekit's subpaths as the package exports them, mapped to the sources so
// the check needs no build.
const entries: Record<string, string> = {
  routekit: 'src/index.ts',
  'routekit/app': 'src/adapters/app.ts',
  'routekit/pages': 'src/adapters/pages.ts',
}
for (const name of ['jwt', 'session', 'authjs', 'cors', 'openapi', 'rate-limit', 'testing', 'next-connect', 'webhooks', 'actions', 'client']) {
  entries[`routekit/${name}`] = `src/${name}/index.ts`
}

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
  paths: {
    ...Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, [`${root}${file}`]])),
    // The example app's own alias (its tsconfig), as a reader's app has it.
    '@/*': [`${root}examples/next-app/*`],
  },
}

/**
 * Type-checks each snippet as a module of the example app (so `../lib/...`
 * imports resolve as they would for a reader copying a test into it), with
 * `assumed.d.ts` declaring what the prose around a snippet takes as given.
 * Returns the errors, each with the README line it belongs to.
 */
export function typeErrors(snippets: Snippet[]): string[] {
  const files = new Map(
    snippets.map((snippet) => [`${root}examples/next-app/readme-snippets/${snippet.file.replace(/[/.]/g, '-')}-line-${snippet.line}.ts`, snippet]),
  )
  const host = ts.createCompilerHost(options)
  const { fileExists, readFile } = host
  host.fileExists = (name) => files.has(name) || fileExists(name)
  host.readFile = (name) => files.get(name)?.code ?? readFile(name)
  const program = ts.createProgram([...files.keys(), `${root}test/readme/assumed.d.ts`], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    const snippet = diagnostic.file && files.get(diagnostic.file.fileName)
    if (!snippet || diagnostic.start === undefined) return `${diagnostic.file?.fileName ?? ''}: ${message}`
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start)
    return `${snippet.file}:${snippet.line + line}: ${message}`
  })
}
