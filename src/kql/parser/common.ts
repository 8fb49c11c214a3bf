// Pieces shared by many operators: `name = expr` items, operator parameters
// (`kind=inner`, `hint.strategy=shuffle`), sort items, column patterns and types.
import type {
  ColumnDecl,
  ColumnPattern,
  Expr,
  Ident,
  NamedExpr,
  OpParam,
  ScalarTypeRef,
  SortItem,
  TabularTypeRef,
  TypeRef,
} from '../ast.js';
import { BAD_TYPE, MISSING } from '../diagnostics/syntax-codes.js';
import { TYPE_ALIASES } from '../types.js';
import { describe, type Parser } from './core.js';
import { parseExpr, parsePipeExpr, parseUnaryExpr } from './expressions.js';
import { atName, parseName } from './literals.js';

/** `[name =] expr`, `(a, b) = expr`. */
export function parseNamedExpr(p: Parser, pipes = false): NamedExpr {
  const start = p.tok.start;
  const names: Ident[] = [];
  if (atName(p) && p.atAt(p.at('[') ? 3 : 1, '=')) {
    names.push(parseName(p));
    p.next();
  } else if (p.at('(') && isTupleTarget(p)) {
    p.next();
    do names.push(parseName(p));
    while (p.eat(','));
    p.expect(')');
    p.expect('=');
  }
  const expr = pipes ? parsePipeExpr(p) : parseExpr(p);
  return { kind: 'NamedExpr', names, expr, span: p.span(start) };
}

/** Lookahead for `(a, b, ...) =` without consuming. */
function isTupleTarget(p: Parser): boolean {
  let k = 1;
  for (;;) {
    const t = p.peek(k);
    if (t.kind === 'ident') k++;
    else if (t.text === '[' && p.peek(k + 1).kind === 'string' && p.peek(k + 2).text === ']') k += 3;
    else return false;
    const sep = p.peek(k);
    if (sep.text === ')' && sep.kind === 'punct') return p.peek(k + 1).text === '=' && p.peek(k + 1).kind === 'punct';
    if (sep.text !== ',' || sep.kind !== 'punct') return false;
    k++;
  }
}

export function parseNamedExprList(p: Parser): NamedExpr[] {
  const items: NamedExpr[] = [];
  do items.push(parseNamedExpr(p));
  while (p.eat(','));
  return items;
}

/** True at `word =` where `word` is a parameter this operator accepts, or at `hint.x =`. */
export function atOpParam(p: Parser, names: ReadonlySet<string>): boolean {
  const t = p.tok;
  if (t.kind !== 'ident') return false;
  if (t.text === 'hint' && p.atAt(1, '.') && p.peek(2).kind === 'ident' && p.atAt(3, '=')) return true;
  return names.has(t.text) && p.atAt(1, '=');
}

export function parseOpParams(p: Parser, names: ReadonlySet<string>): OpParam[] {
  const out: OpParam[] = [];
  while (atOpParam(p, names)) out.push(parseOpParam(p));
  return out;
}

export function parseOpParam(p: Parser): OpParam {
  const start = p.tok.start;
  let name = p.next().text;
  while (p.eat('.')) name += `.${p.next().text}`;
  p.expect('=');
  const value = parseParamValue(p);
  return { kind: 'OpParam', name, value, span: p.span(start) };
}

/** Parameter values are single terms: a word (never a call: `kind=inner (T)`), or a literal. */
export function parseParamValue(p: Parser): Expr {
  const t = p.tok;
  if (t.kind === 'ident') {
    if (t.text === 'true' || t.text === 'false') {
      p.next();
      return {
        kind: 'Literal',
        type: 'bool',
        value: t.text === 'true',
        raw: t.text,
        span: { start: t.start, end: t.end },
      };
    }
    const name = parseName(p);
    return { kind: 'NameRef', name, span: name.span };
  }
  return parseUnaryExpr(p);
}

