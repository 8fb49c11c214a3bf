// Scalar (and pipe) expressions by precedence climbing. Levels, loosest first:
//   or < and < equality/string/list/between < relational < additive < multiplicative < unary < postfix
// A pipe expression `e | op | op` is an expression too (see ast.ts), but pipes are
// only consumed by parsePipeExpr, so `where a == b | project c` stops at the `|`.
import type { BinaryOp, Call, Expr, Ident, ListOp, Operator, Pipeline } from '../ast.js';
import {
  INCOMPLETE_FRAGMENT,
  KEYWORD_AS_NAME,
  MISSING,
  TOO_DEEP,
  UNSUPPORTED_CALL_CHAIN,
} from '../diagnostics/syntax-codes.js';
import { describe, PIPE_STOPS, type Parser } from './core.js';
import {
  atName,
  parseDynamicLiteral,
  parseName,
  parseNumberLiteral,
  parseStringLiteral,
  parseTimespanLiteral,
  parseTypedLiteral,
} from './literals.js';
import { parseHeadOperator, parseOperator } from './operators.js';

const EQUALITY_OPS: ReadonlySet<string> = new Set([
  '==',
  '!=',
  '<>',
  '=~',
  '!~',
  'has',
  '!has',
  'has_cs',
  '!has_cs',
  'hasprefix',
  '!hasprefix',
  'hasprefix_cs',
  '!hasprefix_cs',
  'hassuffix',
  '!hassuffix',
  'hassuffix_cs',
  '!hassuffix_cs',
  'contains',
  '!contains',
  'contains_cs',
  '!contains_cs',
  'startswith',
  '!startswith',
  'startswith_cs',
  '!startswith_cs',
  'endswith',
  '!endswith',
  'endswith_cs',
  '!endswith_cs',
  'like',
  'notlike',
  'likecs',
  'notlikecs',
]);
/** Old spellings Kusto still accepts, normalised to the documented operator. */
const LEGACY_OPS: ReadonlyMap<string, BinaryOp> = new Map<string, BinaryOp>([
  ['notcontains', '!contains'],
  ['containscs', 'contains_cs'],
  ['notcontainscs', '!contains_cs'],
]);
const LIST_OPS: ReadonlySet<string> = new Set([
  'in',
  '!in',
  'in~',
  '!in~',
  'has_any',
  'has_all',
  'has_any_cs',
  'has_all_cs',
]);
/** Type keywords that have no literal form; `boolean(x)` is an error in Kusto. */
const TYPE_KEYWORDS: ReadonlySet<string> = new Set(['boolean', 'float', 'string', 'uuid', 'uniqueid']);
const RELATIONAL_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** Words that end an expression rather than name a column. */
const NOT_A_NAME: ReadonlySet<string> = new Set(['and', 'or', 'by', 'on', 'with', 'let', 'of', 'asc', 'desc']);

/** An expression followed by any number of `| operator`. */
export function parsePipeExpr(p: Parser): Expr {
  const start = p.tok.start;
  const first = parseExpr(p);
  if (!p.at('|')) return first;
  let source: Expr | null = first;
  const ops: Operator[] = [];
  // A bare Pipeline here came from a source-less head operator (print, union, ...): extend it.
  if (first.kind === 'Pipeline') {
    source = first.source;
    ops.push(...first.ops);
  }
  parsePipeTail(p, ops);
  return { kind: 'Pipeline', source, ops, span: p.span(start) };
}

/** `| op` repeated; also used by subquery bodies that start with an operator. */
export function parsePipeTail(p: Parser, ops: Operator[]): void {
  while (p.eat('|')) {
    const op = parseOperator(p);
    if (op !== null) ops.push(op);
    if (!p.at('|') && !p.at(';') && !p.at(')') && !p.at('}') && !p.atEof()) {
      const hint = p.at('=') ? 'did you mean `==`?' : 'missing `|` or `;`?';
      p.error(INCOMPLETE_FRAGMENT, { text: describe(p.tok) }, p.errSpan(), hint);
      p.syncTo(PIPE_STOPS);
    }
  }
}

export function parseExpr(p: Parser): Expr {
  return parseOr(p);
}

function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'Binary', op, left, right, span: { start: left.span.start, end: right.span.end } };
}

function parseOr(p: Parser): Expr {
  let left = parseAnd(p);
  while (p.at('or')) {
    p.next();
    left = binary('or', left, parseAnd(p));
  }
  return left;
}

