#!/usr/bin/env node
// The Next.js version matrix: the packed routekit tarball in one small fixture
// app (fixture/) per Next version, each built with `next build` (Next's own
// route type checks included), type-checked again with every TypeScript
// version that applies, served with `next start` and smoke-tested over HTTP
// (its routes, and a Server Action called as React calls it), its action's
// form driven in Chromium with JavaScript and without, and its page on
// routekit/client (app/client-demo) read in Chromium. The build's
// .next/static is checked to hold no handler code, jose or secret, and
// app/client-demo/client-types.ts fails the type checks wherever the
// client's inference does.
// Run after `npm run build` (it packs dist/ as it is). Exits non-zero on any
// failure, saying which version and which step.
//
//   node test/compat/next/run-matrix.mjs [--next 14,15,16] [--jobs 1|2] [--quick]
//
// After the smoke checks each leg also runs `next build` with each other
// TypeScript as the app's `typescript` package and checks that it passes or
// fails as `otherBuilds` below says (--quick skips these). Work dirs are kept
// in .cache/compat/next-<major>, for their logs and a quicker next install.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freePort } from '../../../scripts/next-app.mjs'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url))
const cacheDir = join(root, '.cache', 'compat')

// Every TypeScript the matrix uses, installed side by side in each app under
// npm aliases (typescript-5.9, ...), each run through its own bin/tsc.
const typescripts = { '5.9': '5.9.3', '6.0': '6.0.3', '7.0': '7.0.2' }

// One leg per Next version. `build` is the TypeScript installed as the app's
// `typescript` package, the one `next build` uses for its own type check.
// `otherBuilds` says what `next build` does when `typescript` is another
// version instead: 'checks' (its type check runs with it and passes), or a
// line of the error the build fails with.
// `tsc --noEmit -p .` runs with every version in `typescripts` after the main
// build, over the app and the route checks Next wrote into .next/types.
const legs = {
  14: {
    next: '14.2.33', // the newest 14.2 whose @next/swc-linux-x64-gnu binary the registry has
    react: '18.3.1',
    typesReact: '18.3.32',
    typesReactDom: '18.3.7',
    // React 18 has no useActionState: the form uses react-dom's useFormState
    // (app/items/use-form-action.react-18.ts in use-form-action.ts's place).
    react18: true,
    build: '5.9',
    // With TypeScript 7 (no lib/typescript.js) Next 14 reads no tsconfig.json,
    // so `paths` aliases do not resolve ('@/lib/client', '@/lib/handlers/...',
    // whichever webpack reports first); an app without them fails at
    // "do not have the required package(s) installed" (outside CI Next then
    // installs typescript@latest, 7 again, and fails on an undefined path).
    otherBuilds: { '6.0': 'checks', '7.0': "Module not found: Can't resolve '@/lib/" },
  },
  15: {
    next: '15.5.29',
    react: '19.3.1',
    typesReact: '19.3.0',
    typesReactDom: '19.3.0',
    build: '6.0',
    // The same for `paths` with TypeScript 7; an app without them fails at
    // "TypeScript 7.0.2 is not supported by this version of Next.js", even
    // with typescript.ignoreBuildErrors and eslint.ignoreDuringBuilds.
    otherBuilds: { '5.9': 'checks', '7.0': "Module not found: Can't resolve '@/lib/" },
  },
  16: {
    next: '16.4.6',
    react: '19.3.1',
    typesReact: '19.3.0',
    typesReactDom: '19.3.0',
    // Next 16 type-checks through the tsc CLI by default
    // (experimental.useTypeScriptCli), so TypeScript 7 works as `typescript`.
    build: '7.0',
    otherBuilds: { '5.9': 'checks', '6.0': 'checks' },
  },
}

// Chromium's flags for the browser checks, as test/e2e/browser-csrf.test.ts passes them.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
]

