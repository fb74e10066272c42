import { summary } from './stats.mjs'

/**
 * Measures contenders side by side. Each round runs every contender once,
 * in an order rotated by one each round (A B C D, B C D A, ...), so drift
 * in the machine's speed lands on all of them alike; the ratio against the
 * baseline is taken within each round, then summarised across rounds.
 *
 * `measure(name, round)` returns one figure for a contender (for example
 * microseconds per request); `baseline` names the contender ratios are
 * against; `lowerIsBetter` says which way the figure points.
 */
export async function alternate({ names, baseline, rounds, warmup = 1, measure }) {
  const figures = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < warmup + rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length])
    const results = {}
    for (const name of order) results[name] = await measure(name, round)
    if (round >= warmup) for (const name of names) figures[name].push(results[name])
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        figure: summary(figures[name]),
        ratio: summary(figures[name].map((value, round) => value / figures[baseline][round])),
      },
    ]),
  )
}