function parseAnd(p: Parser): Expr {
  let left = parseEquality(p);
  while (p.at('and')) {
    p.next();
    left = binary('and', left, parseEquality(p));
  }
  return left;
}

function parseEquality(p: Parser): Expr {
  let left = parseRelational(p);
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'punct' && t.kind !== 'ident') return left;
    const op = t.text;
    if (EQUALITY_OPS.has(op) || LEGACY_OPS.has(op)) {
      p.next();
      left = binary(LEGACY_OPS.get(op) ?? (op as BinaryOp), left, parseRelational(p));
    } else if (op === ':' && p.searchColon) {
      p.next();
      left = binary('has', left, parseRelational(p));
    } else if (op === 'matches' && p.atAt(1, 'regex')) {
      p.next();
      p.next();
      left = binary('matches regex', left, parseRelational(p));
    } else if (LIST_OPS.has(op) && !(op === 'in' && p.atAt(1, 'range'))) {
      // `in range(...)` belongs to make-series, not to an `in` list.
      p.next();
      left = parseList(p, op as ListOp, left);
    } else if (op === 'between' || op === '!between') {
      p.next();
      left = parseBetween(p, op === '!between', left);
    } else return left;
  }
}

function parseList(p: Parser, op: ListOp, left: Expr): Expr {
  const values: Expr[] = [];
  if (p.expect('(') !== null) {
    do values.push(parsePipeExpr(p));
    while (p.eat(','));
    p.expect(')');
  } else {
    values.push(p.missingExpr('value list'));
  }
  return { kind: 'InExpr', op, left, values, span: p.span(left.span.start) };
}

function parseBetween(p: Parser, negated: boolean, left: Expr): Expr {
  p.expect('(');
  const low = parseExpr(p);
  p.expect('..');
  const high = parseExpr(p);
  p.expect(')');
  return { kind: 'BetweenExpr', negated, left, low, high, span: p.span(left.span.start) };
}

function parseRelational(p: Parser): Expr {
  let left = parseAdditive(p);
  while (p.tok.kind === 'punct' && RELATIONAL_OPS.has(p.tok.text)) {
    const op = p.next().text as BinaryOp;
    left = binary(op, left, parseAdditive(p));
  }
  return left;
}

function parseAdditive(p: Parser): Expr {
  let left = parseMultiplicative(p);
  while (p.tok.kind === 'punct' && (p.tok.text === '+' || p.tok.text === '-')) {
    const op = p.next().text as BinaryOp;
    left = binary(op, left, parseMultiplicative(p));
  }
  return left;
}

function parseMultiplicative(p: Parser): Expr {
  let left = parseUnary(p);
  while (p.tok.kind === 'punct' && (p.tok.text === '*' || p.tok.text === '/' || p.tok.text === '%')) {
    const op = p.next().text as BinaryOp;
    left = binary(op, left, parseUnary(p));
  }
  return left;
}

export function parseUnaryExpr(p: Parser): Expr {
  return parseUnary(p);
}

const MAX_DEPTH = 200;

function parseUnary(p: Parser): Expr {
  if (p.depth >= MAX_DEPTH) {
    p.error(TOO_DEEP, { limit: MAX_DEPTH }, p.errSpan());
    p.syncTo(PIPE_STOPS);
    return p.missingExpr();
  }
  p.depth++;
  try {
    return parseUnaryInner(p);
  } finally {
    p.depth--;
  }
}

function parseUnaryInner(p: Parser): Expr {
  if (p.at('-') || p.at('+')) {
    const t = p.next();
    const operand = parseUnary(p);
    return { kind: 'Unary', op: t.text === '-' ? '-' : '+', operand, span: p.span(t.start) };
  }
  return parsePostfix(p, parsePrimary(p));
}

export function parsePostfix(p: Parser, target: Expr): Expr {
  let e = target;
  for (;;) {
    if (p.at('.') && (p.peek().kind === 'ident' || (p.atAt(1, '[') && p.peek(2).kind === 'string'))) {
      p.next();
      const member = parseName(p);
      if (p.at('(') && !member.quoted) {
        // `cluster("c").database("d")`: the tree has no node for a call on a value, so say so
        // rather than drop the arguments. (`database("d").T` is a plain member access.)
        p.error(UNSUPPORTED_CALL_CHAIN, { name: member.name }, member.span);
        parseCallArgs(p, member);
      }
      e = { kind: 'MemberAccess', target: e, member, span: p.span(e.span.start) };
    } else if (p.at('[') || (p.at('.') && p.atAt(1, '['))) {
      // `a[i]`, and the rarer `a.[i]` which Kusto treats the same way.
      p.eat('.');
      p.next();
      const index = parseExpr(p);
      p.expect(']');
      e = { kind: 'IndexAccess', target: e, index, span: p.span(e.span.start) };
    } else return e;
  }
}

