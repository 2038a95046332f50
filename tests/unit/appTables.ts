import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The route table (renderer/src/screenTable.ts: SCREENS, LAZY_SCREENS and the lazily loaded GROUPS)
 * and the menu (MENU of renderer/src/App.tsx) read from the source with the TypeScript parser:
 * importing them would pull in React, CSS and every screen. Tables spread in or named
 * (`...bankScreens`, `MENU`) are followed to the module they are imported from.
 */
const root = path.resolve(__dirname, '..', '..');
const appFile = path.join(root, 'renderer', 'src', 'App.tsx');
const tableFile = path.join(root, 'renderer', 'src', 'screenTable.ts');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function constInitializer(src: ts.SourceFile, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) found = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

/** The file an identifier of `src` is imported from, resolved like the bundler does. */
function importedFrom(src: ts.SourceFile, name: string): string {
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const named = st.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named) || !named.elements.some((e) => e.name.text === name)) continue;
    const base = path.resolve(path.dirname(src.fileName), st.moduleSpecifier.text);
    const file = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => fs.existsSync(f));
    if (!file) throw new Error(`module ${st.moduleSpecifier.text} not found`);
    return file;
  }
  throw new Error(`import of ${name} not found in ${src.fileName}`);
}

function resolveConst(src: ts.SourceFile, name: string): { src: ts.SourceFile; init: ts.Expression } {
  const local = constInitializer(src, name);
  if (local) return { src, init: local };
  const other = parse(importedFrom(src, name));
  const init = constInitializer(other, name);
  if (!init) throw new Error(`${name} not found in ${other.fileName}`);
  return { src: other, init };
}

const strip = (e: ts.Expression): ts.Expression => (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e) ? strip(e.expression) : e);

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!p.name) return undefined;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return undefined;
}

/** Keys of an object literal, following spreads of named tables to where they are declared. */
function keysOf(src: ts.SourceFile, e: ts.Expression, ids: Set<string> = new Set()): Set<string> {
  const obj = strip(e);
  if (!ts.isObjectLiteralExpression(obj)) throw new Error('expected an object literal');
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) {
      const r = resolveConst(src, p.expression.text);
      keysOf(r.src, r.init, ids);
    } else {
      const k = propertyName(p);
      if (k !== undefined) ids.add(k);
    }
  }
  return ids;
}

/** Route ids of the app: the screens of the first chunk (SCREENS) and the lazily loaded ones (LAZY_SCREENS). */
export function appRouteIds(): Set<string> {
  const table = parse(tableFile);
  return new Set([...keysOf(table, resolveConst(table, 'SCREENS').init), ...keysOf(table, resolveConst(table, 'LAZY_SCREENS').init)]);
}

/**
 * Per lazily loaded group: the route ids LAZY_SCREENS sends to it, and the keys of the screen table
 * its loader (`() => import('./screens/x').then((m) => m.xScreens)`) really returns.
 */
export function lazyGroups(): Map<string, { routed: string[]; table: string[] }> {
  const table = parse(tableFile);
  const groups = new Map<string, { routed: string[]; table: string[] }>();
  const groupsObj = strip(resolveConst(table, 'GROUPS').init);
  if (!ts.isObjectLiteralExpression(groupsObj)) throw new Error('GROUPS is not an object literal');
  for (const p of groupsObj.properties) {
    const name = propertyName(p);
    if (!name || !ts.isPropertyAssignment(p)) throw new Error('unexpected GROUPS entry');
    const text = p.initializer.getText(table);
    const m = /import\('([^']+)'\)\.then\(\(m\) => m\.(\w+)\)/.exec(text);
    if (!m) throw new Error(`loader of ${name} is not import('…').then((m) => m.table): ${text}`);
    const base = path.resolve(path.dirname(tableFile), m[1]!);
    const file = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (!file) throw new Error(`module ${m[1]} not found`);
    const src = parse(file);
    const init = constInitializer(src, m[2]!);
    if (!init) throw new Error(`${m[2]} not found in ${file}`);
    groups.set(name, { routed: [], table: [...keysOf(src, init)].sort() });
  }
  const lazyObj = strip(resolveConst(table, 'LAZY_SCREENS').init);
  if (!ts.isObjectLiteralExpression(lazyObj)) throw new Error('LAZY_SCREENS is not an object literal');
  for (const p of lazyObj.properties) {
    const id = propertyName(p);
    if (!id || !ts.isPropertyAssignment(p) || !ts.isStringLiteral(p.initializer)) throw new Error('unexpected LAZY_SCREENS entry');
    const g = groups.get(p.initializer.text);
    if (!g) throw new Error(`route ${id} names unknown group ${p.initializer.text}`);
    g.routed.push(id);
  }
  for (const g of groups.values()) g.routed.sort();
  return groups;
}

/** Screen ids of the menu, in menu order. */
export function appMenuIds(): string[] {
  const ids: string[] = [];
  const items = (src: ts.SourceFile, e: ts.Expression): void => {
    const x = strip(e);
    if (ts.isStringLiteral(x)) ids.push(x.text);
    else if (ts.isArrayLiteralExpression(x)) for (const el of x.elements) items(src, el);
    else if (ts.isIdentifier(x)) {
      const r = resolveConst(src, x.text);
      items(r.src, r.init);
    } else if (ts.isObjectLiteralExpression(x)) {
      const p = x.properties.find((q) => propertyName(q) === 'items');
      if (!p || !ts.isPropertyAssignment(p)) throw new Error('menu group without items');
      items(src, p.initializer);
    } else throw new Error(`unexpected menu element: ${x.getText(src)}`);
  };
  const app = parse(appFile);
  items(app, resolveConst(app, 'MENU').init);
  return ids;
}

/**
 * The menu label of every screen in one language (`nav.<id>` of renderer/src/i18n and every screen
 * folder): what a lesson's {{screen:<id>}} becomes.
 */
export function navLabels(lang: 'nl' | 'en'): Map<string, string> {
  const labels = new Map<string, string>();
  const screens = path.join(root, 'renderer', 'src', 'screens');
  const files = [path.join(root, 'renderer', 'src', 'i18n', `${lang}.json`), ...fs.readdirSync(screens).map((d) => path.join(screens, d, `${lang}.json`))];
  for (const f of files.filter((x) => fs.existsSync(x))) {
    const nav = (JSON.parse(fs.readFileSync(f, 'utf8')) as { nav?: Record<string, unknown> }).nav ?? {};
    for (const [k, v] of Object.entries(nav)) if (typeof v === 'string') labels.set(k, v);
  }
  return labels;
}