const args = parseArgs(process.argv.slice(2), ['next', 'jobs', 'quick'])
const chosen = args.next ? args.next.split(',') : Object.keys(legs)
for (const major of chosen) if (!legs[major]) fail(`unknown Next version "${major}": choose from ${Object.keys(legs).join(', ')}`)
// Two at a time: on 2 cores one leg's install and server overlap the other's build.
const jobs = Number(args.jobs ?? 2)
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a whole number of at least 1, got "${args.jobs}"`)
const runOtherBuilds = args.quick !== 'true'

// No secrets at build time, as in a Docker image or a CI build. CI set, so
// that Next never installs a package it finds missing.
const buildEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: '1' }
delete buildEnv.JWT_SECRET

// Interrupted, still end the servers and builds started here (see spawnGroup).
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130))

const started = Date.now()
await mkdir(cacheDir, { recursive: true })
const tarball = await pack()
const { signJwt } = await import(pathToFileURL(join(root, 'dist', 'jwt.js')).href)
const jwtSecret = 'compat-matrix-secret-of-at-least-32-bytes!'

const results = []
const queue = [...chosen]
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let major = queue.shift(); major !== undefined; major = queue.shift()) results.push(await runLeg(major))
  }),
)

console.log(`\nNext.js matrix (${((Date.now() - started) / 1000).toFixed(0)} s):`)
for (const result of results.sort((a, b) => a.major - b.major)) {
  console.log(`  ${result.ok ? 'ok  ' : 'FAIL'} next@${legs[result.major].next} (${(result.ms / 1000).toFixed(0)} s)${result.ok ? '' : `: ${result.error}`}`)
}
const failed = results.filter((result) => !result.ok).length
console.log(`${results.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

// ---------------------------------------------------------------------------

async function runLeg(major) {
  const leg = legs[major]
  const dir = join(cacheDir, `next-${major}`)
  const say = (line) => console.log(`[next ${major}] ${line}`)
  const begun = Date.now()
  try {
    await prepare(dir, leg)
    say(`npm install (next@${leg.next}, react@${leg.react}, typescript@${typescripts[leg.build]})`)
    // npm's own cache (not one in .cache/): it outlives a fresh clone, as in CI.
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, log: join(dir, 'install.log'), label: 'npm install' })
    await assertInstalledIsPacked(dir)

    say(`next build, type check with typescript@${typescripts[leg.build]}, without JWT_SECRET`)
    await nextBuild(dir, 'checks', 'build.log')

    say('no handler code, jose or secret under .next/static')
    await leakCheck(dir)

    for (const [name, version] of Object.entries(typescripts)) {
      say(`tsc --noEmit -p . with typescript@${version}`)
      await run(process.execPath, [join(dir, `node_modules/typescript-${name}/bin/tsc`), '--noEmit', '-p', '.'], {
        cwd: dir,
        log: join(dir, `tsc-${name}.log`),
        label: `tsc ${version}`,
      })
    }

    say('next start with JWT_SECRET, smoke checks')
    await serveAndCheck(dir, say, leg)

    if (runOtherBuilds) {
      for (const [name, expected] of Object.entries(leg.otherBuilds)) {
        say(`next build with typescript@${typescripts[name]} as \`typescript\`: expected ${expected === 'checks' ? 'to pass its type check' : `to fail: ${expected}`}`)
        await withTypescript(dir, name, () => nextBuild(dir, expected, `build-ts-${name}.log`))
      }
    }
    say('passed')
    return { major, ok: true, ms: Date.now() - begun }
  } catch (error) {
    say(`FAILED: ${error.message}`)
    return { major, ok: false, ms: Date.now() - begun, error: error.message.split('\n')[0] }
  }
}

