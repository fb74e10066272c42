import type { Metadata } from 'next'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'routekit example', template: '%s | routekit example' },
  description: 'The routekit example app: typed, secure-by-default Next.js API routes, and a page that calls them.',
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
