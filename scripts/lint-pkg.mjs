// Checks the package as npm would publish it: packs the tarball once, then
// runs publint and Are the Types Wrong? on that file, not on the source tree.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'routekit-pack-'))
try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8' }))
  const tarball = join(dir, packed[0].filename)
  run('npx', ['publint', 'run', tarball, '--strict'])
  // Full profile: node10 (`module: commonjs` before TypeScript 6) finds the
  // subpaths' types through package.json's typesVersions, which must list
  // every subpath export; node16 from CJS and ESM; bundler.
  run('npx', ['attw', tarball])
} finally {
  rmSync(dir, { recursive: true, force: true })
}
