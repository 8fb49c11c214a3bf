// The bound tree: the binder's output and the SQL compiler's input.
//
// Everything a code generator needs is explicit here, so it never re-resolves a name:
// - every scalar node carries its ScalarType, every tabular node its output TableSchema;
// - column references name a column of the operator's input (by output name), or of the
//   left/right input inside join conditions;
// - scalar `let`s and user-function parameters are inlined (the reference node keeps the
//   name for messages and the bound value for compilation);
// - tabular `let`s are shared nodes (`LetTable`) with a stable id so they can become CTEs;
// - user-defined function calls are expanded: the body is bound with the arguments
//   substituted;
// - derived shapes are precomputed: project-away/keep/rename/reorder become a plain
//   `Project` of kept columns, summarize aggregates carry their final names (count_,
//   sum_X, arg_max expansions), join/lookup carry key pairs and the output column mapping
//   (Timestamp1, DeviceName1 ...), union carries a per-input column mapping.
//
// Stability: this file is consumed by the engine. Only additive changes.
import type { Span } from './ast.js';
import type { Column, ScalarType, TableSchema } from './types.js';
import type { BoundCall, BoundColumnDef, BoundExpr } from './bound-expr.js';
import type { BoundGraphMatch, BoundGraphTable } from './bound-graph.js';
import type { BoundMvApply, BoundMvExpand, BoundParse, BoundParseKv } from './bound-expand.js';
import type { BoundScan, BoundTopNestedLevel } from './bound-opaque.js';

// Scalar expressions live in bound-expr.ts (this file would pass 600 lines with them), the
// expansion and parsing operators in bound-expand.ts, scan/top-nested payloads in bound-opaque.ts.
export type * from './bound-expr.js';
export type * from './bound-expand.js';
export type { BoundScan, BoundScanStep, BoundTopNestedLevel } from './bound-opaque.js';
export { SCAN_REF_SEPARATOR } from './bound-opaque.js';

// ---------------------------------------------------------------- tabular expressions

export interface TabularBase {
  readonly schema: TableSchema;
  readonly span: Span;
}

export interface OpBase extends TabularBase {
  readonly input: BoundTable;
}

// ---- sources

/** A database table. */
export interface BoundTableSource extends TabularBase {
  readonly kind: 'Table';
  readonly name: string;
}

/** A tabular `let` (or tabular function parameter). Same `id` = same value: compile once (CTE). */
export interface BoundLetTable extends TabularBase {
  readonly kind: 'LetTable';
  readonly name: string;
  readonly id: number;
  readonly value: BoundTable;
  /** Wrapped in materialize(). */
  readonly materialized: boolean;
}

/** The rows fed to a sub-pipeline: mv-apply body, partition/fork/facet branches. */
export interface BoundImplicitInput extends TabularBase {
  readonly kind: 'ImplicitInput';
}

export interface BoundDatatable extends TabularBase {
  readonly kind: 'Datatable';
  /** Row-major values, each row has schema.columns.length entries. */
  readonly rows: readonly (readonly BoundExpr[])[];
}

export interface BoundRange extends TabularBase {
  readonly kind: 'Range';
  readonly column: string;
  readonly from: BoundExpr;
  readonly to: BoundExpr;
  readonly step: BoundExpr;
}

/** `print a, b = 2`: one row. */
export interface BoundPrint extends TabularBase {
  readonly kind: 'Print';
  readonly columns: readonly BoundColumnDef[];
}

export interface BoundExternalData extends TabularBase {
  readonly kind: 'ExternalData';
  readonly uris: readonly BoundExpr[];
}

/** A tabular user-defined function call, expanded. */
export interface BoundUdfTable extends TabularBase {
  readonly kind: 'UdfTable';
  readonly name: string;
  readonly body: BoundTable;
}

// ---- row-wise operators

export interface BoundWhere extends OpBase {
  readonly kind: 'Where';
  readonly predicate: BoundExpr;
}

/**
 * project, project-away, project-keep, project-rename, project-reorder: the full output
 * column list. Column expressions never reference siblings (Kusto's `project a=1, b=a`
 * is inlined).
 */
export interface BoundProject extends OpBase {
  readonly kind: 'Project';
  readonly origin: 'project' | 'project-away' | 'project-keep' | 'project-rename' | 'project-reorder' | 'distinct';
  readonly columns: readonly BoundColumnDef[];
}

/**
 * extend/serialize: `columns` are new or replaced columns. A replaced column keeps its
 * position; new ones are appended (see `schema`). Expressions reference only input
 * columns (earlier items of the same extend are inlined).
 */
