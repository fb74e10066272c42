import { checkOptionNames, optionNames } from '../core/options.js'
import { writeResponse } from '../adapters/node/write-response.js'
import { controlFlowResponse } from '../core/next-control-flow.js'
import type { Simplify } from '../core/types.js'
import { checkRouteSpec, type RouteSpec, type SpecParts } from '../validation/route-spec.js'
import { validateRequest, type ValidationSettings } from '../validation/validate-request.js'
import type { RequestPart } from '../validation/validation-error.js'
import { addContext, contextOf, type Step } from './context.js'
import { unbuildableAnswer, webRequestOf } from './node-request.js'
import { type StepOptions, problemFor } from './options.js'
import { edgeParams, nodeParams } from './params.js'
import type { EdgeHandler } from './use-edge.js'
import type { NodeHandler } from './use-node.js'

/**
 * Options for {@link validateNode} and {@link validateEdge}; the defaults are a routekit handler's.
 *
 * @example
 * ```ts
 * const upload = validateNode({ body: Upload }, { bodyLimit: 5 * 1024 * 1024, invalidBodyStatus: 400 })
 * ```
 */
export interface ValidationOptions extends StepOptions {
  /** Largest request body accepted, in bytes (413 above it). Default 1 MiB, or the spec's `bodyLimit`. */
  bodyLimit?: number
  /** Deepest JSON nesting accepted in a body. Default 64. */
  maxDepth?: number
  /** Status for a well-formed body that fails its schema. Default 422. */
  invalidBodyStatus?: 400 | 422
}

/**
 * What a validation step puts on `req.validated`: the schemas' outputs, for the parts the spec validates.
 *
 * @example
 * ```ts
 * type Parts = ValidatedParts<{ query: typeof ListQuery }> // { query: { limit: number } }
 * ```
 */
export type ValidatedParts<TSpec> = Simplify<Pick<SpecParts<TSpec>, Extract<keyof TSpec, RequestPart>>>

const validationOptionNames = optionNames<ValidationOptions>({ bodyLimit: true, maxDepth: true, invalidBodyStatus: true, dev: true, onError: true })

function settingsOf(step: string, spec: RouteSpec, options: ValidationOptions): ValidationSettings {
  checkRouteSpec(`routekit/next-connect: ${step}'s spec`, spec)
  checkOptionNames(`routekit/next-connect: ${step}`, options, validationOptionNames)
  return {
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    maxDepth: options.maxDepth ?? 64,
    invalidBodyStatus: options.invalidBodyStatus ?? 422,
  }
}

/** Several validation steps on one request add up: `req.validated` keeps the earlier parts. */
function addValidated(req: object, parts: object): void {
  const earlier = contextOf(req).validated
  addContext(req, { validated: { ...(earlier as object | undefined), ...parts } })
}

/**
 * Validates the request against a routekit route spec (params, query,
 * headers, body; zod or any Standard Schema) on next-connect's Node router,
 * and puts the schemas' outputs on `req.validated` for the handlers after it.
 * Failures are answered as routekit answers them: 400 (422 for a body that
 * fails its schema) problem+json listing every issue, 413, 415; the chain
 * stops there. The body is read only with a body schema: set
 * `bodyParser: false` so routekit reads it with its limits (with Next's
 * parser on, it validates `req.body`).
 *
 * @example
 * ```ts
 * const newNote = validateNode({ body: NewNote })
 * const router = createRouter<NextApiRequest & AddedBy<typeof newNote>, NextApiResponse>()
 * router.post(newNote, (req, res) => res.status(201).json(notes.create(req.validated.body)))
 * ```
 */
export function validateNode<const TSpec extends RouteSpec>(
  spec: TSpec,
  options: ValidationOptions = {},
): Step<NodeHandler, { validated: ValidatedParts<TSpec> }> {
  const settings = settingsOf('validateNode()', spec, options)
  const step: NodeHandler = async (req, res, next) => {
    let request: Request
    try {
      request = webRequestOf(req, res).request
    } catch {
      await writeResponse(res, unbuildableAnswer(req))
      return
    }
    try {
      addValidated(req, await validateRequest(spec, request, nodeParams(req), settings))
    } catch (error) {
      await writeResponse(res, controlFlowResponse(error) ?? (await problemFor(error, request, options)))
      return
    }
    await next()
  }
  return step as Step<NodeHandler, { validated: ValidatedParts<TSpec> }>
}

/**
 * {@link validateNode} for next-connect's edge router: failures are returned
 * as problem+json Responses, and `req.validated` holds the outputs.
 *
 * @example
 * ```ts
 * const listQuery = validateEdge({ query: z.object({ limit: z.coerce.number().max(100).default(20) }) })
 * const router = createEdgeRouter<Request & AddedBy<typeof listQuery>, RouteContext>()
 * router.get(listQuery, (req) => Response.json(list(req.validated.query.limit)))
 * ```
 */
export function validateEdge<const TSpec extends RouteSpec>(
  spec: TSpec,
  options: ValidationOptions = {},
): Step<EdgeHandler, { validated: ValidatedParts<TSpec> }> {
  const settings = settingsOf('validateEdge()', spec, options)
  const step: EdgeHandler = async (req, ctx, next) => {
    try {
      addValidated(req, await validateRequest(spec, req, await edgeParams(req, ctx), settings))
    } catch (error) {
      return problemFor(error, req, options)
    }
    return next()
  }
  return step as Step<EdgeHandler, { validated: ValidatedParts<TSpec> }>
}
