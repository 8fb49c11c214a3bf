// Public entry point of the KQL front end: text in, tree plus diagnostics out.
// Never throws: malformed input yields a best-effort tree and one or more errors.
import type { Query } from './ast.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
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
  const query = parseQuery(p);
  diags.sort((a, b) => a.span.start - b.span.start);
  return { query, diagnostics: diags };
}