export interface BoundExtend extends OpBase {
  readonly kind: 'Extend';
  readonly columns: readonly BoundColumnDef[];
  readonly serialize: boolean;
}

export interface BoundSortKey {
  readonly expr: BoundExpr;
  readonly direction: 'asc' | 'desc';
  /** Resolved default: asc -> first, desc -> last. */
  readonly nulls: 'first' | 'last';
}

export interface BoundSort extends OpBase {
  readonly kind: 'Sort';
  readonly keys: readonly BoundSortKey[];
}

export interface BoundTop extends OpBase {
  readonly kind: 'Top';
  readonly count: BoundExpr;
  readonly key: BoundSortKey;
}

export interface BoundTake extends OpBase {
  readonly kind: 'Take';
  readonly count: BoundExpr;
}

export interface BoundSample extends OpBase {
  readonly kind: 'Sample';
  readonly count: BoundExpr;
}

export interface BoundSampleDistinct extends OpBase {
  readonly kind: 'SampleDistinct';
  readonly count: BoundExpr;
  readonly of: BoundExpr;
}

/** `count`: one row, one column `Count:long`. */
export interface BoundCount extends OpBase {
  readonly kind: 'Count';
}

/** `distinct a, b` / `distinct *`: the distinct rows of `columns`. */
export interface BoundDistinct extends OpBase {
  readonly kind: 'Distinct';
  readonly columns: readonly BoundColumnDef[];
}

// ---- summarize

/**
 * One summarize aggregate item.
 * - `Value`: a single column computed by an expression that contains aggregate calls
 *   (`count()`, `dcount(x) * 2`), named with Kusto's defaults (count_, sum_X, ...).
 * - `ArgExtreme`: arg_max/arg_min (and take_any with several args). `by` is the
 *   extremum expression; `columns` are the outputs, the first being the extremum
 *   itself, then the returned columns (`*` already expanded, names deduplicated).
 * `percentiles(x, 50, 95)` is split into one `Value` per percentile, each a call to
 * `percentile(x, p)` named percentile_x_50, percentile_x_95.
 */
export type BoundAggregate =
  | { readonly kind: 'Value'; readonly name: string; readonly type: ScalarType; readonly expr: BoundExpr }
  | {
      readonly kind: 'ArgExtreme';
      readonly fn: 'arg_max' | 'arg_min' | 'take_any';
      readonly call: BoundCall;
      readonly by: BoundExpr | null;
      readonly columns: readonly BoundColumnDef[];
    };

export interface BoundSummarize extends OpBase {
  readonly kind: 'Summarize';
  /** Group keys in output order (before the aggregates). */
  readonly by: readonly BoundColumnDef[];
  readonly aggregates: readonly BoundAggregate[];
}

export interface BoundMakeSeries extends OpBase {
  readonly kind: 'MakeSeries';
  readonly aggregates: readonly {
    readonly name: string;
    readonly type: ScalarType;
    readonly expr: BoundExpr;
    readonly defaultValue: BoundExpr | null;
  }[];
  /** The axis column name and expression. */
  readonly on: BoundColumnDef;
  readonly from: BoundExpr | null;
  readonly to: BoundExpr | null;
  readonly step: BoundExpr;
  readonly by: readonly BoundColumnDef[];
  /** `kind=nonempty`: one row of defaults even without input rows. */
  readonly nonEmpty?: boolean;
  /** The `in range(start, stop, step)` form. */
  readonly inRange?: boolean;
}

// ---- joins

export type JoinKind =
  | 'innerunique'
  | 'inner'
  | 'leftouter'
  | 'rightouter'
  | 'fullouter'
  | 'leftanti'
  | 'rightanti'
  | 'leftsemi'
  | 'rightsemi';

/** Where an output column of a join/lookup comes from. */
export interface BoundJoinOutput {
  readonly name: string;
  readonly type: ScalarType;
  readonly side: 'left' | 'right';
  /** Column name in that side's schema. */
  readonly column: string;
}

export interface BoundJoin extends OpBase {
  readonly kind: 'Join';
  /** Default `innerunique` resolved; `leftantisemi` and friends normalised (leftanti ...). */
  readonly joinKind: JoinKind;
  readonly right: BoundTable;
  /** Equality key pairs from `on`. */
  readonly keys: readonly { readonly left: string; readonly right: string }[];
  /** Extra condition from `where` (columns carry `side`), or null. */
  readonly condition: BoundExpr | null;
  readonly outputs: readonly BoundJoinOutput[];
  readonly hints: Readonly<Record<string, string>>;
}

