// The validation steps as one module, loaded by the route builder only when
// a route declares schemas: a route without any never loads the body reader
// or the validators, and bundlers keep them out of its chunk.
export { validateInto, validateRequest } from './validate-request.js'
export { validateResponse } from './validate-response.js'
