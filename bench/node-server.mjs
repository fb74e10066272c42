// One contender of the Node path behind a real node:http server on
// 127.0.0.1. Prints its port, and exits when its parent closes stdin.
import { createServer } from 'node:http'
import { nodeContenders } from './contenders/node.mjs'

const handler = nodeContenders[process.argv[2]]
if (!handler) throw new Error(`unknown contender ${process.argv[2]}`)
const server = createServer((req, res) => {
  void handler(req, res)
})
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })))
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
