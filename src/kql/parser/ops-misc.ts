// Filtering, expansion, text parsing and plugin operators: where, mv-expand, mv-apply,
// parse/parse-where, parse-kv, render, evaluate, invoke, sample(-distinct), consume, reduce.
import type {
  ConsumeOp,
  EvaluateOp,
  Expr,
  Ident,
  InvokeOp,
  MvApplyOp,
  MvExpandItem,
  MvExpandOp,
  OpParam,
  ParseKvOp,
  ParseOp,
  ParsePatternPart,
  ReduceOp,
  RenderOp,
  SampleDistinctOp,
  SampleOp,
  ScalarTypeRef,
  UnmodeledOp,
  WhereOp,
} from '../ast.js';
import { MISSING, UNEXPECTED_TOKEN } from '../diagnostics/syntax-codes.js';
import { describe, type Parser } from './core.js';
import { parseCallArgs, parseExpr, parsePipeExpr, parsePipeTail } from './expressions.js';
import { atName, parseName, parseStringLiteral } from './literals.js';
import {
  atOpParam,
  parseColumnDeclList,
  parseNamedExpr,
  parseOpParam,
  parseOpParams,
  parseParamValue,
  parseScalarType,
  parseTypeRef,
} from './common.js';
import { peekOperatorName, parseOperator } from './operators.js';
import { OPERATOR_PARSERS } from './operator-table.js';
import type { Operator } from '../ast.js';

const NONE: ReadonlySet<string> = new Set();

export function parseWhere(p: Parser, start: number): WhereOp {
  const params = parseOpParams(p, NONE);
  return { kind: 'Where', params, predicate: parseExpr(p), span: p.span(start) };
}

const MV_EXPAND_PARAMS: ReadonlySet<string> = new Set(['bagexpansion', 'with_itemindex', 'kind']);

function parseMvItems(p: Parser): MvExpandItem[] {
  const items: MvExpandItem[] = [];
  do {
    const s = p.tok.start;
    const named = parseNamedExpr(p);
    let toType: ScalarTypeRef | null = null;
    if (p.at('to') && p.atAt(1, 'typeof')) {
      p.next();
      p.next();
      p.expect('(');
      toType = parseScalarType(p);
      p.expect(')');
    }
    const name: Ident | null = named.names[0] ?? null;
    items.push({ kind: 'MvExpandItem', name, expr: named.expr, toType, span: p.span(s) });
  } while (p.eat(','));
  return items;
}

export function parseMvExpand(p: Parser, start: number): MvExpandOp {
  const params = parseOpParams(p, MV_EXPAND_PARAMS);
  const items = parseMvItems(p);
  const limit = p.eat('limit') ? parseExpr(p) : null;
  return { kind: 'MvExpand', params, items, limit, span: p.span(start) };
}

export function parseMvApply(p: Parser, start: number): MvApplyOp {
  const params = parseOpParams(p, MV_EXPAND_PARAMS);
  const items = parseMvItems(p);
  const limit = p.eat('limit') ? parseExpr(p) : null;
  let id: Ident | null = null;
  if (p.at('id') && p.atAt(1, '=')) {
    p.next();
    p.next();
    id = parseName(p);
  }
  p.expect('on');
  const body = parseSubquery(p);
  return { kind: 'MvApply', params, items, limit, id, body, span: p.span(start) };
}

/**
 * `( ops )` whose input is implicit (mv-apply, partition, fork, facet): a Pipeline with
 * a null source when it starts with an operator, else an ordinary (parenthesised) expression.
 */
export function parseSubquery(p: Parser): Expr {
  const open = p.tok;
  if (p.expect('(') === null) return p.missingExpr('subquery');
  const body = parseSubqueryInner(p, open.start);
  p.expect(')');
  return { ...body, span: p.span(open.start) };
}

export function parseSubqueryInner(p: Parser, start: number): Expr {
  const name = peekOperatorName(p);
  if (name !== null && OPERATOR_PARSERS.has(name.name) && !p.atAt(1, '|')) {
    const ops: Operator[] = [];
    const first = parseOperator(p);
    if (first !== null) ops.push(first);
    parsePipeTail(p, ops);
    return { kind: 'Pipeline', source: null, ops, span: p.span(start) };
  }
  return parsePipeExpr(p);
}

const PARSE_PARAMS: ReadonlySet<string> = new Set(['kind', 'flags']);

export function parseParse(p: Parser, start: number, where: boolean): ParseOp {
  const params = parseOpParams(p, PARSE_PARAMS);
  const input = parseExpr(p);
  p.expect('with');
  const pattern: ParsePatternPart[] = [];
  for (;;) {
    const t = p.tok;
    if (t.kind === 'string') {
      const text = parseStringLiteral(p);
      pattern.push({ kind: 'ParseText', text, span: text.span });
    } else if (p.at('*')) {
      p.next();
      pattern.push({ kind: 'ParseStar', span: { start: t.start, end: t.end } });
    } else if (atName(p) && !atOpParam(p, PARSE_PARAMS)) {
      const name = parseName(p);
      const type = p.eat(':') ? parseScalarType(p) : null;
      pattern.push({ kind: 'ParseColumn', name, type, span: p.span(t.start) });
    } else break;
  }
  return { kind: 'Parse', where, params, input, pattern, span: p.span(start) };
}

