// Parser state: the token cursor, diagnostics with cascade suppression, and the
// recovery primitives shared by every grammar file. Grammar functions are free
// functions taking a `Parser`, so each operator family lives in its own file.
import type { Diagnostic, DiagnosticDef } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { EXPECTED_TOKEN, MISSING } from '../diagnostics/syntax-codes.js';
import type { Expr, Ident, NameRef, Span } from '../ast.js';
import type { Token } from '../token.js';

export class Parser {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly diags: Diagnostic[];
  pos = 0;
  /** Expression nesting, bounded so hostile input cannot exhaust the call stack. */
  depth = 0;
  /** Inside a `search` predicate, where `Col:"term"` means `Col has "term"`. */
  searchColon = false;
  /** Start offset of the token where the last error was reported: one error per spot. */
  private lastErrorAt = -1;
  /** The lexer already reported these spots (bad characters, unterminated strings). */
  private readonly lexErrorsAt = new Set<number>();

  constructor(text: string, tokens: readonly Token[], diags: Diagnostic[]) {
    this.text = text;
    this.tokens = tokens;
    this.diags = diags;
    for (const d of diags) this.lexErrorsAt.add(d.span.start);
  }

  get tok(): Token {
    return this.tokens[this.pos] as Token;
  }

  peek(k = 1): Token {
    const i = Math.min(this.pos + k, this.tokens.length - 1);
    return this.tokens[i] as Token;
  }

  /** End offset of the previously consumed token (the end of the node being built). */
  get prevEnd(): number {
    return this.pos === 0 ? 0 : (this.tokens[this.pos - 1] as Token).end;
  }

  atEof(): boolean {
    return this.tok.kind === 'eof';
  }

  /** Punctuation or word with this exact text. Strings never match. */
  at(text: string): boolean {
    const t = this.tok;
    return t.text === text && (t.kind === 'punct' || t.kind === 'ident');
  }

  atAt(k: number, text: string): boolean {
    const t = this.peek(k);
    return t.text === text && (t.kind === 'punct' || t.kind === 'ident');
  }

  atWord(): boolean {
    return this.tok.kind === 'ident';
  }

  next(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  eat(text: string): Token | null {
    return this.at(text) ? this.next() : null;
  }

  /** Consumes `text` or reports KS005 without consuming anything. */
  expect(text: string): Token | null {
    const t = this.eat(text);
    if (t === null) this.error(EXPECTED_TOKEN, { expected: text, found: describe(this.tok) }, this.errSpan());
    return t;
  }

  span(start: number): Span {
    return { start, end: Math.max(start, this.prevEnd) };
  }

  /** Span for an error at the current token; EOF gets a zero-width span at the end. */
  errSpan(): Span {
    const t = this.tok;
    // At the end, point just after the last real token rather than at trailing blank lines.
    if (t.kind === 'eof') return { start: this.prevEnd, end: this.prevEnd };
    return { start: t.start, end: t.end };
  }

  /** A backtracking point: cursor, diagnostics and error-suppression state. */
  mark(): { readonly pos: number; readonly diags: number; readonly lastErrorAt: number } {
    return { pos: this.pos, diags: this.diags.length, lastErrorAt: this.lastErrorAt };
  }

  failedSince(m: { readonly diags: number }): boolean {
    return this.diags.length > m.diags;
  }

  reset(m: { readonly pos: number; readonly diags: number; readonly lastErrorAt: number }): void {
    this.pos = m.pos;
    this.diags.length = m.diags;
    this.lastErrorAt = m.lastErrorAt;
  }

  error<P>(def: DiagnosticDef<P>, params: P, span: Span, hint?: string): void {
    if (span.start === this.lastErrorAt || this.lexErrorsAt.has(span.start)) return;
    this.lastErrorAt = span.start;
    this.diags.push(diagnostic(def, params, span, hint));
  }

  /** Placeholder for a missing expression: an empty-named NameRef at the current position. */
  missingExpr(what = 'expression'): NameRef {
    this.error(MISSING, { what, found: describe(this.tok) }, this.errSpan());
    const at = this.tok.start;
    const name: Ident = { kind: 'Ident', name: '', quoted: false, span: { start: at, end: at } };
    return { kind: 'NameRef', name, span: { start: at, end: at } };
  }

  missingIdent(what = 'name'): Ident {
    this.error(MISSING, { what, found: describe(this.tok) }, this.errSpan());
    const at = this.tok.start;
    return { kind: 'Ident', name: '', quoted: false, span: { start: at, end: at } };
  }

  /**
   * Skips tokens until one of `stops` at bracket depth 0 (or an unmatched closer, or EOF).
   * Used after an error so the rest of the query still gets parsed.
   */
  syncTo(stops: ReadonlySet<string>): void {
    let depth = 0;
    while (!this.atEof()) {
      const t = this.tok;
      if (t.kind === 'punct') {
        if (depth === 0 && stops.has(t.text)) return;
        if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
        else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (depth === 0) return;
          depth--;
        }
      }
      this.next();
    }
  }
}

export const PIPE_STOPS: ReadonlySet<string> = new Set(['|', ';']);

export function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of query';
  const s = t.text.length > 24 ? `${t.text.slice(0, 24)}…` : t.text;
  return `'${s}'`;
}

export function isMissing(e: Expr): boolean {
  return e.kind === 'NameRef' && e.name.name === '' && !e.name.quoted;
}