/** Arguments of `name(...)`; the current token is `(`. */
export function parseCallArgs(p: Parser, callee: Ident): Call {
  p.expect('(');
  const args: Expr[] = [];
  // Only these take a bare pipeline argument; elsewhere a tabular argument needs its own parentheses.
  const pipes = !callee.quoted && (callee.name === 'toscalar' || callee.name === 'materialize');
  if (!p.at(')')) {
    do args.push(parseArg(p, pipes));
    while (p.eat(','));
  }
  p.expect(')');
  return { kind: 'Call', callee, args, span: p.span(callee.span.start) };
}

export function parseArg(p: Parser, pipes = false): Expr {
  if (p.at('*') && (p.atAt(1, ',') || p.atAt(1, ')'))) {
    const t = p.next();
    return { kind: 'Star', span: { start: t.start, end: t.end } };
  }
  if (atName(p) && p.atAt(p.at('[') ? 3 : 1, '=')) {
    const name = parseName(p);
    p.next();
    const value = pipes ? parsePipeExpr(p) : parseExpr(p);
    return { kind: 'NamedArg', name, value, span: p.span(name.span.start) };
  }
  return pipes ? parsePipeExpr(p) : parseExpr(p);
}

function parsePrimary(p: Parser): Expr {
  const t = p.tok;
  switch (t.kind) {
    case 'string':
      return parseStringLiteral(p);
    case 'number':
      return parseNumberLiteral(p);
    case 'timespan':
      return parseTimespanLiteral(p);
    case 'typed':
      return parseTypedLiteral(p);
    case 'ident':
      return parseWord(p);
    case 'punct':
      break;
    default:
      return p.missingExpr();
  }
  if (t.text === '(') {
    p.next();
    const inner = parsePipeExpr(p);
    p.expect(')');
    return { kind: 'Paren', expr: inner, span: p.span(t.start) };
  }
  if (t.text === '[' && atName(p)) {
    const name = parseName(p);
    return { kind: 'NameRef', name, span: name.span };
  }
  if (t.text === '*') {
    p.next();
    return { kind: 'Star', span: { start: t.start, end: t.end } };
  }
  return p.missingExpr();
}

function parseWord(p: Parser): Expr {
  const t = p.tok;
  const w = t.text;
  if (w === 'true' || w === 'false') {
    p.next();
    return { kind: 'Literal', type: 'bool', value: w === 'true', raw: w, span: { start: t.start, end: t.end } };
  }
  if (w === 'dynamic' && p.atAt(1, '(')) return parseDynamicLiteral(p);
  if ((w === '$left' || w === '$right') && p.atAt(1, '.')) {
    p.next();
    p.next();
    const name = parseName(p, 'column name');
    return { kind: 'JoinSideRef', side: w === '$left' ? 'left' : 'right', name, span: p.span(t.start) };
  }
  const head = parseHeadOperator(p);
  if (head !== null) return head;
  // Operator words (`has`, `!has`, `in~`, `between`) and `dynamic` without `(` are never bare names.
  if (
    NOT_A_NAME.has(w) ||
    EQUALITY_OPS.has(w) ||
    LIST_OPS.has(w) ||
    w === 'between' ||
    w === 'dynamic' ||
    w.startsWith('!') ||
    w.endsWith('~')
  ) {
    return p.missingExpr();
  }
  if (TYPE_KEYWORDS.has(w) && p.atAt(1, '(')) {
    p.error(
      KEYWORD_AS_NAME,
      { name: w },
      p.errSpan(),
      `type names are not functions; use a literal such as ${w === 'string' ? "'text'" : 'bool(true)'} or a conversion such as to${w === 'boolean' ? 'bool' : w}()`,
    );
  }
  const name = parseName(p);
  if (p.at('(')) return parseCallArgs(p, name);
  return { kind: 'NameRef', name, span: name.span };
}

/** Wraps a source-less operator as a one-operator pipeline. */
export function headPipeline(op: Operator): Pipeline {
  return { kind: 'Pipeline', source: null, ops: [op], span: op.span };
}

export function reportMissing(p: Parser, what: string): void {
  p.error(MISSING, { what, found: describe(p.tok) }, p.errSpan());
}
