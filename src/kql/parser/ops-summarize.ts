// Aggregating and ordering operators: summarize, sort/order, top, top-nested, top-hitters, make-series.
import type {
  Expr,
  MakeSeriesAggregate,
  MakeSeriesOp,
  NamedExpr,
  SortOp,
  SummarizeOp,
  TopHittersOp,
  TopNestedLevel,
  TopNestedOp,
  TopOp,
} from '../ast.js';
import type { Parser } from './core.js';
import { parseArg, parseExpr } from './expressions.js';
import { parseNamedExpr, parseNamedExprList, parseOpParams, parseSortItem, parseSortList } from './common.js';

const HINTS_ONLY: ReadonlySet<string> = new Set();

export function parseSummarize(p: Parser, start: number): SummarizeOp {
  const params = parseOpParams(p, HINTS_ONLY);
  const aggregates = p.at('by') || atOpEnd(p) ? [] : parseNamedExprList(p);
  let by: NamedExpr[] = [];
  if (p.eat('by')) by = parseNamedExprList(p);
  return { kind: 'Summarize', params, aggregates, by, span: p.span(start) };
}

export function parseSort(p: Parser, start: number): SortOp {
  const params = parseOpParams(p, HINTS_ONLY);
  p.expect('by');
  return { kind: 'Sort', params, items: parseSortList(p), span: p.span(start) };
}

export function parseTop(p: Parser, start: number): TopOp {
  const count = parseExpr(p);
  p.expect('by');
  return { kind: 'Top', count, by: parseSortItem(p), span: p.span(start) };
}

export function parseTopNested(p: Parser, start: number): TopNestedOp {
  const levels: TopNestedLevel[] = [];
  do {
    const s = p.tok.start;
    const count = p.at('of') ? null : parseExpr(p);
    p.expect('of');
    const of = parseNamedExpr(p);
    let withOthers: Expr | null = null;
    if (p.at('with') && p.atAt(1, 'others')) {
      p.next();
      p.next();
      p.expect('=');
      withOthers = parseExpr(p);
    }
    p.expect('by');
    const by = parseNamedExpr(p);
    let direction: 'asc' | 'desc' | null = null;
    if (p.at('asc') || p.at('desc')) direction = p.next().text === 'asc' ? 'asc' : 'desc';
    levels.push({ kind: 'TopNestedLevel', count, of, withOthers, by, direction, span: p.span(s) });
  } while (p.eat(',') && expectTopNested(p));
  return { kind: 'TopNested', levels, span: p.span(start) };
}

export function parseTopHitters(p: Parser, start: number): TopHittersOp {
  const count = parseExpr(p);
  p.expect('of');
  const of = parseExpr(p);
  const by = p.eat('by') ? parseExpr(p) : null;
  return { kind: 'TopHitters', count, of, by, span: p.span(start) };
}

const MAKE_SERIES_PARAMS: ReadonlySet<string> = new Set(['kind']);

export function parseMakeSeries(p: Parser, start: number): MakeSeriesOp {
  const params = parseOpParams(p, MAKE_SERIES_PARAMS);
  const aggregates: MakeSeriesAggregate[] = [];
  do {
    const s = p.tok.start;
    const item = parseNamedExpr(p);
    let defaultValue: Expr | null = null;
    if (p.at('default') && p.atAt(1, '=')) {
      p.next();
      p.next();
      defaultValue = parseExpr(p);
    }
    aggregates.push({ kind: 'MakeSeriesAggregate', item, defaultValue, span: p.span(s) });
  } while (p.eat(','));
  p.expect('on');
  const on = parseExpr(p);
  let from: Expr | null = null;
  let to: Expr | null = null;
  let step: Expr;
  let inRange = false;
  if (p.at('in') && p.atAt(1, 'range')) {
    p.next();
    p.next();
    inRange = true;
    p.expect('(');
    from = parseArg(p);
    p.expect(',');
    to = parseArg(p);
    p.expect(',');
    step = parseArg(p);
    p.expect(')');
  } else {
    if (p.eat('from')) from = parseExpr(p);
    if (p.eat('to')) to = parseExpr(p);
    p.expect('step');
    step = parseExpr(p);
  }
  const by = p.eat('by') ? parseNamedExprList(p) : [];
  return { kind: 'MakeSeries', params, aggregates, on, from, to, step, inRange, by, span: p.span(start) };
}

function atOpEnd(p: Parser): boolean {
  return p.atEof() || p.at('|') || p.at(';') || p.at(')');
}

/** Each level after the first repeats the operator name: `, top-nested 2 of x by y`. */
function expectTopNested(p: Parser): boolean {
  if (p.at('top') && p.atAt(1, '-') && p.atAt(2, 'nested')) {
    p.next();
    p.next();
    p.next();
  } else p.expect('top-nested');
  return true;
}
