/** Quantile of an array of numbers (linear interpolation). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low)
}

/** Median and interquartile spread, the figures RESULTS.md reports. */
export function summary(values) {
  return { median: quantile(values, 0.5), p25: quantile(values, 0.25), p75: quantile(values, 0.75), n: values.length }
}

/** `1.23 (1.20–1.27)`: a median with its interquartile range. */
export function formatRange({ median, p25, p75 }, digits = 2) {
  return `${median.toFixed(digits)} (${p25.toFixed(digits)}–${p75.toFixed(digits)})`
}
