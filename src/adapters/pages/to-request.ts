// The Pages Router request type, where routekit/testing imports it from;
// the Node-side code shared with routekit/next-connect is in ../node/.
export type { PagesRequest } from '../node/to-request.js'
