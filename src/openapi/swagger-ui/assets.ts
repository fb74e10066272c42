import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { cachedBody, type CachedBody } from '../cached-body.js'

// Swagger UI's files, read from the swagger-ui-dist package the app
// installs (an optional peer dependency), once per process. This is the only
// part of routekit/openapi/swagger-ui that needs Node: the page itself is
// built from strings.

/** The files the page loads, by the name they are served under, with their media type. */
export const assetFiles = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const

/** A file the page loads. */
export type AssetName = keyof typeof assetFiles

/** The swagger-ui-dist folder, found as the app's own code would `require` it. */
function defaultDist(): string {
  // Resolved from the working directory (the app's root under `next dev` and
  // `next start`), not from this file: a bundler may move this file anywhere.
  const require = createRequire(join(process.cwd(), 'package.json'))
  try {
    return dirname(require.resolve('swagger-ui-dist/package.json'))
  } catch (error) {
    throw new Error('routekit/openapi/swagger-ui: install swagger-ui-dist (npm install swagger-ui-dist), or pass its folder as `dist`.', { cause: error })
  }
}

/** A file's text; a missing one explained, since the usual cause is a deployment that left it out. */
async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(
      `routekit/openapi/swagger-ui: cannot read ${file}. With output: 'standalone' or on a host that ships only traced files, ` +
        "list swagger-ui-dist's package.json, swagger-ui.css and swagger-ui-bundle.js in next.config's outputFileTracingIncludes for this route.",
      { cause: error },
    )
  }
}

/** Swagger UI's files and version, read on first use. */
export interface SwaggerUiAssets {
  /** The installed swagger-ui-dist version, part of every asset URL so browsers may keep them for good. */
  version: () => Promise<string>
  /** One file's text and ETag. */
  file: (name: AssetName) => Promise<CachedBody>
}

/**
 * Reads Swagger UI's files from `dist` (default: the installed
 * swagger-ui-dist), each once; a failed read is tried again next time.
 *
 * @example
 * ```ts
 * const assets = swaggerUiAssets()
 * const css = await assets.file('swagger-ui.css')
 * ```
 */
export function swaggerUiAssets(dist?: string): SwaggerUiAssets {
  let folder: string | undefined
  const path = (name: string) => join((folder ??= dist ?? defaultDist()), name)
  const files = new Map<AssetName, () => Promise<CachedBody>>()
  const version = cachedBody(async () => String(JSON.parse(await readText(path('package.json'))).version))
  return {
    version: async () => (await version()).text,
    file: (name) => {
      let read = files.get(name)
      if (!read) files.set(name, (read = cachedBody(() => readText(path(name)))))
      return read()
    },
  }
}
