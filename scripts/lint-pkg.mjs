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
  // node16 profile: Node 16+ and bundler resolution. The node10 resolver
  // cannot see subpath exports (`routekit/app`); Next.js apps do not use it.
  run('npx', ['attw', tarball, '--profile', 'node16'])
} finally {
  rmSync(dir, { recursive: true, force: true })
}