/** `next build`, expected to pass with its type check ('checks') or to fail with the given line. */
async function nextBuild(dir, expected, logName) {
  // From nothing: Next's build cache would remember how a module resolved before.
  await rm(join(dir, '.next'), { recursive: true, force: true })
  const build = await run(process.execPath, [join(dir, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: dir,
    env: buildEnv,
    log: join(dir, logName),
    check: false,
    timeoutMs: 300_000,
  })
  if (expected === 'checks') {
    if (build.code !== 0) throw stepError('next build failed', build)
    // 14 and 15 say the first, 16 the second; "Skipping validation of types" would mean no check.
    if (!/Linting and checking validity of types|Running TypeScript/.test(build.output)) throw stepError('next build ran no type check', build)
  } else {
    if (build.code === 0) throw stepError(`next build passed, expected it to fail with "${expected}"`, build)
    if (!build.output.includes(expected)) throw stepError(`next build failed, but not with "${expected}"`, build)
  }
}

/** Runs `task` with node_modules/typescript swapped for another installed version. */
async function withTypescript(dir, name, task) {
  const modules = join(dir, 'node_modules')
  await rename(join(modules, 'typescript'), join(modules, '.typescript-main'))
  try {
    await symlink(`typescript-${name}`, join(modules, 'typescript'), 'dir')
    return await task()
  } finally {
    await rm(join(modules, 'typescript'), { force: true })
    await rename(join(modules, '.typescript-main'), join(modules, 'typescript'))
  }
}

/** A fresh copy of the fixture with a package.json for this leg. */
async function prepare(dir, leg) {
  // node_modules is kept between runs (npm install brings it up to date),
  // but not routekit in it: npm would keep an earlier copy of the tarball.
  // Everything else, the build output included, is made anew.
  await mkdir(dir, { recursive: true })
  for (const entry of await readdir(dir)) if (entry !== 'node_modules') await rm(join(dir, entry), { recursive: true, force: true })
  // Nor typescript, in case a run stopped while another version stood in for it.
  for (const name of ['routekit', 'typescript', '.typescript-main', '.package-lock.json']) {
    await rm(join(dir, 'node_modules', name), { recursive: true, force: true })
  }
  await cp(fixture, dir, { recursive: true })
  const hook = join(dir, 'app/items/use-form-action')
  if (leg.react18) await rename(`${hook}.react-18.ts`, `${hook}.ts`)
  else await rm(`${hook}.react-18.ts`)
  const aliases = Object.fromEntries(Object.entries(typescripts).map(([name, version]) => [`typescript-${name}`, `npm:typescript@${version}`]))
  const manifest = {
    name: `routekit-compat-next-${leg.next.split('.')[0]}`,
    private: true,
    version: '0.0.0',
    dependencies: {
      next: leg.next,
      react: leg.react,
      'react-dom': leg.react,
      routekit: `file:${tarball}`,
      zod: '4.6.7',
    },
    devDependencies: {
      '@types/node': '20.19.43',
      '@types/react': leg.typesReact,
      '@types/react-dom': leg.typesReactDom,
      typescript: typescripts[leg.build],
      ...aliases,
    },
  }
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}

/** Packs dist/ as it is into .cache/compat and returns the tarball's path. */
async function pack() {
  try {
    await readFile(join(root, 'dist', 'index.js'))
  } catch {
    fail('dist/ is missing: run `npm run build` first')
  }
  for (const entry of await readdir(cacheDir)) if (entry.endsWith('.tgz')) await rm(join(cacheDir, entry))
  const { output } = await run('npm', ['pack', '--json', '--pack-destination', cacheDir], { cwd: root, label: 'npm pack' })
  const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')))
  // Named by content, so a changed package is a changed dependency to npm.
  const packed = join(cacheDir, filename)
  const hash = createHash('sha256').update(await readFile(packed)).digest('hex').slice(0, 12)
  const named = packed.replace(/\.tgz$/, `-${hash}.tgz`)
  await rename(packed, named)
  return named
}

/** Fails unless the app's node_modules holds exactly the dist/ just packed. */
async function assertInstalledIsPacked(dir) {
  const installed = join(dir, 'node_modules', 'routekit', 'dist')
  for (const name of await readdir(join(root, 'dist'))) {
    const [want, got] = await Promise.all([readFile(join(root, 'dist', name)), readFile(join(installed, name)).catch(() => undefined)])
    if (!got || !want.equals(got)) throw new Error(`node_modules/routekit/dist/${name} is not the packed one: npm kept another copy`)
  }
}

async function serveAndCheck(dir, say, leg) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = spawnGroup(process.execPath, [join(dir, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', JWT_SECRET: jwtSecret },
  })
  try {
    const deadline = Date.now() + 60_000
    for (;;) {
      if (server.child.exitCode !== null) throw new Error(`next start exited with ${server.child.exitCode}:\n${server.output()}`)
      const ready = await fetch(`${url}/api/methods`).then((response) => response.ok, () => false)
      if (ready) break
      if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${server.output()}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const failures = []
    for (const check of await smokeChecks()) {
      const problem = await runCheck(url, check)
      if (problem) failures.push(`${check.method} ${check.path}: ${problem}`)
    }
    failures.push(...(await actionChecks(dir, url)))
    const browserBegun = Date.now()
    const browserFailures = await browserChecks(url, leg)
    failures.push(...browserFailures)
    say(`Chromium, the action's form with JavaScript on and off and the client page: ${browserFailures.length === 0 ? 'passed' : 'FAILED'} (${((Date.now() - browserBegun) / 1000).toFixed(1)} s)`)
    say(`${failures.length === 0 ? 'all' : 'not all'} smoke checks passed`)
    if (failures.length > 0) throw new Error(`${failures.length} smoke check(s) failed:\n  ${failures.join('\n  ')}\nserver output:\n${server.output().slice(-4000)}`)
  } finally {
    await server.stop()
  }
}

async function smokeChecks() {
  const token = await signJwt({}, { secret: jwtSecret, algorithm: 'HS256', subject: 'user-1', issuer: 'https://auth.compat.test', audience: 'compat-api', expiresIn: '5m' })
  const bearer = { authorization: `Bearer ${token}` }
  const json = { 'content-type': 'application/json' }
  const problem = 'application/problem+json'
  return [
    { method: 'GET', path: '/api/methods', status: 200, body: { method: 'GET' } },
    { method: 'POST', path: '/api/methods', status: 200, body: { method: 'POST' } },
    { method: 'PUT', path: '/api/methods', status: 405, headers: { allow: 'GET, HEAD, POST, OPTIONS', 'content-type': problem }, body: { status: 405 } },
    { method: 'DELETE', path: '/api/methods', status: 405, headers: { allow: 'GET, HEAD, POST, OPTIONS', 'content-type': problem } },
    { method: 'OPTIONS', path: '/api/methods', status: 204, headers: { allow: 'GET, HEAD, POST, OPTIONS' } },
    { method: 'GET', path: '/api/search?q=pen&limit=5', status: 200, body: { q: 'pen', limit: 5 } },
    { method: 'GET', path: '/api/search?q=pen&limit=lots', status: 400, headers: { 'content-type': problem }, body: { status: 400, errors: [{ in: 'query', path: ['limit'] }] } },
    { method: 'POST', path: '/api/items', reqHeaders: json, reqBody: '{"name":"pen","price":2}', status: 401, headers: { 'www-authenticate': /^Bearer\b/, 'content-type': problem }, body: { status: 401 } },
    { method: 'POST', path: '/api/items', reqHeaders: { ...json, ...bearer }, reqBody: '{"name":"pen","price":2}', status: 201, headers: { location: '/api/items/1' }, body: { id: '1', name: 'pen', price: 2, owner: 'user-1' } },
    { method: 'POST', path: '/api/items', reqHeaders: { ...json, ...bearer }, reqBody: '{"name":"","price":-1}', status: 422, headers: { 'content-type': problem }, body: { status: 422, errors: [{ in: 'body' }, { in: 'body' }] } },
    { method: 'GET', path: '/api/items', status: 405, headers: { allow: 'POST, OPTIONS', 'content-type': problem } },
    { method: 'GET', path: '/api/items/42', status: 200, body: { id: '42' } },
    { method: 'GET', path: '/api/items/forty-two', status: 400, headers: { 'content-type': problem }, body: { errors: [{ in: 'params', path: ['id'] }] } },
    { method: 'GET', path: '/api/edge/world', status: 200, body: { hello: 'world', edge: true } },
    { method: 'POST', path: '/api/edge/world', status: 405, headers: { allow: 'GET, HEAD, OPTIONS', 'content-type': problem } },
    { method: 'GET', path: '/api/legacy/7?x=1', status: 200, body: { id: '7', router: 'pages', query: { x: '1' } } },
    { method: 'PUT', path: '/api/legacy/7', reqHeaders: json, reqBody: '{"name":"ink","price":3}', status: 200, body: { id: '7', name: 'ink', price: 3 } },
    { method: 'PUT', path: '/api/legacy/7', reqHeaders: json, reqBody: '{"name":', status: 400, headers: { 'content-type': problem } },
    { method: 'DELETE', path: '/api/legacy/7', status: 405, headers: { allow: 'GET, HEAD, PUT, OPTIONS', 'content-type': problem } },
  ]
}

/**
 * The fixture's Server Action (app/items/actions.ts), called over HTTP the
 * way React calls it: a POST to its page with the action's id in
 * `Next-Action` and the arguments as a JSON array. The id comes from the
 * build's server-reference manifest. Returns what was wrong, one line each.
 */
async function actionChecks(dir, url) {
  let id
  try {
    const manifest = JSON.parse(await readFile(join(dir, '.next/server/server-reference-manifest.json'), 'utf8'))
    const entries = Object.entries(manifest.node ?? {})
    // 15 and 16 name the export; 14 does not, and the fixture has one action.
    id = (entries.find(([, entry]) => entry.exportedName === 'createItem') ?? (entries.length === 1 ? entries[0] : undefined))?.[0]
    if (!id) return [`action: no single createItem in the server-reference manifest (${entries.length} actions)`]
  } catch (error) {
    return [`action: cannot read the server-reference manifest: ${error.message}`]
  }
  const token = await signJwt({}, { secret: jwtSecret, algorithm: 'HS256', subject: 'user-2', issuer: 'https://auth.compat.test', audience: 'compat-api', expiresIn: '5m' })
  const call = async (input, headers = {}) => {
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'next-action': id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: url, ...headers },
      body: JSON.stringify([input]),
    })
    const text = await response.text()
    // The result is one row of the RSC payload: `<n>:{"ok":...}`.
    const row = text.split('\n').find((line) => /^[0-9a-f]+:\{"ok":/.test(line))
    return { status: response.status, text, result: row ? JSON.parse(row.slice(row.indexOf(':') + 1)) : undefined }
  }
  const checks = [
    { name: 'signed in', input: { name: 'pen', price: 2 }, headers: { authorization: `Bearer ${token}` }, want: { ok: true, data: { id: '1', name: 'pen', price: 2, owner: 'user-2' } } },
    { name: 'no token', input: { name: 'pen', price: 2 }, want: { ok: false, problem: { status: 401, code: 'missing_token' } } },
    { name: 'invalid', input: { name: '', price: -1 }, headers: { authorization: `Bearer ${token}` }, want: { ok: false, problem: { status: 422, errors: [{ path: ['name'] }, { path: ['price'] }] } } },
  ]
  const wrong = []
  for (const check of checks) {
    try {
      const { status, text, result } = await call(check.input, check.headers)
      if (status !== 200 || !contains(result, check.want)) wrong.push(`action (${check.name}): ${status} ${text.slice(0, 300)}, expected a result containing ${JSON.stringify(check.want)}`)
    } catch (error) {
      wrong.push(`action (${check.name}): request failed: ${error.message}`)
    }
  }
  return wrong
}

