/** A configuration mistake, reported when `cors()` is called, naming the option. */
export function configError(message: string): TypeError {
  return new TypeError(`routekit/cors: ${message}`)
}
