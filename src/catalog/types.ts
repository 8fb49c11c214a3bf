// Built-in functions are data: a signature, a result type rule, and a SQL template per
// dialect. The binder reads signatures and result types; the SQL generator reads templates.
import type { ScalarType } from '../kql/types.js';

/** What an argument position accepts. Concrete scalar types, or a family. */
export type ArgKind =
  | ScalarType
  | 'scalar' // any scalar type
  | 'numeric' // int | long | real | decimal
  | 'integer' // int | long
  | 'summable' // numeric | timespan
  | 'orderable' // numeric | datetime | timespan | string | bool
  | 'tabular' // a tabular expression (toscalar, materialize)
  | 'string-literal' // a constant string (regex, format, plugin option)
  | 'star' // `*` (arg_max(x, *))
  // Families Kusto's symbol tables use beyond the above (additive):
  | 'string-or-dynamic'
  | 'string-or-array' // string or dynamic array
  | 'integer-or-array' // int | long | dynamic array
  | 'real-or-decimal'
  | 'number-or-bool'
  | 'not-real-or-bool'
  | 'not-dynamic'
  | 'not-bool';

export interface ParamSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  /** Repeats to the end of the argument list (strcat, coalesce, pack). */
  readonly variadic?: boolean;
  /** Takes part in the common-type computation of the result (iff, case, coalesce, max_of). */
  readonly common?: boolean;
  /** Also accepts `*` (take_any(*), arg_max(x, *)). */
  readonly starAllowed?: boolean;
}

/**
 * How Kusto names the column of an unnamed call (Kusto.Language's ResultNameKind):
 * 'name+first' -> strlen(s) gives strlen_s; 'prefix+first' -> sum(x) gives sum_x, count() gives count_;
 * 'first' -> tostring(x) gives x; 'only' -> the only argument's name; 'prefix' -> the prefix alone.
 */
export type NamingRule =
  'name+first' | 'name+only' | 'prefix+first' | 'prefix+only' | 'first-if-column' | 'prefix' | 'first' | 'only';

/** The result type: fixed, or computed from the argument types (e.g. max(x) has x's type). */
export type ResultRule = ScalarType | ((argTypes: readonly ScalarType[]) => ScalarType);

/** A SQL fragment for an argument, already compiled, with its Kusto type. */
export interface SqlArg {
  readonly sql: string;
  readonly type: ScalarType;
  /** The constant value when the argument is a literal (regexes, formats, units need it). */
  readonly constant?: string | number | boolean | null;
}

/** Services a template may need; the dialect provides them so templates stay declarative. */
export interface SqlContext {
  /** The one escaping function for literals (see src/sql/escape.ts). */
  readonly stringLiteral: (s: string) => string;
  /** SQL for the pinned query clock, as a datetime value. */
  readonly now: string;
}

/**
 * A template: `$0`, `$1`, ... are replaced by the argument SQL (`$*` by all, comma-joined),
 * or a function for cases a pattern can't express. `null` means: no exact translation;
 * the compiler reports a coded "unsupported" diagnostic naming the function.
 */
export type SqlTemplate = string | ((args: readonly SqlArg[], ctx: SqlContext) => string) | null;

export type FunctionKind = 'scalar' | 'aggregate' | 'window' | 'tabular';

export interface FunctionSpec {
  readonly name: string;
  readonly kind: FunctionKind;
  /** Grouping for reports and conformance statistics: string, datetime, math, dynamic, conversion, ipv4, hash, aggregate, window, ... */
  readonly family: string;
  /** Alternative signatures; the first whose parameters fit the arguments wins. */
  readonly signatures: readonly { readonly params: readonly ParamSpec[]; readonly result: ResultRule }[];
  readonly aliases?: readonly string[];
  /** Column name Kusto gives an unnamed aggregate: e.g. count() -> "count_", sum(x) -> "sum_x". */
  readonly defaultName?: (argNames: readonly (string | null)[]) => string;
  /** The value depends on the clock or randomness (now, ago, rand, new_guid). */
  readonly volatile?: boolean;
  /** Column-naming rule for an unnamed call; absent means Kusto gives no derived name (Column1, print_0). */
  readonly naming?: NamingRule;
  /** Prefix used by 'prefix+first' / 'prefix' naming (make_set -> "set"). */
  readonly prefix?: string;
  /** Deprecated by Kusto (still accepted). */
  readonly obsolete?: boolean;
}

export interface DialectTemplates {
  readonly dialect: string;
  readonly templates: Readonly<Record<string, SqlTemplate>>;
}
