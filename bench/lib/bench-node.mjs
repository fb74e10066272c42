import { spawnSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * `BENCH_NODE=<version or path>`: runs the calling script again with that
 * Node and exits with its status, so that everything the script starts
 * through process.execPath (servers, `next build` and `next start`, import
 * timings) runs on that Node too. A version (`24.22.3`) is installed from the
 * npm registry into .cache/node/. Returns when already on that Node, or when
 * BENCH_NODE is not set.
 */
export async function runOnBenchNode(scriptUrl) {
  const wanted = process.env.BENCH_NODE
  if (!wanted) return
  const { nodeBinary } = await import('../../test/compat/node/node-binaries.mjs')
  const binary = /^\d+\.\d+\.\d+$/.test(wanted) ? nodeBinary(wanted) : wanted
  if (!existsSync(binary)) throw new Error(`BENCH_NODE: no such file ${binary}`)
  if (realpathSync(binary) === realpathSync(process.execPath)) return
  const { status } = spawnSync(binary, [fileURLToPath(scriptUrl), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(status ?? 1)
}
