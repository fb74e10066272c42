// The body formats by name, apart from the media-type parser: route specs
// check `accepts` when a route is defined, in the core, and must not pull
// the parser (loaded with the validation steps) into every route's bundle.

/** The body formats routekit parses. */
export type BodyFormat = 'json' | 'form' | 'multipart'

export const bodyFormats: readonly BodyFormat[] = ['json', 'form', 'multipart']

/** The media type each format is sent as. */
export const formatMediaTypes: Readonly<Record<BodyFormat, string>> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
}
