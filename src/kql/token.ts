// Tokens of KQL. Words are never classified as keywords by the lexer: KQL keywords
// are contextual (a column may be called `count` or `type`), so the parser decides
// from position. The lexer only does what the parser cannot: decoding strings,
// numbers with units, and the opaque insides of typed literals such as
// `datetime(Sat, 8 Nov 2014 15:05:02 GMT)` or `guid(74be27de-...)`.
import type { ScalarTypeName } from './ast.js';

export type TokenKind =
  | 'ident' // word, `$left`, `$right`, `!has`-style negated word operators, `in~`
  | 'string' // any string literal form; `value` holds the decoded text
  | 'number' // integer or real literal; `numType` tells which
  | 'timespan' // `2m`, `1.5h`, `100ms`; `value` holds ticks
  | 'typed' // `datetime(...)`, `guid(...)`, `int(5)`...: `typeName` + `value` (inner text)
  | 'punct'
  | 'bad' // a character KQL has no use for
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Exact source text. For punct and ident this is also what the parser matches on. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Decoded string / ticks / inner text of a typed literal. */
  readonly value: string | undefined;
  readonly numType: 'long' | 'real' | undefined;
  readonly typeName: ScalarTypeName | undefined;
  /** The token starts a new line or follows whitespace/comments (needed for adjacency checks). */
  readonly spaceBefore: boolean;
}

/** Punctuation, longest first so the lexer can match greedily. */
export const PUNCTUATION: readonly string[] = [
  '..',
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '=~',
  '!~',
  '=>',
  '|',
  ';',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '.',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  ':',
  '?',
  '!',
  '~',
  '#',
];
