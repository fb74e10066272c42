// The page's only style, inline: its hash goes into the Content-Security-Policy,
// so the page loads nothing and runs nothing. Colours are pairs chosen for
// WCAG AA (4.5:1 or more for text) on their own background in each scheme;
// the browser picks the scheme from the reader's setting.

const light = '--bg:#fff;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--link:#0550ae;--req:#9a3412;--ok:#116329;--redirect:#0550ae;--warn:#7d4e00;--bad:#a40e26'
const dark = '--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#3d444d;--soft:#161b22;--link:#6cb6ff;--req:#ffa657;--ok:#56d364;--redirect:#6cb6ff;--warn:#e3b341;--bad:#ff7b72'

const base = [
  `:root{color-scheme:light dark;${light}}`,
  `@media (prefers-color-scheme:dark){:root{${dark}}}`,
  '*{box-sizing:border-box}html{scroll-padding-top:1rem}',
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:break-word}',
  'a{color:var(--link)}a:focus-visible,:target{outline:2px solid var(--link);outline-offset:2px}',
  'code,pre,.t,.m,.s{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}',
  'code{font-size:.875em;overflow-wrap:anywhere}',
  'pre{font-size:.8rem;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;margin:.25rem 0 .75rem;white-space:pre-wrap;overflow-wrap:anywhere}',
  '.skip{position:absolute;left:-100vw}.skip:focus{position:static;display:inline-block;margin:.5rem 0}',
  '.wrap{max-width:90rem;margin:0 auto;padding:0 1rem}header{padding:1rem 0;border-bottom:1px solid var(--line)}',
  'h1{font-size:1.6rem;margin:.25rem 0;line-height:1.25}h1 small{font-weight:400;color:var(--muted);font-size:1rem}',
  'h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}',
  'h3{font-size:1.05rem;margin:0 0 .25rem;line-height:1.4}h4{font-size:.95rem;margin:1rem 0 .25rem}p{margin:.25rem 0}',
]

const outline = [
  'nav h2{margin-top:1rem}nav ul{list-style:none;padding-left:0;margin:.25rem 0}',
  'nav ul ul{padding-left:.5rem;margin-bottom:.75rem}nav li{margin:.2rem 0}nav .c{display:block;font-size:.85rem;padding-left:4.3rem}',
  '.path{overflow-wrap:anywhere}',
  '.m{display:inline-block;min-width:3.9rem;font-size:.75rem;font-weight:700;line-height:1.5;text-align:center;border:1px solid currentColor;border-radius:4px;margin-right:.4rem}',
  '.m-get{color:var(--ok)}.m-post{color:var(--redirect)}.m-put,.m-patch{color:var(--warn)}.m-delete{color:var(--bad)}',
  '.op,.component{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:1rem 0}',
  '.summary{font-weight:600}.c{color:var(--muted)}.req{font-size:.75rem;font-weight:700;color:var(--req);white-space:nowrap}',
  '.dep{font-weight:700;color:var(--bad)}.deprecated h3 .path{text-decoration:line-through}',
  '.ex{font-weight:600;margin-top:.5rem}',
]

const tables = [
  'table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem;font-size:.9rem}',
  'caption{text-align:left;font-weight:600;padding:.25rem 0}',
  'th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{border-bottom-width:2px}',
  'td p{margin:0 0 .15rem}.name{font-weight:600}.t{font-size:.85rem}.t code{font-size:1em}.facts th{width:9rem}',
  '.responses{list-style:none;padding:0;margin:0}.responses>li{border-top:1px solid var(--line);padding:.5rem 0}',
  '.rh{font-weight:600}.s{display:inline-block;font-weight:700;min-width:2.5rem}',
  '.s2{color:var(--ok)}.s3{color:var(--redirect)}.s4{color:var(--warn)}.s5{color:var(--bad)}',
]

// Wide screens: the contents beside the page, always in reach. Narrow ones:
// contents first, and each table row a card, so nothing scrolls sideways.
const responsive = [
  '@media (min-width:64rem){.layout{display:grid;grid-template-columns:19rem minmax(0,1fr);gap:2rem}',
  'nav{position:sticky;top:0;max-height:100vh;overflow-y:auto;padding-bottom:1rem}}',
  '@media (max-width:40rem){.wrap{padding:0 .75rem}table,tbody,tr,th,td{display:block}',
  'thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
  'tr{border:1px solid var(--line);border-radius:6px;padding:.35rem .6rem;margin:.4rem 0}th,td{border:0;padding:.1rem 0}',
  '.op,.component{padding:.6rem .7rem}.facts th{width:auto}}',
]

/**
 * The reference page's stylesheet, one string, identical on every request
 * so its hash in the Content-Security-Policy never changes.
 *
 * @example
 * ```ts
 * `<style>${referenceStyle}</style>`
 * ```
 */
export const referenceStyle = [...base, ...outline, ...tables, ...responsive].join('')