export function parseParseKv(p: Parser, start: number): ParseKvOp {
  const input = parseExpr(p);
  p.expect('as');
  const columns = parseColumnDeclList(p);
  const options = p.eat('with') ? parseParenParams(p) : [];
  return { kind: 'ParseKv', input, columns, options, span: p.span(start) };
}

/** `( name = value, ... )`. */
export function parseParenParams(p: Parser): OpParam[] {
  const out: OpParam[] = [];
  p.expect('(');
  if (!p.at(')')) {
    do {
      if (p.tok.kind !== 'ident') {
        p.error(MISSING, { what: 'property name', found: describe(p.tok) }, p.errSpan());
        break;
      }
      const first = parseOpParam(p);
      out.push(first);
      // `ycolumns=a, b`: further bare names are more values of the same property.
      while (p.at(',') && p.peek().kind === 'ident' && !p.atAt(2, '=')) {
        p.next();
        const value = parseParamValue(p);
        out.push({ kind: 'OpParam', name: first.name, value, span: value.span });
      }
    } while (p.eat(','));
  }
  p.expect(')');
  return out;
}

export function parseRender(p: Parser, start: number): RenderOp {
  const chart = parseName(p, 'chart type');
  const props: OpParam[] = [];
  // Legacy form: `render timechart kind=stacked title="x"` before or instead of `with (...)`.
  while (p.tok.kind === 'ident' && p.atAt(1, '=')) props.push(parseOpParam(p));
  if (p.eat('with')) props.push(...parseParenParams(p));
  return { kind: 'Render', chart, with: props, span: p.span(start) };
}

export function parseEvaluate(p: Parser, start: number): EvaluateOp {
  const params = parseOpParams(p, NONE);
  const callee = parseName(p, 'plugin name');
  const plugin = parseCallArgs(p, callee);
  if (p.at(':') && p.atAt(1, '(')) {
    p.next();
    const schema = parseTypeRef(p);
    if (schema.kind === 'TabularTypeRef') return { kind: 'Evaluate', params, plugin, schema, span: p.span(start) };
  }
  return { kind: 'Evaluate', params, plugin, span: p.span(start) };
}

export function parseInvoke(p: Parser, start: number): InvokeOp {
  const callee = parseName(p, 'function name');
  const call = parseCallArgs(p, callee);
  return { kind: 'Invoke', call, span: p.span(start) };
}

export function parseSample(p: Parser, start: number): SampleOp {
  return { kind: 'Sample', count: parseExpr(p), span: p.span(start) };
}

export function parseSampleDistinct(p: Parser, start: number): SampleDistinctOp {
  const count = parseExpr(p);
  p.expect('of');
  return { kind: 'SampleDistinct', count, of: parseExpr(p), span: p.span(start) };
}

export function parseConsume(p: Parser, start: number): ConsumeOp {
  return { kind: 'Consume', params: parseOpParams(p, new Set(['decodeblocks'])), span: p.span(start) };
}

export function parseReduce(p: Parser, start: number): ReduceOp {
  const params = parseOpParams(p, new Set(['kind']));
  p.expect('by');
  const by = parseExpr(p);
  const withParams: OpParam[] = [];
  if (p.eat('with')) {
    do withParams.push(parseOpParam(p));
    while (p.eat(','));
  }
  return { kind: 'Reduce', params, by, with: withParams, span: p.span(start) };
}

/**
 * Operators kept as token text (see UnmodeledOp): brackets must balance and the
 * operator ends at `|`, `;` or an unmatched closer, like any other.
 */
export function parseUnmodeled(p: Parser, start: number, name: string): UnmodeledOp {
  let text = '';
  const stack: string[] = [];
  while (!p.atEof()) {
    const t = p.tok;
    if (t.kind === 'punct') {
      if (
        stack.length === 0 &&
        (t.text === '|' || t.text === ';' || t.text === ')' || t.text === '}' || t.text === ']')
      )
        break;
      if (t.text === '(' || t.text === '[' || t.text === '{')
        stack.push(t.text === '(' ? ')' : t.text === '[' ? ']' : '}');
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (stack[stack.length - 1] !== t.text) {
          p.error(UNEXPECTED_TOKEN, { text: describe(t) }, p.errSpan());
          break;
        }
        stack.pop();
      }
    }
    text += (text !== '' && t.spaceBefore ? ' ' : '') + t.text;
    p.next();
  }
  if (stack.length > 0) p.expect(stack[stack.length - 1] ?? ')');
  if (text === '' && name !== 'graph-mark-components')
    p.error(MISSING, { what: `${name} arguments`, found: describe(p.tok) }, p.errSpan());
  return { kind: 'Unmodeled', name, text, span: p.span(start) };
}
