export default function Home() {
  return (
    <main>
      <h1>routekit example</h1>
      <p>An API-only app: see the README of routekit for the routes and curl lines.</p>
    </main>
  )
}
