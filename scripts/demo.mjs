// `npm run demo`: builds routekit and the example Next.js app, serves it on
// 127.0.0.1:3000 (PORT to change), and prints where its demo page is and
// curl lines to try. Ctrl-C stops it.
import { appToken, buildAll, startApp } from './next-app.mjs'

const port = Number(process.env.PORT ?? 3000)
buildAll()
// After the build: the token is signed by the package, exactly as an app would.
const token = await appToken({ scope: 'notes:read notes:write' }, { subject: 'grace', expiresIn: '12h' })

const app = await startApp({ port, output: 'inherit' })
const url = app.url
console.log(`
routekit example app on ${url}   (Ctrl-C to stop)

The demo page: ${url}/
  Sign in as the development user (ada / lovelace), add and list notes, and press buttons
  that provoke a 405, a 401, a 422 and a 429, each problem+json answer shown with its headers.

A development token (signed with the app's development-only secret, valid 12 h):
  TOKEN=${token}

App Router (each line works in bash and zsh; the comment is what it answers)
  curl -i '${url}/api/notes?limit=5'                                  # 200, a list of notes
  curl -i -X DELETE '${url}/api/notes'                                # 405 + Allow
  curl -i -X POST '${url}/api/notes' -H 'content-type: application/json' -d '{"text":"hi"}'   # 401 + WWW-Authenticate
  curl -i -X POST '${url}/api/notes' -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"text":"hi","tags":["demo"]}'   # 201 + Location
  curl -i -X POST '${url}/api/notes' -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"text":""}'   # 422, errors[] by path
  curl -i '${url}/api/notes/abc'                                      # 400, params
  curl -i '${url}/api/edge?name=Ada'                                  # 200, from the Edge runtime
  curl -i '${url}/api/boom'                                           # 500 problem, nothing leaked
  curl -i -X OPTIONS '${url}/api/notes' -H 'origin: http://localhost:5173' -H 'access-control-request-method: POST'   # 204, CORS preflight
  curl -i '${url}/api/openapi'                                        # 200, the OpenAPI document

Pages Router
  curl -i -c /tmp/routekit-jar -X POST '${url}/api/session/login' -H 'content-type: application/json' -d '{"username":"ada","password":"lovelace"}'   # 200 + Set-Cookie
  curl -i -b /tmp/routekit-jar '${url}/api/session/me'                # 200, who you are
  curl -i '${url}/api/legacy/notes/1'                                 # 200, the first note
  curl -i -X POST '${url}/api/import' -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '[{"text":"a"},{"text":"b"}]'   # 200, imported
  curl -i -X POST '${url}/api/legacy/connect/notes' -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"text":"hi"}'   # 201, next-connect + routekit

In a browser (xdg-open on Linux, open on macOS):
  xdg-open '${url}/' || open '${url}/'                                             # the demo page
  xdg-open '${url}/api/openapi/reference' || open '${url}/api/openapi/reference'   # the API reference page
  xdg-open '${url}/api/openapi/ui' || open '${url}/api/openapi/ui'                 # Swagger UI

Login is rate limited to 10 attempts a minute per address (in memory; RATE_LIMIT_STORE=redis
with REDIS_URL shares the limit between instances): after the demo page's 429 button, signing
in from your address waits for its Retry-After. CORS_ORIGINS lists the origins allowed.
`)

const stop = async () => {
  await app.stop()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
