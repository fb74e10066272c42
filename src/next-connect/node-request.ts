import type { ServerResponse } from 'node:http'
import { clientSignal } from '../adapters/node/client-signal.js'
import { isForbiddenMethod, type PagesRequest, toWebRequest } from '../adapters/node/to-request.js'
import { problemResponse } from '../core/problem.js'
import { unreadableRequest } from '../adapters/node/answer.js'

interface NodeRequest {
  request: Request
  signal: () => AbortSignal
}

// One Web Request per Node request, shared by every routekit step and the
// mounted handler: its body stream can be read once, so a second reader gets
// routekit's "body already read" error instead of a silently empty body.
const built = new WeakMap<PagesRequest, NodeRequest>()

/** The Web Request behind Node's `req`, built on first use; throws for what Fetch cannot represent. */
export function webRequestOf(req: PagesRequest, res: ServerResponse): NodeRequest {
  let entry = built.get(req)
  if (entry === undefined) {
    const signal = clientSignal(res)
    entry = { request: toWebRequest(req, res, signal), signal }
    built.set(req, entry)
  }
  return entry
}

/** The answer when Node's request cannot become a Web Request. */
export function unbuildableAnswer(req: PagesRequest): Response {
  if (!isForbiddenMethod(req.method ?? 'GET')) return unreadableRequest()
  // A step is not the resource, so it cannot list an `Allow`; 501 says the
  // method is one routekit does not carry.
  return problemResponse({
    type: 'about:blank',
    title: 'Not Implemented',
    status: 501,
    code: 'not_implemented',
    detail: `routekit cannot process ${req.method} requests.`,
  })
}
