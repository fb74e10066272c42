// The unit suite (vitest's `unit` project) on Node 22 and 24; `npm test`
// runs it on the machine's Node. Needs redis-server on PATH, as `npm test`
// does (.ci/run installs it).
//
//   node test/compat/node/unit.mjs
//   COMPAT_NODE_VERSIONS=22.23.5 node test/compat/node/unit.mjs
import { spawnSync } from 'node:child_process'
import { nodeBinary, nodeVersions, root } from './node-binaries.mjs'

const versions = process.env.COMPAT_NODE_VERSIONS?.split(',') ?? nodeVersions.filter((version) => !version.startsWith('20.'))
const failed = []
for (const version of versions) {
  const node = nodeBinary(version)
  const started = Date.now()
  console.log(`\nunit suite on Node ${version}`)
  const { status, signal } = spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit'], { cwd: root, stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (status === 0) console.log(`unit suite on Node ${version}: passed in ${seconds} s`)
  else failed.push(`Node ${version} (${signal ? `killed by ${signal}` : `exit code ${status}`}, ${seconds} s)`)
}
if (failed.length > 0) {
  console.error(`\ntest/compat/node: the unit suite failed on ${failed.join(', ')}`)
  process.exit(1)
}
