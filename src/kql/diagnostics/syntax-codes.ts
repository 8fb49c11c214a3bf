// Syntax diagnostics. Codes mirror Kusto's own (Kusto.Language.DiagnosticFacts) where
// the official parser reports the same condition, so users can search for them;
// conditions Kusto reports differently or not at all get EXF1xx codes.
import { defineDiagnostic } from './diagnostic.js';

/** KS002: a token that cannot appear here (also used for stray text after a statement). */
export const UNEXPECTED_TOKEN = defineDiagnostic<{ text: string }>({
  code: 'KS002',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Unexpected: ${p.text}`,
});

/** KS004: a literal whose inside does not have the documented form. */
export const MALFORMED_LITERAL = defineDiagnostic<{ type: string; text: string }>({
  code: 'KS004',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Malformed ${p.type} literal: ${p.text}`,
});

/** KS005: a specific token was required. */
export const EXPECTED_TOKEN = defineDiagnostic<{ expected: string; found: string }>({
  code: 'KS005',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Expected: ${p.expected} (found ${p.found})`,
});

/** KS006: a whole construct (expression, name, type) is missing. */
export const MISSING = defineDiagnostic<{ what: string; found: string }>({
  code: 'KS006',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Missing ${p.what} (found ${p.found})`,
});

/** KS176: after `|` comes something that is not a query operator. */
export const OPERATOR_EXPECTED = defineDiagnostic<{ found: string }>({
  code: 'KS176',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Query operator expected, found ${p.found}`,
});

/** KS172: a type name is not one of Kusto's scalar types. */
export const BAD_TYPE = defineDiagnostic<{ name: string }>({
  code: 'KS172',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `'${p.name}' is not a valid type`,
});

/** KS198: a fragment is left over that no rule could place. */
export const INCOMPLETE_FRAGMENT = defineDiagnostic<{ text: string }>({
  code: 'KS198',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `The incomplete fragment is unexpected: ${p.text}`,
});

/** KS228: a keyword used as a name without brackets. */
export const KEYWORD_AS_NAME = defineDiagnostic<{ name: string }>({
  code: 'KS228',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `The name '${p.name}' needs to be bracketed as ['${p.name}'] to be used in this context`,
});

/** KS001 (Kusto: "Missing: \""): string literal runs into the end of the line or text. */
export const UNTERMINATED_STRING = defineDiagnostic<{ quote: string }>({
  code: 'KS001',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Unterminated string literal (missing closing ${p.quote})`,
});

/** EXF102: a character that starts no token. */
export const BAD_CHARACTER = defineDiagnostic<{ char: string }>({
  code: 'EXF102',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Unexpected character '${p.char}'`,
});

/** EXF103: a backslash escape KQL does not define. */
export const BAD_ESCAPE = defineDiagnostic<{ escape: string }>({
  code: 'EXF103',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Invalid escape sequence '${p.escape}' in string literal`,
});

/** KS001 (Kusto: "Missing: )"): a typed literal such as `datetime(` is never closed. */
export const UNCLOSED = defineDiagnostic<{ open: string; close: string }>({
  code: 'KS001',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `'${p.open}' is never closed (missing '${p.close}')`,
});

/** EXF106: nesting deeper than the parser supports (guards the call stack). */
export const TOO_DEEP = defineDiagnostic<{ limit: number }>({
  code: 'EXF106',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Expression nested too deeply (more than ${p.limit} levels)`,
});

/** EXF199: the parser failed internally; the tree is incomplete. */
export const INTERNAL_PARSE_ERROR = defineDiagnostic<{ detail: string }>({
  code: 'EXF199',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `Internal parser error: ${p.detail}`,
});

/** EXF107: `cluster(...).database(...)`-style call chains, which the tree does not model. */
export const UNSUPPORTED_CALL_CHAIN = defineDiagnostic<{ name: string }>({
  code: 'EXF107',
  severity: 'error',
  phase: 'syntax',
  message: (p) =>
    `Calls on an expression (.${p.name}(...)) are not supported; exfilhunt queries a single local database`,
});
