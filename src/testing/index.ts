// routekit/testing: run handlers in users' own tests, without Next.js.
export { testRoute } from './test-route.js'
export type { TestResult, TestRouteOptions } from './test-route.js'
export type { TestRequestOptions } from './build-request.js'
export { testSessionCookie, testToken } from './credentials.js'
export type { TestSessionOptions } from './credentials.js'
export { runAction } from './run-action.js'
export { routesFetch } from './routes-fetch.js'
export type { ActionRun, RunActionOptions } from './run-action.js'
