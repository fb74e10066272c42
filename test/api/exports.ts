// The public surface as TypeScript sees it: every symbol each package entry
// exports, with the members of exported classes, read from the sources
// with the compiler API (no build, no network). The TSDoc check
// (tsdoc.test.ts) and the API reference (scripts/api-docs.mjs) use the same
// list of entries.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Each subpath of package.json `exports` and the source tsup builds it from
 * (tsup.config.ts); scripts/api-docs.mjs writes one page of docs/api for each.
 */
export const entryPoints: Record<string, string> = JSON.parse(readFileSync(`${root}tools/api-docs/entries.json`, 'utf8'))

/** One exported symbol, or a public member of an exported class. */
export interface ExportedSymbol {
  /** The entries that export it, such as `routekit/jwt`. */
  entries: string[]
  /** `jwt`, or `HttpError.notFound` for a class member. */
  name: string
  /** Where it is declared, relative to the repository root. */
  file: string
  /** A public property of an exported class: it needs a comment, not an `@example`. */
  property: boolean
  hasComment: boolean
  hasExample: boolean
}

function documentation(declarations: readonly ts.Declaration[]): { hasComment: boolean; hasExample: boolean } {
  // Overloads: one documented signature documents the function.
  let hasComment = false
  let hasExample = false
  for (const declaration of declarations) {
    for (const doc of ts.getJSDocCommentsAndTags(declaration)) {
      if (!ts.isJSDoc(doc)) continue
      if (ts.getTextOfJSDocComment(doc.comment)?.trim()) hasComment = true
      if (doc.tags?.some((tag) => tag.tagName.text === 'example')) hasExample = true
    }
  }
  return { hasComment, hasExample }
}

function isPublicMember(member: ts.ClassElement): boolean {
  if (!(ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member) || ts.isGetAccessor(member) || ts.isSetAccessor(member))) return false
  if (member.name && ts.isPrivateIdentifier(member.name)) return false
  const flags = ts.getCombinedModifierFlags(member)
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))
}

/** Every symbol the package entries export, once each, in entry order. */
export function exportedSymbols(): ExportedSymbol[] {
  const files = Object.values(entryPoints).map((file) => `${root}${file}`)
  const { config } = ts.readConfigFile(`${root}tsconfig.json`, ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root)
  const program = ts.createProgram(files, { ...options, noEmit: true })
  const checker = program.getTypeChecker()
  const found = new Map<string, ExportedSymbol>()
  const add = (entry: string, name: string, declarations: readonly ts.Declaration[], property = false) => {
    const file = declarations[0]!.getSourceFile().fileName.slice(root.length)
    const key = `${file}#${name}`
    const known = found.get(key)
    if (known) {
      if (!known.entries.includes(entry)) known.entries.push(entry)
      return
    }
    found.set(key, { entries: [entry], name, file, property, ...documentation(declarations) })
  }
  for (const [entry, file] of Object.entries(entryPoints)) {
    const source = program.getSourceFile(`${root}${file}`)
    const module = source && checker.getSymbolAtLocation(source)
    if (!module) throw new Error(`${file}: not found, or not a module`)
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const declarations = symbol.declarations ?? []
      if (declarations.length === 0) continue
      add(entry, exported.name, declarations)
      for (const declaration of declarations) {
        if (!ts.isClassDeclaration(declaration)) continue
        const members = new Map<string, ts.ClassElement[]>()
        for (const member of declaration.members) {
          if (!isPublicMember(member) || !member.name) continue
          const name = member.name.getText()
          members.set(name, [...(members.get(name) ?? []), member])
        }
        for (const [name, overloads] of members) add(entry, `${exported.name}.${name}`, overloads, overloads.every(ts.isPropertyDeclaration))
      }
    }
  }
  return [...found.values()]
}
