import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from './types.js'

// The page's only style, inline: its hash goes into the Content-Security-Policy,
// so the page loads nothing and runs nothing.
export const referenceStyle = [
  'body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1b1f24;background:#fff}',
  'h1 small{font-weight:400;color:#57606a}h2{font-size:1.05rem;margin:0}',
  'section{border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}',
  '.m{display:inline-block;min-width:4.5em;font:700 .8rem monospace;text-transform:uppercase;color:#0550ae}',
  '.deprecated h2{text-decoration:line-through}',
  'pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8rem;margin:.25rem 0}',
  'table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #eaeef2;padding:.2rem .6rem;text-align:left;vertical-align:top}',
  '.text{white-space:pre-wrap}',
  '@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}pre{background:#161b22}section{border-color:#30363d}.m{color:#79c0ff}}',
].join('')

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** Text for an element's content or a double-quoted attribute. */
function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** An anchor id for a component or an operation, from characters that need no escaping. */
function anchor(kind: string, name: string): string {
  return `${kind}-${name.replace(/[^A-Za-z0-9_.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`
}

/** Pretty JSON with every component reference turned into a link to it. */
function schemaBlock(schema: unknown): string {
  const text = escape(JSON.stringify(schema, null, 2))
  const linked = text.replace(
    /&quot;#\/components\/(schemas|responses)\/([^&]+?)&quot;/g,
    (_, kind: string, name: string) => `&quot;<a href="#${anchor(kind, name)}">#/components/${kind}/${name}</a>&quot;`,
  )
  return `<pre>${linked}</pre>`
}

function parametersTable(parameters: OpenApiParameter[]): string {
  const rows = parameters.map(
    (p) =>
      `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'required' : 'optional'}</td>` +
      `<td>${p.description ? `<span class="text">${escape(p.description)}</span>` : ''}${schemaBlock(p.schema)}</td></tr>`,
  )
  return `<table><tr><th>Parameter</th><th>In</th><th></th><th>Schema</th></tr>${rows.join('')}</table>`
}

function securityLine(security: Record<string, string[]>[] | undefined): string {
  if (security === undefined) return ''
  const options = security.map((requirement) => {
    const names = Object.entries(requirement).map(([name, scopes]) => (scopes.length > 0 ? `${name} (${scopes.join(', ')})` : name))
    return names.length === 0 ? 'anonymous' : names.join(' and ')
  })
  return `<p>Security: ${escape(options.join(' or '))}</p>`
}

function responsesList(responses: Record<string, unknown>): string {
  const items = Object.entries(responses).map(([status, response]) => {
    const object = response as { $ref?: string; description?: string; content?: Record<string, { schema?: unknown }> }
    if (object.$ref !== undefined) return `<li><b>${escape(status)}</b> ${schemaBlock({ $ref: object.$ref })}</li>`
    const content = Object.entries(object.content ?? {})
      .map(([type, media]) => `<div><code>${escape(type)}</code>${schemaBlock(media.schema ?? {})}</div>`)
      .join('')
    return `<li><b>${escape(status)}</b> ${escape(object.description ?? '')}${content}</li>`
  })
  return `<ul>${items.join('')}</ul>`
}

function operationSection(path: string, method: string, operation: OpenApiOperation): string {
  const id = anchor('op', operation.operationId ?? `${method}-${path}`)
  const body = operation.requestBody
    ? `<h3>Request body</h3>${Object.entries(operation.requestBody.content)
        .map(([type, media]) => `<div><code>${escape(type)}</code>${schemaBlock(media.schema)}</div>`)
        .join('')}`
    : ''
  return [
    `<section id="${id}"${operation.deprecated ? ' class="deprecated"' : ''}>`,
    `<h2><span class="m">${escape(method)}</span> <code>${escape(path)}</code> ${escape(operation.summary ?? '')}</h2>`,
    operation.description ? `<p class="text">${escape(operation.description)}</p>` : '',
    operation.tags?.length ? `<p>Tags: ${escape(operation.tags.join(', '))}</p>` : '',
    securityLine(operation.security),
    operation.parameters?.length ? `<h3>Parameters</h3>${parametersTable(operation.parameters)}` : '',
    body,
    `<h3>Responses</h3>${responsesList(operation.responses)}`,
    '</section>',
  ].join('')
}

function componentsPart(document: OpenApiDocument): string {
  const parts: string[] = []
  for (const kind of ['schemas', 'responses', 'securitySchemes'] as const) {
    const entries = Object.entries((document.components[kind] ?? {}) as Record<string, unknown>)
    if (entries.length === 0) continue
    parts.push(`<h2>${escape(kind)}</h2>`)
    for (const [name, value] of entries) {
      parts.push(`<details id="${anchor(kind, name)}"><summary><code>${escape(name)}</code></summary>${schemaBlock(value)}</details>`)
    }
  }
  return parts.join('')
}

/** The whole reference page: every operation, then the components, as plain HTML. */
export function referenceHtml(document: OpenApiDocument): string {
  const { info } = document
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => (item[method] ? [operationSection(path, method, item[method])] : [])),
  )
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(info.title)}</title><style>${referenceStyle}</style></head><body><main>`,
    `<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>`,
    info.description ? `<p class="text">${escape(info.description)}</p>` : '',
    `<p>OpenAPI ${escape(document.openapi)}${document.servers?.length ? ` · ${escape(document.servers.map((s) => s.url).join(', '))}` : ''}</p>`,
    ...operations,
    componentsPart(document),
    '</main></body></html>',
  ].join('')
}