/**
 * The fixture's form on the action (app/items/item-form.tsx) in Chromium,
 * launched as test/e2e/browser-csrf.test.ts launches it (one browser per
 * leg, a fresh profile per context). With JavaScript React calls the action
 * (a fetch with `Next-Action`); without, the browser posts the form and the
 * page comes back with the result (useActionState's, on React 18
 * useFormState's, progressive enhancement). Signed in is an Authorization
 * header on every request, which the action's jwt() reads: a valid item is
 * created, an invalid one shows each field's error; signed out, the 401
 * problem. Returns what was wrong, one line each.
 */
async function browserChecks(url, leg) {
  const { chromium } = await import('playwright-core')
  const token = await signJwt({}, { secret: jwtSecret, algorithm: 'HS256', subject: 'user-3', issuer: 'https://auth.compat.test', audience: 'compat-api', expiresIn: '5m' })
  const form = 'form[aria-label="New item"]'
  const results = `${form} [role=status], ${form} [role=alert], ${form} .field-error`
  const hook = leg.react18 ? 'useFormState' : 'useActionState'
  const cases = {
    signedIn: [
      {
        name: 'valid',
        fields: { name: 'pen', price: '2' },
        check: async (page) => expectText(await page.locator(`${form} [role=status]`).textContent(), 'Created pen for user-3.'),
      },
      {
        name: 'invalid',
        fields: { name: '', price: '-1' },
        check: async (page) => {
          const problems = [expectText(await page.locator(`${form} [role=alert]`).getAttribute('data-status'), '422')]
          for (const field of ['name', 'price']) {
            const error = page.locator(`${form} .field-error[data-field="${field}"]`)
            problems.push((await error.count()) === 1 && /\S/.test(await error.textContent()) ? undefined : `no error shown for ${field}`)
          }
          return problems.filter(Boolean).join('; ') || undefined
        },
      },
    ],
    signedOut: [
      {
        name: 'valid',
        fields: { name: 'pen', price: '2' },
        check: async (page) => {
          const alert = page.locator(`${form} [role=alert]`)
          return expectText(await alert.getAttribute('data-status'), '401') ?? (/^401 Unauthorized/.test(await alert.textContent()) ? undefined : `alert "${await alert.textContent()}"`)
        },
      },
    ],
  }
  let browser
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs })
  } catch (error) {
    return [`browser: Chromium did not start: ${error.message.split('\n')[0]}`]
  }
  const wrong = []
  try {
    for (const javaScriptEnabled of [true, false]) {
      for (const [who, list] of Object.entries(cases)) {
        const where = `browser (${hook}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${who === 'signedIn' ? 'signed in' : 'signed out'})`
        const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: who === 'signedIn' ? { authorization: `Bearer ${token}` } : {} })
        context.setDefaultTimeout(15_000)
        try {
          const page = await context.newPage()
          await page.goto(`${url}/items`)
          // With JavaScript, submit only once React has hydrated the form.
          if (javaScriptEnabled) await page.waitForFunction((selector) => Object.keys(document.querySelector(selector) ?? {}).some((key) => key.startsWith('__reactFiber')), form)
          for (const { name, fields, check } of list) {
            try {
              for (const [field, value] of Object.entries(fields)) await page.locator(`${form} [name="${field}"]`).fill(value)
              const posted = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/items')
              if (javaScriptEnabled) {
                const before = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((node) => node.textContent).join('|'), results)
                await page.locator(`${form} button`).click()
                await page.waitForFunction(
                  ([selector, previous]) => {
                    const now = [...document.querySelectorAll(selector)].map((node) => node.textContent).join('|')
                    return now !== '' && now !== previous
                  },
                  [results, before],
                )
              } else {
                await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(`${form} button`).click()])
                await page.locator(results).first().waitFor()
              }
              // React's call carries the action's id; the browser's own post does not.
              const nextAction = await (await posted).headerValue('next-action')
              const how = javaScriptEnabled === (nextAction !== null) ? undefined : `the POST ${nextAction === null ? 'had no' : 'had a'} Next-Action header`
              const problem = [how, await check(page)].filter(Boolean).join('; ')
              if (problem) wrong.push(`${where}, ${name}: ${problem}; the form showed "${(await page.locator(form).innerText()).replace(/\s+/g, ' ')}"`)
            } catch (error) {
              wrong.push(`${where}, ${name}: ${error.message.split('\n')[0]}`)
            }
          }
        } catch (error) {
          wrong.push(`${where}: ${error.message.split('\n')[0]}`)
        } finally {
          await context.close()
        }
      }
    }
    wrong.push(...(await clientPageChecks(browser, url)))
  } finally {
    await browser.close()
  }
  return wrong
}

