// routekit/next-connect: move a next-connect 1.0 codebase to routekit one
// route at a time. Mount routekit handlers in next-connect routers, and run
// routekit's middleware and validation as next-connect middleware.
export { mountEdge, mountNode } from './mount.js'
export { useNode } from './use-node.js'
export type { NodeHandler } from './use-node.js'
export { useEdge } from './use-edge.js'
export type { EdgeHandler } from './use-edge.js'
export { validateEdge, validateNode } from './validate.js'
export type { ValidatedParts, ValidationOptions } from './validate.js'
export type { AddedBy, Step } from './context.js'
export type { StepOptions } from './options.js'
export { edgeRouterAnswers, nodeRouterAnswers } from './router-answers.js'
export type { RouterAnswerOptions } from './router-answers.js'
