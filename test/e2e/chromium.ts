import { type Browser, chromium } from 'playwright-core'

// Debian's Chromium, never a downloaded browser; flags that keep it off the
// network and quiet on a shared CI machine. Each launch gets a fresh profile.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
]

/** The browser every browser test drives: `CHROMIUM_PATH`, else `/usr/bin/chromium`, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs })
}
