import { notes } from '@/lib/notes-store'
import { NotesPanel } from './demo/notes-panel'
import { ProblemButtons } from './demo/problem-buttons'
import { SessionPanel } from './demo/session-panel'

// The demo page: rendered on the server on every request (the notes list
// is read then), with small client components for what the buttons do.
// Every request they make is in app/demo/calls.ts.
export const dynamic = 'force-dynamic'

export default function Home() {
  return (
    <>
      <header>
        <h1>routekit example</h1>
        <p>
          A Next.js app whose API routes are built with routekit. This page calls them from your browser and shows each answer as it came:
          status, the headers that matter and the body.
        </p>
        <nav aria-label="Elsewhere in the app">
          <ul>
            <li>
              <a href="/api/openapi/reference">API reference</a> (from the routes&rsquo; OpenAPI document, <a href="/api/openapi">as JSON</a>, or in{' '}
              <a href="/api/openapi/ui">Swagger UI</a>)
            </li>
            <li>
              <a href="/tour">Route tour</a>: a server component calling every other route through the typed client
            </li>
            <li>
              <a href="/notes">Notes form</a>: Server Actions on the same base as the routes, working without JavaScript too
            </li>
          </ul>
        </nav>
        <noscript>
          <p>The buttons on this page need JavaScript; the <a href="/notes">notes form</a> works without it.</p>
        </noscript>
      </header>
      <main>
        <section aria-labelledby="sign-in">
          <h2 id="sign-in">Sign in</h2>
          <p>
            As the development user (<code>ada</code>, password <code>lovelace</code>) through <code>POST /api/session/login</code>, a Pages
            Router route: the answer sets a sealed, HttpOnly session cookie.
          </p>
          <SessionPanel />
        </section>
        <section aria-labelledby="notes">
          <h2 id="notes">Notes</h2>
          <p>
            Listed by <code>GET /api/notes</code>, which is public. A note is added as the signed-in user by the notes form&rsquo;s Server
            Action, on the session; the API&rsquo;s <code>POST /api/notes</code> takes a bearer token instead.
          </p>
          <NotesPanel initialNotes={notes.list({ limit: 20 })} />
        </section>
        <section aria-labelledby="problems">
          <h2 id="problems">Refusals, on purpose</h2>
          <p>
            Each button sends a request the app refuses. Every refusal is an <code>application/problem+json</code> body (RFC 9457) with a
            stable <code>code</code>, and the headers that say what to do next.
          </p>
          <ProblemButtons />
        </section>
      </main>
      <footer>
        <p>Development-only secrets; nothing on this page loads from another site.</p>
      </footer>
    </>
  )
}
