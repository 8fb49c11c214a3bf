// The KQL syntax tree. Every node is readonly, tagged by `kind`, and carries the
// source span it was parsed from, so that any later stage can point at the text.
//
// Design choice (mirrors Kusto's own grammar): tabular and scalar expressions are
// one `Expr` union. A pipeline is just an expression whose value is a table, so
// `toscalar(T | count)`, `x in (T | project y)`, `let t = T | where ...;` and
// `join (T | where ...)` need no special syntax: the binder decides which names
// are tables and which are scalars.

import type { OpParam, Operator } from './ast-operators.js';
export type * from './ast-operators.js';

export interface Span {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset one past the last character. */
  readonly end: number;
}

export interface Ident {
  readonly kind: 'Ident';
  readonly name: string;
  /** Written as ['name'] / ["name"] in the source. Printing keeps the bracket form. */
  readonly quoted: boolean;
  readonly span: Span;
}

// ---------------------------------------------------------------- types in source

export type ScalarTypeName =
  'bool' | 'int' | 'long' | 'real' | 'decimal' | 'string' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

export interface ScalarTypeRef {
  readonly kind: 'ScalarTypeRef';
  /** Canonical name; aliases such as `boolean`, `double`, `date`, `time`, `uniqueid` are normalised. */
  readonly name: ScalarTypeName;
  readonly span: Span;
}

export interface TabularTypeRef {
  readonly kind: 'TabularTypeRef';
  readonly columns: readonly ColumnDecl[];
  /** `(*)` or `(a:string, *)`: further columns are accepted too. */
  readonly star: boolean;
  readonly span: Span;
}

export type TypeRef = ScalarTypeRef | TabularTypeRef;

export interface ColumnDecl {
  readonly kind: 'ColumnDecl';
  readonly name: Ident;
  readonly type: ScalarTypeRef;
  readonly span: Span;
}

// ---------------------------------------------------------------- statements

export interface Query {
  readonly kind: 'Query';
  readonly statements: readonly Statement[];
  readonly span: Span;
}

export type Statement = LetStmt | SetStmt | DeclareQueryParametersStmt | DeclarePatternStmt | ExprStmt;

export interface LetStmt {
  readonly kind: 'LetStmt';
  readonly name: Ident;
  /** A scalar or tabular expression, or a function definition. */
  readonly value: Expr | FunctionDef;
  readonly span: Span;
}

export interface SetStmt {
  readonly kind: 'SetStmt';
  readonly name: Ident;
  readonly value: Expr | null;
  readonly span: Span;
}

export interface DeclareQueryParametersStmt {
  readonly kind: 'DeclareQueryParametersStmt';
  readonly params: readonly Param[];
  readonly span: Span;
}

export interface DeclarePatternStmt {
  readonly kind: 'DeclarePatternStmt';
  readonly name: Ident;
  /** `= (a:string)[p:string] { ... }`; absent for an empty declaration (`declare pattern P;`). */
  readonly definition?: PatternDefinition;
  readonly span: Span;
}

export interface PatternDefinition {
  readonly kind: 'PatternDefinition';
  readonly params: readonly Param[];
  /** The `[path:type]` parameter, if any. */
  readonly pathParam: Param | null;
  readonly rules: readonly PatternRule[];
  readonly span: Span;
}

/** `("a1").["Data"] = { T | ... }`: the tabular body for one argument (and path) value. */
export interface PatternRule {
  readonly kind: 'PatternRule';
  readonly args: readonly Expr[];
  readonly path: Expr | null;
  readonly body: Expr;
  readonly span: Span;
}

export interface ExprStmt {
  readonly kind: 'ExprStmt';
  readonly expr: Expr;
  readonly span: Span;
}

export interface FunctionDef {
  readonly kind: 'FunctionDef';
  readonly params: readonly Param[];
  /** Body statements; the last is normally an ExprStmt giving the result. */
  readonly body: readonly Statement[];
  readonly span: Span;
}

export interface Param {
  readonly kind: 'Param';
  readonly name: Ident;
  readonly type: TypeRef;
  readonly defaultValue: Expr | null;
  readonly span: Span;
}

// ---------------------------------------------------------------- scalar-ish expressions

export type LiteralType = ScalarTypeName;

/**
 * A literal. `value` is normalised so later stages never re-lex:
 * - string/guid: the decoded text
 * - bool: boolean
 * - int/long/real/decimal: the numeric text as written (precision preserved), e.g. "5", "1.5e3"
 * - datetime: the text inside datetime(...), trimmed, e.g. "2025-11-20T00:48:57.6034636Z"
 * - timespan: the duration in 100-ns ticks, as a decimal integer string (bigint-safe)
 * - null for typed nulls such as int(null), datetime(null)
 * `raw` is the exact source text, kept for printing and messages.
 */
