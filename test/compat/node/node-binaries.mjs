// Node binaries for other versions, installed from the npm registry (the
// `node-<platform>-<arch>` packages ship the binary itself) into
// .cache/node/<version>/, one prefix per version so they do not clash, and
// reused by later runs.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../../', import.meta.url))

/** The versions CI runs: the floor of `engines`, and the current 22 and 24. */
export const nodeVersions = ['20.19.0', '22.23.5', '24.22.3']

/** Path of the `node` binary for `version`, installing it first if needed. */
export function nodeBinary(version) {
  const name = `node-${process.platform}-${process.arch}`
  const prefix = `${root}.cache/node/${version}`
  const binary = `${prefix}/node_modules/${name}/bin/node`
  if (!existsSync(binary)) {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', prefix, `${name}@${version}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  }
  const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported}, expected v${version}`)
  return binary
}
