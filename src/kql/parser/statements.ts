// Statements and the query as a whole: `let`, `set`, `declare`, expression statements,
// separated by `;`. Recovery resumes at the next `;`, so one bad statement does not hide
// errors (or a usable tree) in the others.
import type { Expr, FunctionDef, Ident, Param, PatternDefinition, PatternRule, Query, Statement } from '../ast.js';
import { EXPECTED_TOKEN, INCOMPLETE_FRAGMENT } from '../diagnostics/syntax-codes.js';
import { describe, type Parser } from './core.js';
import { parseExpr, parsePipeExpr } from './expressions.js';
import { parseName } from './literals.js';
import { parseTypeRef } from './common.js';

const STATEMENT_STOPS: ReadonlySet<string> = new Set([';']);

export function parseQuery(p: Parser): Query {
  const statements = parseStatements(p, false);
  return { kind: 'Query', statements, span: { start: 0, end: p.text.length } };
}

/** Statements up to EOF (or `}` in a function body). */
function parseStatements(p: Parser, inBody: boolean): Statement[] {
  const out: Statement[] = [];
  for (;;) {
    if (p.atEof() || (inBody && p.at('}'))) break;
    // One `;` ends a statement (a trailing one too); an empty statement is an error, as in Kusto.
    if (p.at(';')) {
      p.error(INCOMPLETE_FRAGMENT, { text: "';'" }, p.errSpan(), 'remove the extra `;`');
      p.next();
      continue;
    }
    const before = p.pos;
    const stmt = parseStatement(p);
    if (stmt !== null) out.push(stmt);
    if (p.eat(';') || p.atEof() || (inBody && p.at('}'))) continue;
    // Two statements with no `;` between them, or leftover text: report once, resume.
    if (p.at(')') || p.at(']') || p.at('}') || p.tok.kind === 'bad' || p.pos === before) {
      p.error(INCOMPLETE_FRAGMENT, { text: describe(p.tok) }, p.errSpan());
      p.next();
      p.syncTo(STATEMENT_STOPS);
      p.eat(';');
    } else {
      p.error(
        EXPECTED_TOKEN,
        { expected: ';', found: describe(p.tok) },
        p.errSpan(),
        'statements are separated by `;`',
      );
    }
  }
  return out;
}

function parseStatement(p: Parser): Statement | null {
  const t = p.tok;
  if (t.kind === 'ident' && (p.peek().kind === 'ident' || p.atAt(1, '['))) {
    if (t.text === 'let') return parseLet(p);
    if (t.text === 'set') return parseSet(p);
    if (t.text === 'declare') return parseDeclare(p);
  }
  const expr = parsePipeExpr(p);
  return { kind: 'ExprStmt', expr, span: p.span(t.start) };
}

function parseLet(p: Parser): Statement {
  const start = p.next().start;
  const name = parseName(p, 'name');
  p.expect('=');
  const value = atFunctionDef(p) ? parseFunctionDef(p) : parsePipeExpr(p);
  return { kind: 'LetStmt', name, value, span: p.span(start) };
}

/** `(` ... `)` `{`, `view (`, or `(name:` — a function rather than a parenthesised expression. */
function atFunctionDef(p: Parser): boolean {
  if (p.at('view') && p.atAt(1, '(')) return true;
  if (!p.at('(')) return false;
  if (p.atAt(1, ')')) return p.atAt(2, '{');
  const a = p.peek(1);
  if (a.kind === 'ident' && p.atAt(2, ':')) return true;
  return a.text === '[' && p.peek(2).kind === 'string' && p.atAt(3, ']') && p.atAt(4, ':');
}

/** `( [param {, param}] )`: function, query-parameter and pattern parameter lists. */
function parseParamList(p: Parser): Param[] {
  p.expect('(');
  const params: Param[] = [];
  if (!p.at(')')) {
    do params.push(parseParam(p));
    while (p.eat(','));
  }
  p.expect(')');
  return params;
}

function parseFunctionDef(p: Parser): FunctionDef {
  const start = p.tok.start;
  p.eat('view');
  const params = parseParamList(p);
  let body: Statement[] = [];
  if (p.expect('{') !== null) {
    body = parseStatements(p, true);
    p.expect('}');
  }
  return { kind: 'FunctionDef', params, body, span: p.span(start) };
}

/** `name: type [= default]`; tabular types `(*)` and `(a:string, *)` included. */
export function parseParam(p: Parser): Param {
  const start = p.tok.start;
  const name = parseName(p, 'parameter name');
  p.expect(':');
  const type = parseTypeRef(p);
  const defaultValue = p.eat('=') ? parsePipeExpr(p) : null;
  return { kind: 'Param', name, type, defaultValue, span: p.span(start) };
}

function parseSet(p: Parser): Statement {
  const start = p.next().start;
  const first = parseName(p, 'option name');
  let text = first.name;
  // Option names may be dotted: `set query_results_cache_max_age = ...`, `set a.b = c`.
  while (p.at('.') && p.peek().kind === 'ident') {
    p.next();
    text += `.${p.next().text}`;
  }
  const name: Ident = { ...first, name: text, span: p.span(first.span.start) };
  let value: Expr | null = null;
  if (p.eat('=')) value = parsePipeExpr(p);
  return { kind: 'SetStmt', name, value, span: p.span(start) };
}

function parseDeclare(p: Parser): Statement {
  const start = p.next().start;
  if (p.at('pattern')) {
    p.next();
    const name = parseName(p, 'pattern name');
    // Definitions we cannot read fall back to the declaration alone (only brackets checked).
    const mark = p.mark();
    const definition = p.at('=') ? parsePatternDefinition(p) : null;
    if (definition !== null && !p.failedSince(mark) && (p.at(';') || p.atEof()))
      return { kind: 'DeclarePatternStmt', name, definition, span: p.span(start) };
    p.reset(mark);
    p.syncTo(STATEMENT_STOPS);
    return { kind: 'DeclarePatternStmt', name, span: p.span(start) };
  }
  p.expect('query_parameters');
  const params = parseParamList(p);
  return { kind: 'DeclareQueryParametersStmt', params, span: p.span(start) };
}

function parsePatternDefinition(p: Parser): PatternDefinition {
  const start = p.tok.start;
  p.expect('=');
  const params = parseParamList(p);
  let pathParam: Param | null = null;
  if (p.eat('[')) {
    pathParam = parseParam(p);
    p.expect(']');
  }
  const rules: PatternRule[] = [];
  p.expect('{');
  while (!p.at('}') && !p.atEof()) {
    const s = p.tok.start;
    p.expect('(');
    const args: Expr[] = [];
    if (!p.at(')')) {
      do args.push(parseExpr(p));
      while (p.eat(','));
    }
    p.expect(')');
    let path: Expr | null = null;
    if (p.eat('.')) {
      p.expect('[');
      path = parseExpr(p);
      p.expect(']');
    }
    p.expect('=');
    p.expect('{');
    const body = parsePipeExpr(p);
    p.eat(';');
    p.expect('}');
    rules.push({ kind: 'PatternRule', args, path, body, span: p.span(s) });
    if (p.eat(';') === null) break;
  }
  p.expect('}');
  return { kind: 'PatternDefinition', params, pathParam, rules, span: p.span(start) };
}