export function parseSortItem(p: Parser): SortItem {
  const start = p.tok.start;
  const expr = parseExpr(p);
  let direction: 'asc' | 'desc' | null = null;
  let nulls: 'first' | 'last' | null = null;
  if (p.at('asc') || p.at('desc')) direction = p.next().text === 'asc' ? 'asc' : 'desc';
  if (p.at('nulls') && (p.atAt(1, 'first') || p.atAt(1, 'last'))) {
    p.next();
    nulls = p.next().text === 'first' ? 'first' : 'last';
  }
  return { kind: 'SortItem', expr, direction, nulls, span: p.span(start) };
}

export function parseSortList(p: Parser): SortItem[] {
  const items: SortItem[] = [];
  do items.push(parseSortItem(p));
  while (p.eat(','));
  return items;
}

/** A column name or wildcard pattern: `Initiating*`, `*Id`, `['a b']`, `a*b*`. */
export function parseColumnPattern(p: Parser): ColumnPattern {
  const start = p.tok.start;
  let pattern = '';
  let any = false;
  if (p.at('[') && atName(p)) {
    pattern = parseName(p).name;
    return { kind: 'ColumnPattern', pattern, span: p.span(start) };
  }
  // Adjacent words and stars with no whitespace between them form one pattern.
  for (;;) {
    const t = p.tok;
    if (any && t.spaceBefore) break;
    if (t.kind === 'ident' || (t.kind === 'punct' && t.text === '*') || (any && t.kind === 'number')) {
      pattern += t.text;
      p.next();
      any = true;
    } else break;
  }
  if (!any) {
    p.error(MISSING, { what: 'column name', found: describe(p.tok) }, p.errSpan());
  }
  return { kind: 'ColumnPattern', pattern, span: p.span(start) };
}

export function parseColumnPatternList(p: Parser): ColumnPattern[] {
  const out: ColumnPattern[] = [];
  do out.push(parseColumnPattern(p));
  while (p.eat(','));
  return out;
}

export function parseScalarType(p: Parser): ScalarTypeRef {
  const t = p.tok;
  if (t.kind === 'ident') {
    p.next();
    const name = TYPE_ALIASES[t.text];
    if (name === undefined) p.error(BAD_TYPE, { name: t.text }, { start: t.start, end: t.end });
    return { kind: 'ScalarTypeRef', name: name ?? 'dynamic', span: { start: t.start, end: t.end } };
  }
  p.error(MISSING, { what: 'type name', found: describe(t) }, p.errSpan());
  return { kind: 'ScalarTypeRef', name: 'dynamic', span: { start: t.start, end: t.start } };
}

/** `string`, or a tabular type `(*)`, `(a:string, b:long)`, `(a:string, *)`. */
export function parseTypeRef(p: Parser): TypeRef {
  if (!p.at('(')) return parseScalarType(p);
  const start = p.next().start;
  const columns: ColumnDecl[] = [];
  let star = false;
  if (!p.at(')')) {
    do {
      if (p.at('*')) {
        p.next();
        star = true;
      } else columns.push(parseColumnDecl(p));
    } while (p.eat(','));
  }
  p.expect(')');
  const t: TabularTypeRef = { kind: 'TabularTypeRef', columns, star, span: p.span(start) };
  return t;
}

export function parseColumnDecl(p: Parser): ColumnDecl {
  const start = p.tok.start;
  const name = parseName(p, 'column name');
  p.expect(':');
  const type = parseScalarType(p);
  return { kind: 'ColumnDecl', name, type, span: p.span(start) };
}

/** `(a:string, b:long)` as used by datatable, externaldata, parse-kv. */
export function parseColumnDeclList(p: Parser): ColumnDecl[] {
  const cols: ColumnDecl[] = [];
  p.expect('(');
  if (!p.at(')')) {
    do cols.push(parseColumnDecl(p));
    while (p.eat(','));
  }
  p.expect(')');
  return cols;
}

export function nameRefOf(name: Ident): Expr {
  return { kind: 'NameRef', name, span: name.span };
}
