/**
 * Reason phrases for the statuses routekit answers with. RFC 9457 asks that a
 * problem with `type: "about:blank"` use the status's phrase as its title.
 */
const phrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9
type AsNumber<S> = S extends `${infer N extends number}` ? N : never

/**
 * Any status from 400 to 599, as a union of number literals: a route's
 * `errors: [404, 409]` keeps its statuses in its type (for clients typed
 * from it), and `errors: [200]` or `[4040]` does not compile.
 *
 * @example
 * ```ts
 * const declared: ErrorStatus[] = [404, 409]
 * ```
 */
export type ErrorStatus = AsNumber<`${4 | 5}${Digit}${Digit}`>

/** The reason phrase of an error status, or a generic one for unlisted codes. */
export function statusPhrase(status: number): string {
  return phrases[status] ?? (status >= 500 ? 'Server Error' : 'Client Error')
}

/** Only whole numbers in 400–599 are error statuses a problem may carry. */
export function isErrorStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599
}

/** A stable machine-readable code derived from the phrase: 404 -> "not_found". */
export function defaultCode(status: number): string {
  return statusPhrase(status).toLowerCase().replace(/[^a-z]+/g, '_')
}
