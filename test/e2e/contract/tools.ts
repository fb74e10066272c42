// The OpenAPI tools the contract tests run (Redocly, Spectral, Prism,
// openapi-typescript with openapi-fetch) live in tools/contract with their
// own node_modules: openapi-typescript needs TypeScript 5 beside the root's
// 6, and 230 MB of CLIs need not slow every install. The e2e global setup
// installs them from tools/contract/package.json (exact versions) when they
// are missing, so a fresh clone runs the tests with nothing more to do.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const toolsDir = fileURLToPath(new URL('../../../tools/contract/', import.meta.url))
export const exampleDocument = fileURLToPath(new URL('../../../examples/next-app/openapi.json', import.meta.url))
const bin = (name: string) => `${toolsDir}node_modules/.bin/${name}`

/** Installs the tools unless they are there; idempotent, so each test file may call it. */
export function ensureTools(): void {
  if (['redocly', 'spectral', 'prism', 'openapi-typescript', 'tsc'].every((name) => existsSync(bin(name)))) return
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: toolsDir, stdio: 'pipe' })
}

export interface Run {
  status: number
  output: string
}

/** Runs one of the tools; a failing exit is a result to look at, not an exception. */
export function runTool(name: string, args: string[], options: ExecFileSyncOptions = {}): Run {
  try {
    const output = execFileSync(bin(name), args, { cwd: toolsDir, encoding: 'utf8', stdio: 'pipe', ...options })
    return { status: 0, output: String(output) }
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string }
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

/** The path of a tool's binary, for a test that must start it as a server. */
export const toolPath = bin
