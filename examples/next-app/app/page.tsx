export default function Home() {
  return (
    <main>
      <h1>routekit example</h1>
      <p>Mostly an API: see the README of routekit for the routes and curl lines.</p>
      <p>
        <a href="/notes">Notes</a>: a form on Server Actions built from the same base as the routes.
      </p>
    </main>
  )
}