/**
 * The page on routekit/client (app/client-demo/client-calls.tsx) in
 * Chromium: a client component calling App routes (Node and Edge) and a
 * Pages route through createClient<typeof routes>(), each call's status,
 * data or problem (and a 401's challenge) shown in an item the check reads.
 * The page's `?token=` is the bearer token of the calls that send one.
 * Also which requests the client made (paths filled, query serialised).
 * Returns what was wrong, one line each.
 */
async function clientPageChecks(browser, url) {
  const token = await signJwt({}, { secret: jwtSecret, algorithm: 'HS256', subject: 'user-4', issuer: 'https://auth.compat.test', audience: 'compat-api', expiresIn: '5m' })
  const want = {
    search: { status: '200', summary: 'pen x5', body: { q: 'pen', limit: 5 } },
    'search-invalid': { status: '400', summary: 'query.q', body: { status: 400, errors: [{ in: 'query', path: ['q'] }] } },
    methods: { status: '200', summary: 'POST', body: { method: 'POST' } },
    item: { status: '200', summary: '42', body: { id: '42' } },
    edge: { status: '200', summary: 'world true', body: { hello: 'world', edge: true } },
    'items-signed-out': { status: '401', summary: 'missing_token', challenge: /^Bearer\b/, body: { status: 401, code: 'missing_token' } },
    'items-signed-in': { status: '201', summary: 'pen for user-4', body: { id: '1', name: 'pen', price: 2, owner: 'user-4' } },
    'items-invalid': { status: '422', summary: 'name price', body: { status: 422, errors: [{ in: 'body', path: ['name'] }, { in: 'body', path: ['price'] }] } },
    'legacy-get': { status: '200', summary: '7 pages', body: { id: '7', router: 'pages', query: {} } },
    'legacy-put': { status: '200', summary: 'ink 3', body: { id: '7', name: 'ink', price: 3 } },
    'legacy-invalid': { status: '400', summary: 'params.id', body: { status: 400, errors: [{ in: 'params', path: ['id'] }] } },
  }
  const wantRequests = ['GET /api/search?q=pen&limit=5', 'POST /api/methods', 'GET /api/items/42', 'GET /api/edge/world', 'POST /api/items', 'GET /api/legacy/7', 'PUT /api/legacy/7', 'PUT /api/legacy/seven']
  const where = 'browser (client page)'
  const wrong = []
  const context = await browser.newContext()
  context.setDefaultTimeout(15_000)
  try {
    const page = await context.newPage()
    const requests = []
    const pageErrors = []
    page.on('request', (request) => {
      const { pathname, search } = new URL(request.url())
      if (pathname.startsWith('/api/')) requests.push(`${request.method()} ${pathname}${search}`)
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${url}/client-demo?token=${token}`)
    await page.locator('ul[aria-label="Client calls"], main [role=alert]').first().waitFor()
    const alert = page.locator('main [role=alert]')
    if ((await alert.count()) > 0) return [`${where}: the calls failed: ${await alert.textContent()}`]
    const shown = await page.locator('li[data-call]').evaluateAll((items) =>
      items.map((item) => ({ name: item.dataset.call, status: item.dataset.status, summary: item.dataset.summary, challenge: item.dataset.challenge, text: item.textContent })),
    )
    for (const [name, expected] of Object.entries(want)) {
      const got = shown.find((item) => item.name === name)
      if (!got) {
        wrong.push(`${where}, ${name}: not shown`)
        continue
      }
      let body
      try {
        body = JSON.parse(got.text)
      } catch {
        body = undefined
      }
      const problems = [
        got.status === expected.status ? undefined : `status ${got.status}, expected ${expected.status}`,
        got.summary === expected.summary ? undefined : `summary ${JSON.stringify(got.summary)}, expected ${JSON.stringify(expected.summary)}`,
        !expected.challenge || (got.challenge && expected.challenge.test(got.challenge)) ? undefined : `challenge ${JSON.stringify(got.challenge)}, expected ${expected.challenge}`,
        contains(body, expected.body) ? undefined : `showed ${got.text.slice(0, 300)}, expected it to contain ${JSON.stringify(expected.body)}`,
      ].filter(Boolean)
      if (problems.length > 0) wrong.push(`${where}, ${name}: ${problems.join('; ')}`)
    }
    for (const request of wantRequests) if (!requests.includes(request)) wrong.push(`${where}: no request ${request} (made: ${requests.join(', ')})`)
    for (const message of pageErrors) wrong.push(`${where}: page error: ${message}`)
  } catch (error) {
    wrong.push(`${where}: ${error.message.split('\n')[0]}`)
  } finally {
    await context.close()
  }
  return wrong
}

/**
 * No server code in the browser: no file under .next/static holds a
 * handler's code (the search handler's message, the handlers' base's JWT
 * issuer and env name), jose's, or the JWT secret. Against a vacuous pass,
 * the handler's message must be in .next/server and the client's own code
 * (its error message) in .next/static.
 */
async function leakCheck(dir) {
  const handlerMarker = 'compat-search-handler: say what to search for'
  const forbidden = {
    "the search handler's code": handlerMarker,
    "the handlers' base (lib/api.ts)": 'https://auth.compat.test',
    "the handlers' base reading JWT_SECRET": 'JWT_SECRET',
    "jose's code": 'JWSSignatureVerificationFailed',
    "jose's error code": 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    'the JWT secret': jwtSecret,
  }
  const staticFiles = await filesUnder(join(dir, '.next/static'))
  const wrong = []
  let clientFound = false
  for (const file of staticFiles) {
    const text = await readFile(file, 'latin1')
    if (text.includes('routekit/client: outside the browser')) clientFound = true
    for (const [what, marker] of Object.entries(forbidden)) if (text.includes(marker)) wrong.push(`${file.slice(dir.length + 1)} holds ${what} (${JSON.stringify(marker)})`)
  }
  if (!clientFound) wrong.push(`no file under .next/static (${staticFiles.length} files) holds routekit/client's code: is the client page built?`)
  let serverFound = false
  for (const file of await filesUnder(join(dir, '.next/server'))) if ((await readFile(file, 'latin1')).includes(handlerMarker)) serverFound = true
  if (!serverFound) wrong.push(`the search handler's marker is in no file under .next/server either: the leak check would miss it`)
  if (wrong.length > 0) throw new Error(`leak check failed:\n  ${wrong.join('\n  ')}`)
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name))
}

function expectText(got, want) {
  return got === want ? undefined : `${JSON.stringify(got)}, expected ${JSON.stringify(want)}`
}

/** Runs one smoke check; returns what was wrong, or nothing. */
async function runCheck(url, check) {
  let response
  try {
    response = await fetch(url + check.path, { method: check.method, headers: check.reqHeaders, body: check.reqBody, redirect: 'manual' })
  } catch (error) {
    return `request failed: ${error.message}`
  }
  const text = await response.text()
  const wrong = []
  if (response.status !== check.status) wrong.push(`status ${response.status}, expected ${check.status}`)
  for (const [name, want] of Object.entries(check.headers ?? {})) {
    const got = response.headers.get(name)
    const matches = want instanceof RegExp ? got !== null && want.test(got) : name === 'content-type' ? got?.split(';')[0] === want : got === want
    if (!matches) wrong.push(`${name}: ${JSON.stringify(got)}, expected ${want}`)
  }
  if (check.body) {
    let body
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    if (!contains(body, check.body)) wrong.push(`body ${text.slice(0, 300)}, expected it to contain ${JSON.stringify(check.body)}`)
  }
  return wrong.length > 0 ? wrong.join('; ') : undefined
}

/** Whether `actual` has every member of `expected` (arrays: same length, item by item). */
function contains(actual, expected) {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => contains(actual[i], item))
  if (typeof expected === 'object' && expected !== null) {
    return typeof actual === 'object' && actual !== null && Object.entries(expected).every(([key, value]) => contains(actual[key], value))
  }
  return Object.is(actual, expected)
}

