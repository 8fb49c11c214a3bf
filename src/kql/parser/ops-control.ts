// Operators with nested bodies or their own mini-grammars: scan, partition, fork, facet,
// and the source operators range, search, find, datatable, externaldata.
import type {
  Datatable,
  Expr,
  ExternalData,
  FacetOp,
  FindOp,
  ForkOp,
  Ident,
  NamedExpr,
  Param,
  PartitionOp,
  RangeOp,
  ScanOp,
  ScanStep,
  SearchOp,
  Span,
} from '../ast.js';
import { isMissing, type Parser } from './core.js';
import { MISSING } from '../diagnostics/syntax-codes.js';
import { parseExpr, parseUnaryExpr } from './expressions.js';
import { parseName } from './literals.js';
import { parseColumnDeclList, parseNamedExprList, parseOpParams } from './common.js';
import { parseTableRef } from './ops-join.js';
import { parseParenParams, parseSubquery, parseSubqueryInner } from './ops-misc.js';
import { parseParam } from './statements.js';

export function parseScan(p: Parser, start: number): ScanOp {
  let matchId: Ident | null = null;
  const params = parseOpParams(p, new Set());
  if (p.at('with_match_id') && p.atAt(1, '=')) {
    p.next();
    p.next();
    matchId = parseName(p);
  }
  const declare: Param[] = [];
  if (p.eat('declare')) {
    p.expect('(');
    if (!p.at(')')) {
      do declare.push(parseParam(p));
      while (p.eat(','));
    }
    p.expect(')');
  }
  p.expect('with');
  p.expect('(');
  const steps: ScanStep[] = [];
  while (p.at('step')) {
    const s = p.next().start;
    const name = parseName(p, 'step name');
    let output: ScanStep['output'] = null;
    if (p.at('output') && p.atAt(1, '=')) {
      p.next();
      p.next();
      const o = p.next().text;
      output = o === 'all' || o === 'last' || o === 'none' ? o : null;
    }
    p.expect(':');
    const condition = parseExpr(p);
    let assignments: NamedExpr[] = [];
    if (p.eat('=>')) assignments = parseNamedExprList(p);
    p.expect(';');
    steps.push({ kind: 'ScanStep', name, output, condition, assignments, span: p.span(s) });
  }
  p.expect(')');
  return { kind: 'Scan', params, matchId, declare, steps, span: p.span(start) };
}

export function parsePartition(p: Parser, start: number): PartitionOp {
  const params = parseOpParams(p, new Set());
  p.expect('by');
  const by = parseName(p, 'column name');
  let body: Expr;
  if (p.at('{')) {
    const open = p.next().start;
    const inner = parseSubqueryInner(p, open);
    p.expect('}');
    body = { ...inner, span: p.span(open) };
  } else body = parseSubquery(p);
  return { kind: 'Partition', params, by, body, span: p.span(start) };
}

export function parseFork(p: Parser, start: number): ForkOp {
  const branches: { name: Ident | null; body: Expr; span: Span }[] = [];
  while (p.at('(') || (p.atWord() && p.atAt(1, '=') && p.atAt(2, '('))) {
    const s = p.tok.start;
    let name: Ident | null = null;
    if (p.atWord()) {
      name = parseName(p);
      p.next();
    }
    const body = parseSubquery(p);
    branches.push({ name, body, span: p.span(s) });
  }
  if (branches.length === 0) parseSubquery(p);
  return { kind: 'Fork', branches, span: p.span(start) };
}

export function parseFacet(p: Parser, start: number): FacetOp {
  p.expect('by');
  const columns: Ident[] = [];
  do columns.push(parseName(p, 'column name'));
  while (p.eat(','));
  const withBody = p.eat('with') ? parseSubquery(p) : null;
  return { kind: 'Facet', columns, with: withBody, span: p.span(start) };
}

export function parseRange(p: Parser, start: number): RangeOp {
  const column = parseName(p, 'column name');
  p.expect('from');
  const from = parseExpr(p);
  p.expect('to');
  const to = parseExpr(p);
  p.expect('step');
  const step = parseExpr(p);
  return { kind: 'Range', column, from, to, step, span: p.span(start) };
}

function parseInTables(p: Parser): Expr[] {
  const tables: Expr[] = [];
  if (p.at('in') && p.atAt(1, '(')) {
    p.next();
    p.next();
    do tables.push(parseTableRef(p));
    while (p.eat(','));
    p.expect(')');
  }
  return tables;
}

export function parseSearch(p: Parser, start: number): SearchOp {
  const params = parseOpParams(p, new Set(['kind']));
  const tables = parseInTables(p);
  const outer = p.searchColon;
  p.searchColon = true;
  try {
    return { kind: 'Search', params, tables, predicate: parseExpr(p), span: p.span(start) };
  } finally {
    p.searchColon = outer;
  }
}

export function parseFind(p: Parser, start: number): FindOp {
  const params = parseOpParams(p, new Set(['withsource']));
  const tables = parseInTables(p);
  p.expect('where');
  const predicate = parseExpr(p);
  let project: FindOp['project'] = null;
  if (p.at('project-smart') || (p.at('project') && p.atAt(1, '-') && p.atAt(2, 'smart'))) {
    while (!p.at('smart')) p.next();
    p.next();
    project = 'smart';
  } else if (p.eat('project')) project = parseNamedExprList(p);
  return { kind: 'Find', params, tables, predicate, project, span: p.span(start) };
}

export function parseDatatable(p: Parser, start: number): Datatable {
  parseOpParams(p, new Set());
  const columns = parseColumnDeclList(p);
  const values: Expr[] = [];
  p.expect('[');
  if (!p.at(']')) {
    do {
      if (p.at(']')) break;
      values.push(parseDatatableValue(p));
    } while (p.eat(','));
  }
  p.expect(']');
  return { kind: 'Datatable', columns, values, span: p.span(start) };
}

export function parseExternalData(p: Parser, start: number): ExternalData {
  const columns = parseColumnDeclList(p);
  const uris: Expr[] = [];
  p.expect('[');
  if (!p.at(']')) {
    do uris.push(parseExpr(p));
    while (p.eat(','));
  }
  p.expect(']');
  const params = p.eat('with') ? parseParenParams(p) : [];
  return { kind: 'ExternalData', columns, uris, params, span: p.span(start) };
}

/** Datatable cells are literals (optionally signed), not general expressions. */
function parseDatatableValue(p: Parser): Expr {
  const v = parseUnaryExpr(p);
  const inner = v.kind === 'Unary' ? v.operand : v;
  if (inner.kind !== 'Literal' && inner.kind !== 'DynamicLiteral' && !isMissing(inner)) {
    p.error(
      MISSING,
      { what: 'literal value', found: `'${p.text.slice(v.span.start, Math.min(v.span.end, v.span.start + 24))}'` },
      v.span,
    );
  }
  return v;
}
