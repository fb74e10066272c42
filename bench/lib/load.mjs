import autocannon from 'autocannon'

/**
 * Loads one URL with autocannon, bounded in time and connections, and
 * returns requests per second. Every answer must have the expected status;
 * anything else fails the benchmark rather than flattering it.
 */
export async function load({ url, request, expect, seconds, connections = 20 }) {
  let wrong = 0
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ ...request, onResponse: (status) => status !== expect && (wrong += 1) }],
  })
  if (wrong > 0 || result.errors > 0) {
    throw new Error(`${url}: ${wrong} answers were not ${expect}, ${result.errors} transport errors`)
  }
  return result.requests.average
}
