import { headers } from 'next/headers'
import type { Metadata } from 'next'
import { tour } from './calls'

export const metadata: Metadata = { title: 'Route tour' }
export const dynamic = 'force-dynamic'

/** The app's own origin, as this request reached it (the client needs one on the server). */
async function origin(): Promise<string> {
  const incoming = await headers()
  const host = incoming.get('host') ?? '127.0.0.1:3000'
  return `${incoming.get('x-forwarded-proto') ?? 'http'}://${host}`
}

// A server component calling the app's routes through the typed client, the
// way a page would read its own API while rendering.
export default async function RouteTour() {
  const steps = await tour(await origin())
  return (
    <main>
      <h1>Route tour</h1>
      <p>
        Rendered on the server: each row is one call through <code>routekit/client</code>, with a bearer token the server signed. The{' '}
        <a href="/">demo page</a> makes the browser&rsquo;s calls.
      </p>
      <table className="tour">
        <thead>
          <tr>
            <th scope="col">request</th>
            <th scope="col">status</th>
            <th scope="col">body</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.request} data-request={step.request} data-status={step.status ?? 'network'}>
              <td>
                <code>{step.request}</code>
              </td>
              <td>{step.status ?? 'network error'}</td>
              <td>
                <pre>{JSON.stringify(step.body, null, 2)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}
