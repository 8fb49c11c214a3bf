// Public entry point of the KQL front end: text in, tree plus diagnostics out.
// Never throws: malformed input yields a best-effort tree and one or more errors.
import type { Query } from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
import { INTERNAL_PARSE_ERROR } from './diagnostics/syntax-codes.js';
import { lex } from './lexer.js';
import { Parser } from './parser/core.js';
import { parseQuery } from './parser/statements.js';

export interface ParseResult {
  readonly query: Query;
  readonly diagnostics: readonly Diagnostic[];
}

export function parse(text: string): ParseResult {
  const lexed = lex(text);
  const diags: Diagnostic[] = [...lexed.diagnostics];
  const p = new Parser(text, lexed.tokens, diags);
  let query: Query;
  try {
    query = parseQuery(p);
  } catch (e) {
    // Last line of defence for the never-throws contract; the depth guard should make this unreachable.
    diags.push(
      diagnostic(
        INTERNAL_PARSE_ERROR,
        { detail: e instanceof Error ? e.message : String(e) },
        { start: 0, end: text.length },
      ),
    );
    query = { kind: 'Query', statements: [], span: { start: 0, end: text.length } };
  }
  diags.sort((a, b) => a.span.start - b.span.start);
  return { query, diagnostics: diags };
}