/**
 * Starts a command in its own process group, so stopping it ends everything
 * it spawned; it is also stopped if this process exits first.
 */
function spawnGroup(command, commandArgs, { cwd, env }) {
  const child = spawn(command, commandArgs, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const keep = (chunk) => (log = (log + chunk).slice(-1_048_576))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  process.once('exit', kill)
  const exited = new Promise((resolve) =>
    child.once('close', (code, signal) => {
      process.off('exit', kill)
      resolve(code ?? signal)
    }),
  )
  return {
    child,
    exited,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) kill()
      await exited
    },
  }
}

/** Runs a command to its end (stopped after `timeoutMs`); its output goes to `log` and is returned. */
async function run(command, commandArgs, { cwd, env = process.env, log, label = command, check = true, timeoutMs = 600_000 }) {
  const proc = spawnGroup(command, commandArgs, { cwd, env })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    void proc.stop()
  }, timeoutMs)
  const code = await proc.exited
  clearTimeout(timer)
  const output = proc.output() + (timedOut ? `\n[stopped after ${timeoutMs / 1000} s]` : '')
  if (log) await writeFile(log, output)
  const result = { code, output, command: [command, ...commandArgs].join(' '), log }
  if (check && code !== 0) throw stepError(`${label} failed`, result)
  return result
}

function stepError(what, { code, output, command, log }) {
  const tail = output.trimEnd().split('\n').slice(-40).join('\n')
  return new Error(`${what} (exit ${code}): ${command}${log ? `\nfull output: ${log}` : ''}\n${tail}`)
}

function parseArgs(list, known) {
  const parsed = {}
  for (let i = 0; i < list.length; i++) {
    const [name, value] = list[i].replace(/^--/, '').split('=')
    if (!list[i].startsWith('--') || !known.includes(name)) fail(`unknown argument "${list[i]}": expected --${known.join(', --')}`)
    parsed[name] = value ?? (list[i + 1] && !list[i + 1].startsWith('--') ? list[++i] : 'true')
  }
  return parsed
}

function fail(message) {
  console.error(`run-matrix: ${message}`)
  process.exit(1)
}
