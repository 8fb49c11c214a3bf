// The bound tree's scalar expressions (see bound.ts, which re-exports them: import from there).
import type { JsonValue, ListOp, Span, ArithmeticOp, ComparisonOp, StringOp, LogicalOp } from './ast.js';
import type { ScalarType } from './types.js';
import type { FunctionSpec } from '../catalog/types.js';
import type { BoundTable } from './bound.js';

// ---------------------------------------------------------------- scalar expressions

interface ScalarBase {
  readonly type: ScalarType;
  readonly span: Span;
}

/**
 * Literal value, normalised exactly like ast.Literal.value (datetime text, timespan ticks, numeric text).
 * `typeof(T)` arguments (extract(..., typeof(int))) are bound as a typed null of type T.
 */
export interface BoundLiteral extends ScalarBase {
  readonly kind: 'Literal';
  readonly value: string | boolean | null;
}

export interface BoundDynamicLiteral extends ScalarBase {
  readonly kind: 'DynamicLiteral';
  readonly value: JsonValue;
}

/** A column of the current operator's input. `side` is set inside join/lookup conditions. */
export interface BoundColumnRef extends ScalarBase {
  readonly kind: 'Column';
  readonly name: string;
  readonly side?: 'left' | 'right';
}

/** A scalar `let` (or a scalar parameter of an expanded function): compile `value`. */
export interface BoundLetScalarRef extends ScalarBase {
  readonly kind: 'LetScalar';
  readonly name: string;
  readonly value: BoundExpr;
}

/** A call to a catalog function (scalar, aggregate or window), resolved to its spec and signature. */
export interface BoundCall extends ScalarBase {
  readonly kind: 'Call';
  /** Canonical catalog name (aliases resolved), lower-case as Kusto spells it. */
  readonly name: string;
  readonly spec: FunctionSpec;
  /** Index into spec.signatures. */
  readonly signature: number;
  readonly args: readonly BoundExpr[];
}

/** A user-defined (let) function call, expanded: `body` is bound with the arguments substituted. */
export interface BoundUdfCall extends ScalarBase {
  readonly kind: 'UdfCall';
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly body: BoundExpr;
}

export interface BoundUnary extends ScalarBase {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: BoundExpr;
}

export type BoundBinaryOp = ArithmeticOp | Exclude<ComparisonOp, '<>'> | StringOp | LogicalOp;

/**
 * Binary operator. For arithmetic, `type` is the result type per Kusto's rules
 * (datetime - datetime = timespan, datetime + timespan = datetime, int + long = long ...).
 * `<>` is normalised to `!=`.
 */
export interface BoundBinary extends ScalarBase {
  readonly kind: 'Binary';
  readonly op: BoundBinaryOp;
  readonly left: BoundExpr;
  readonly right: BoundExpr;
}

/**
 * An implicit conversion the binder inserted so that both sides of an operator have
 * compatible types, e.g. `RemotePort == "443"` compares RemotePort with tolong("443").
 */
export interface BoundConvert extends ScalarBase {
  readonly kind: 'Convert';
  readonly operand: BoundExpr;
}

/**
 * `x in (a, b)`, `x !in~ (T | project y)`, `x has_any (dynamic([...]))`.
 * Each item is a scalar (possibly a dynamic array whose elements are the values) or a
 * `Subquery` (its first column supplies the values).
 */
export interface BoundIn extends ScalarBase {
  readonly kind: 'In';
  readonly op: ListOp;
  readonly left: BoundExpr;
  readonly items: readonly BoundExpr[];
}

export interface BoundBetween extends ScalarBase {
  readonly kind: 'Between';
  readonly negated: boolean;
  readonly left: BoundExpr;
  readonly low: BoundExpr;
  readonly high: BoundExpr;
}

/** `d.name`, `d["name"]`, `d[0]` on a dynamic value. `member` is true for the `.name` form. */
export interface BoundIndex extends ScalarBase {
  readonly kind: 'Index';
  readonly target: BoundExpr;
  readonly index: BoundExpr;
  readonly member: boolean;
}

/** A tabular expression used as a set of values (first column), inside `in`. */
export interface BoundSubquery extends ScalarBase {
  readonly kind: 'Subquery';
  readonly table: BoundTable;
}

/** `toscalar(T)`: first column of the first row. */
export interface BoundToScalar extends ScalarBase {
  readonly kind: 'ToScalar';
  readonly table: BoundTable;
}

/** `*` as an argument (e.g. `count()` has none; `arg_max(x, *)` is expanded in BoundAggregate instead). */
export interface BoundStar extends ScalarBase {
  readonly kind: 'Star';
}

/** Error recovery: an expression that failed to bind. Only present when diagnostics contain errors. */
export interface BoundError extends ScalarBase {
  readonly kind: 'Error';
}

export type BoundExpr =
  | BoundLiteral
  | BoundDynamicLiteral
  | BoundColumnRef
  | BoundLetScalarRef
  | BoundCall
  | BoundUdfCall
  | BoundUnary
  | BoundBinary
  | BoundConvert
  | BoundIn
  | BoundBetween
  | BoundIndex
  | BoundSubquery
  | BoundToScalar
  | BoundStar
  | BoundError;

/**
 * An output column and the expression computing it (expressions reference only the input's columns).
 * Tuple-valued functions expand to several columns, each an `Index` into the call:
 * series_stats(x) -> series_stats_x_min = Index(Call series_stats, "min"), ...;
 * array_sort_asc(a, b) -> a_sorted = Index(Call, 0), b_sorted = Index(Call, 1).
 */
export interface BoundColumnDef {
  readonly name: string;
  readonly type: ScalarType;
  readonly expr: BoundExpr;
}