export interface Literal {
  readonly kind: 'Literal';
  readonly type: LiteralType;
  readonly value: string | boolean | null;
  readonly raw: string;
  readonly span: Span;
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/** dynamic(...) literal, already converted to its JSON value. */
export interface DynamicLiteral {
  readonly kind: 'DynamicLiteral';
  readonly value: JsonValue;
  readonly raw: string;
  readonly span: Span;
}

/** A bare or bracketed name: column, let binding, parameter or table. */
export interface NameRef {
  readonly kind: 'NameRef';
  readonly name: Ident;
  readonly span: Span;
}

/** `$left.X` / `$right.X` inside join/lookup conditions. */
export interface JoinSideRef {
  readonly kind: 'JoinSideRef';
  readonly side: 'left' | 'right';
  readonly name: Ident;
  readonly span: Span;
}

/** `a.b` on dynamic values (or a table-qualified column). */
export interface MemberAccess {
  readonly kind: 'MemberAccess';
  readonly target: Expr;
  readonly member: Ident;
  readonly span: Span;
}

/** `a[0]`, `a["b"]`. */
export interface IndexAccess {
  readonly kind: 'IndexAccess';
  readonly target: Expr;
  readonly index: Expr;
  readonly span: Span;
}

export interface Call {
  readonly kind: 'Call';
  /** Function name as written (case preserved). */
  readonly callee: Ident;
  readonly args: readonly Expr[];
  readonly span: Span;
}

/** `name = value` inside a call's argument list (evaluate plugins, some functions). */
export interface NamedArg {
  readonly kind: 'NamedArg';
  readonly name: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `*` as an argument, e.g. arg_max(Timestamp, *), or `count()`'s absent star. */
export interface Star {
  readonly kind: 'Star';
  readonly span: Span;
}

export type UnaryOp = '-' | '+';

export interface Unary {
  readonly kind: 'Unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type ComparisonOp = '==' | '!=' | '<>' | '<' | '<=' | '>' | '>=' | '=~' | '!~';
export type StringOp =
  | 'has'
  | '!has'
  | 'has_cs'
  | '!has_cs'
  | 'hasprefix'
  | '!hasprefix'
  | 'hasprefix_cs'
  | '!hasprefix_cs'
  | 'hassuffix'
  | '!hassuffix'
  | 'hassuffix_cs'
  | '!hassuffix_cs'
  | 'contains'
  | '!contains'
  | 'contains_cs'
  | '!contains_cs'
  | 'startswith'
  | '!startswith'
  | 'startswith_cs'
  | '!startswith_cs'
  | 'endswith'
  | '!endswith'
  | 'endswith_cs'
  | '!endswith_cs'
  | 'matches regex'
  | 'like'
  | 'notlike'
  | 'likecs'
  | 'notlikecs';
export type LogicalOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | ComparisonOp | StringOp | LogicalOp;

export interface Binary {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type ListOp = 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all' | 'has_any_cs' | 'has_all_cs';

/**
 * `x in (a, b)`, `x in (T | project y)`, `x has_any (dynamic([...]))`.
 * `values` holds each parenthesised item; a single tabular or dynamic item is one entry.
 */
export interface InExpr {
  readonly kind: 'InExpr';
  readonly op: ListOp;
  readonly left: Expr;
  readonly values: readonly Expr[];
  readonly span: Span;
}

export interface BetweenExpr {
  readonly kind: 'BetweenExpr';
  readonly negated: boolean;
  readonly left: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly span: Span;
}

/** An explicitly parenthesised expression. Kept so that printing and column naming match Kusto. */
export interface Paren {
  readonly kind: 'Paren';
  readonly expr: Expr;
  readonly span: Span;
}

// ---------------------------------------------------------------- tabular expressions

/**
 * `source | op | op`. `source` is null when the first operator starts the pipeline
 * itself (print, range, union, search, find, evaluate) or when the pipeline is a
 * subquery fed by an implicit input (mv-apply, partition, fork, facet bodies).
 */
export interface Pipeline {
  readonly kind: 'Pipeline';
  readonly source: Expr | null;
  readonly ops: readonly Operator[];
  readonly span: Span;
}

export interface Datatable {
  readonly kind: 'Datatable';
  readonly columns: readonly ColumnDecl[];
  readonly values: readonly Expr[];
  readonly span: Span;
}

export interface ExternalData {
  readonly kind: 'ExternalData';
  readonly columns: readonly ColumnDecl[];
  readonly uris: readonly Expr[];
  readonly params: readonly OpParam[];
  readonly span: Span;
}

export type Expr =
  | Literal
  | DynamicLiteral
  | NameRef
  | JoinSideRef
  | MemberAccess
  | IndexAccess
  | Call
  | NamedArg
  | Star
  | Unary
  | Binary
  | InExpr
  | BetweenExpr
  | Paren
  | Pipeline
  | Datatable
  | ExternalData;
