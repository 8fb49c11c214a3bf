// Operators combining tables: join, lookup, union, as.
import type { AsOp, Expr, JoinOp, LookupOp, UnionOp } from '../ast.js';
import type { Parser } from './core.js';
import { parseExpr } from './expressions.js';
import { parseName } from './literals.js';
import { parseOpParams } from './common.js';

const JOIN_PARAMS: ReadonlySet<string> = new Set(['kind', 'withsource']);

export function parseJoin(p: Parser, start: number): JoinOp {
  const params = parseOpParams(p, JOIN_PARAMS);
  const right = parseExpr(p);
  let on: Expr[] = [];
  let where: Expr | null = null;
  // No `on` at all is accepted by Kusto's grammar (the join keys are then left to binding).
  if (p.eat('on')) on = parseExprList(p);
  else if (p.eat('where')) where = parseExpr(p);
  return { kind: 'Join', params, right, on, where, span: p.span(start) };
}

const LOOKUP_PARAMS: ReadonlySet<string> = new Set(['kind']);

export function parseLookup(p: Parser, start: number): LookupOp {
  const params = parseOpParams(p, LOOKUP_PARAMS);
  const right = parseExpr(p);
  p.expect('on');
  return { kind: 'Lookup', params, right, on: parseExprList(p), span: p.span(start) };
}

const UNION_PARAMS: ReadonlySet<string> = new Set(['kind', 'withsource', 'isfuzzy']);

export function parseUnion(p: Parser, start: number): UnionOp {
  const params = parseOpParams(p, UNION_PARAMS);
  const tables: Expr[] = [];
  do tables.push(parseTableRef(p));
  while (p.eat(','));
  return { kind: 'Union', params, tables, span: p.span(start) };
}

/** A table operand of union/search/find: a name, a wildcard pattern, or any expression. */
export function parseTableRef(p: Parser): Expr {
  const t = p.tok;
  if (t.kind === 'ident' || (t.kind === 'punct' && t.text === '*')) {
    // Wildcards: adjacent words and stars with no whitespace, e.g. `Device*Events`.
    let k = 0;
    let text = '';
    let star = false;
    for (;;) {
      const u = p.peek(k);
      if (k > 0 && u.spaceBefore) break;
      if (u.kind === 'ident' || (u.kind === 'punct' && u.text === '*')) {
        if (u.text === '*') star = true;
        text += u.text;
        k++;
      } else break;
    }
    if (star) {
      for (let i = 0; i < k; i++) p.next();
      const span = p.span(t.start);
      return { kind: 'NameRef', name: { kind: 'Ident', name: text, quoted: false, span }, span };
    }
  }
  return parseExpr(p);
}

function parseExprList(p: Parser): Expr[] {
  const out: Expr[] = [];
  do out.push(parseExpr(p));
  while (p.eat(','));
  return out;
}

export function parseAs(p: Parser, start: number): AsOp {
  const params = parseOpParams(p, new Set());
  return { kind: 'As', params, name: parseName(p, 'name'), span: p.span(start) };
}