export interface BoundLookup extends OpBase {
  readonly kind: 'Lookup';
  readonly joinKind: 'leftouter' | 'inner';
  readonly right: BoundTable;
  readonly keys: readonly { readonly left: string; readonly right: string }[];
  readonly outputs: readonly BoundJoinOutput[];
}

/**
 * union (also the first-operator form). `inputs[i].columns[j]` is the column of input i
 * feeding output column j, or null (null-filled).
 */
export interface BoundUnion extends TabularBase {
  readonly kind: 'Union';
  readonly unionKind: 'outer' | 'inner';
  readonly inputs: readonly {
    readonly table: BoundTable;
    readonly columns: readonly (string | null)[];
    readonly sourceName: string;
  }[];
  /** `withsource=Name`: output column (first) holding each row's `sourceName`. */
  readonly withSource: string | null;
}

// ---- plugins and misc

/** evaluate plugin(...). `schema` is the analyser's view (e.g. bag_unpack: input columns minus the bag). */
export interface BoundEvaluate extends OpBase {
  readonly kind: 'Evaluate';
  readonly plugin: string;
  readonly args: readonly BoundExpr[];
  readonly namedArgs: Readonly<Record<string, BoundExpr>>;
  /** True when the query declares the output schema (`evaluate p(...) : (*, Name:type)`). */
  readonly declaredSchema?: boolean;
}

/** `getschema`: ColumnName:string, ColumnOrdinal:int, DataType:string, ColumnType:string. */
export interface BoundGetSchema extends OpBase {
  readonly kind: 'GetSchema';
}

/** Operators that pass rows through unchanged: render, as, consume, serialize without columns. */
export interface BoundPassThrough extends OpBase {
  readonly kind: 'PassThrough';
  readonly op: 'render' | 'as' | 'consume' | 'serialize';
  readonly name: string | null;
}

/** `invoke f(...)`: the expanded function body, fed by `input` as its first tabular argument. */
export interface BoundInvoke extends OpBase {
  readonly kind: 'Invoke';
  readonly name: string;
  readonly body: BoundTable;
}

/**
 * Operators the binder types but does not lower in detail (top-nested, top-hitters, scan,
 * partition, fork, facet, search, find, reduce, ...). The engine reports them unsupported;
 * `schema` is still exact where the analyser defines it.
 */
export interface BoundOpaque extends TabularBase {
  readonly kind: 'Opaque';
  readonly op: string;
  readonly input: BoundTable | null;
  /** `scan` only: its steps, bound for lowering. */
  readonly scan?: BoundScan;
  /** `top-nested` only: its levels, outermost first. */
  readonly topNested?: readonly BoundTopNestedLevel[];
  /** `partition by col (body)` (pipeline form only): `body` reads one partition as its implicit input. */
  readonly partition?: { readonly by: string; readonly body: BoundTable };
  /** `reduce` only: the value, `kind=` and the `with` parameters (threshold, characters) by name. */
  readonly reduce?: {
    readonly by: BoundExpr;
    readonly kind: string | null;
    readonly options: Readonly<Record<string, BoundExpr>>;
  };
}

/** Error recovery: a tabular expression that failed to bind. */
export interface BoundTableError extends TabularBase {
  readonly kind: 'TableError';
}

export type BoundTable =
  | BoundTableSource
  | BoundLetTable
  | BoundImplicitInput
  | BoundDatatable
  | BoundRange
  | BoundPrint
  | BoundExternalData
  | BoundUdfTable
  | BoundWhere
  | BoundProject
  | BoundExtend
  | BoundSort
  | BoundTop
  | BoundTake
  | BoundSample
  | BoundSampleDistinct
  | BoundCount
  | BoundDistinct
  | BoundSummarize
  | BoundMakeSeries
  | BoundJoin
  | BoundLookup
  | BoundUnion
  | BoundMvExpand
  | BoundMvApply
  | BoundParse
  | BoundParseKv
  | BoundEvaluate
  | BoundGetSchema
  | BoundPassThrough
  | BoundInvoke
  | BoundOpaque
  | BoundGraphMatch
  | BoundGraphTable
  | BoundTableError;

// ---------------------------------------------------------------- query

export interface BoundQuery {
  readonly kind: 'BoundQuery';
  /** The result of the last tabular statement, or null if the query has none. */
  readonly result: BoundTable | null;
  /** Every tabular statement's result, in order (Kusto returns several result sets). */
  readonly results: readonly BoundTable[];
  /** Tabular lets, in definition order; `LetTable` nodes with the same id refer to these. */
  readonly lets: readonly BoundLetTable[];
  /** Names declared by `declare query_parameters(...)` with their types. */
  readonly parameters: readonly Column[];
}
