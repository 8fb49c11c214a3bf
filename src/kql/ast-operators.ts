// The syntax tree's tabular operators (`| where ...`, `| summarize ...`, graph operators),
// split from ast.ts by family; ast.ts re-exports everything here.
import type {
  Call,
  ColumnDecl,
  Expr,
  FunctionDef,
  Ident,
  Param,
  Query,
  ScalarTypeRef,
  Span,
  Statement,
  TabularTypeRef,
  TypeRef,
} from './ast.js';
import type { GraphMarkComponentsOp, GraphMatchOp, GraphToTableOp, MakeGraphOp } from './ast-graph.js';
import type { FacetOp, ForkOp, PartitionOp, ScanOp } from './ast-subpipeline.js';
import type { FindOp, PrintOp, RangeOp, SearchOp } from './ast-sources.js';
// Graph operators, the operators that run sub-pipelines and those that produce rows from
// scratch or across tables live in their own files (this one would pass 500 lines with them).
export type * from './ast-graph.js';
export type * from './ast-subpipeline.js';
export type * from './ast-sources.js';

// ---------------------------------------------------------------- operators

/** `kind=inner`, `hint.strategy=shuffle`, `withsource=T`, `isfuzzy=true`, `bagexpansion=array`, ... */
export interface OpParam {
  readonly kind: 'OpParam';
  readonly name: string;
  readonly value: Expr;
  readonly span: Span;
}

/** `[name =] expr` or `(a, b) = expr` in project/extend/summarize/by lists. */
export interface NamedExpr {
  readonly kind: 'NamedExpr';
  /** Empty when unnamed; more than one for tuple assignment `(a, b) = f(x)`. */
  readonly names: readonly Ident[];
  readonly expr: Expr;
  readonly span: Span;
}

export interface SortItem {
  readonly kind: 'SortItem';
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc' | null;
  readonly nulls: 'first' | 'last' | null;
  readonly span: Span;
}

/** A column name or wildcard pattern (`Initiating*`) in project-away/keep/reorder. */
export interface ColumnPattern {
  readonly kind: 'ColumnPattern';
  readonly pattern: string;
  readonly span: Span;
}

export interface WhereOp {
  readonly kind: 'Where';
  readonly params: readonly OpParam[];
  readonly predicate: Expr;
  readonly span: Span;
}
export interface ProjectOp {
  readonly kind: 'Project';
  readonly items: readonly NamedExpr[];
  readonly span: Span;
}
export interface ProjectAwayOp {
  readonly kind: 'ProjectAway';
  readonly columns: readonly ColumnPattern[];
  readonly span: Span;
}
export interface ProjectKeepOp {
  readonly kind: 'ProjectKeep';
  readonly columns: readonly ColumnPattern[];
  readonly span: Span;
}
export interface ProjectRenameOp {
  readonly kind: 'ProjectRename';
  readonly items: readonly { readonly newName: Ident; readonly oldName: Ident; readonly span: Span }[];
  readonly span: Span;
}
export interface ProjectReorderOp {
  readonly kind: 'ProjectReorder';
  readonly items: readonly {
    readonly column: ColumnPattern;
    readonly order: 'asc' | 'desc' | 'granny-asc' | 'granny-desc' | null;
    readonly span: Span;
  }[];
  readonly span: Span;
}
export interface ExtendOp {
  readonly kind: 'Extend';
  readonly items: readonly NamedExpr[];
  readonly span: Span;
}
export interface SummarizeOp {
  readonly kind: 'Summarize';
  readonly params: readonly OpParam[];
  readonly aggregates: readonly NamedExpr[];
  readonly by: readonly NamedExpr[];
  readonly span: Span;
}
export interface SortOp {
  readonly kind: 'Sort';
  readonly params: readonly OpParam[];
  readonly items: readonly SortItem[];
  readonly span: Span;
}
export interface TopOp {
  readonly kind: 'Top';
  readonly count: Expr;
  readonly by: SortItem;
  readonly span: Span;
}
export interface TopNestedLevel {
  readonly kind: 'TopNestedLevel';
  readonly count: Expr | null;
  readonly of: NamedExpr;
  readonly withOthers: Expr | null;
  readonly by: NamedExpr;
  readonly direction: 'asc' | 'desc' | null;
  readonly span: Span;
}
export interface TopNestedOp {
  readonly kind: 'TopNested';
  readonly levels: readonly TopNestedLevel[];
  readonly span: Span;
}
export interface TopHittersOp {
  readonly kind: 'TopHitters';
  readonly count: Expr;
  readonly of: Expr;
  readonly by: Expr | null;
  readonly span: Span;
}
export interface TakeOp {
  readonly kind: 'Take';
  readonly params: readonly OpParam[];
  readonly count: Expr;
  readonly span: Span;
}
export interface CountOp {
  readonly kind: 'Count';
  readonly span: Span;
}
export interface DistinctOp {
  readonly kind: 'Distinct';
  readonly params: readonly OpParam[];
  /** Empty with `star` true for `distinct *`. */
  readonly items: readonly NamedExpr[];
  readonly star: boolean;
  readonly span: Span;
}
export interface JoinOp {
  readonly kind: 'Join';
  readonly params: readonly OpParam[];
  readonly right: Expr;
  /** `on` conditions: column names, or `$left.a == $right.b` comparisons. Empty if `where` is used. */
  readonly on: readonly Expr[];
  readonly where: Expr | null;
  readonly span: Span;
}
export interface LookupOp {
  readonly kind: 'Lookup';
  readonly params: readonly OpParam[];
  readonly right: Expr;
  readonly on: readonly Expr[];
  readonly span: Span;
}
export interface UnionOp {
  readonly kind: 'Union';
  readonly params: readonly OpParam[];
  /** Table names (possibly wildcard patterns, as NameRef with `*` in the name) or parenthesised subqueries. */
  readonly tables: readonly Expr[];
  readonly span: Span;
}
export interface MvExpandItem {
  readonly kind: 'MvExpandItem';
  readonly name: Ident | null;
  readonly expr: Expr;
  readonly toType: ScalarTypeRef | null;
  readonly span: Span;
}
export interface MvExpandOp {
  readonly kind: 'MvExpand';
  readonly params: readonly OpParam[];
  readonly items: readonly MvExpandItem[];
  readonly limit: Expr | null;
  readonly span: Span;
}
export interface MvApplyOp {
  readonly kind: 'MvApply';
  readonly params: readonly OpParam[];
  readonly items: readonly MvExpandItem[];
  readonly limit: Expr | null;
  readonly id: Ident | null;
  /** `on (subquery)`: a Pipeline with a null source fed by each row's expanded values. */
  readonly body: Expr;
  readonly span: Span;
}
export type ParsePatternPart =
  | { readonly kind: 'ParseText'; readonly text: Expr; readonly span: Span }
  | { readonly kind: 'ParseColumn'; readonly name: Ident; readonly type: ScalarTypeRef | null; readonly span: Span }
  | { readonly kind: 'ParseStar'; readonly span: Span };
export interface ParseOp {
  readonly kind: 'Parse';
  /** `parse` or `parse-where`. */
  readonly where: boolean;
  readonly params: readonly OpParam[];
  readonly input: Expr;
  readonly pattern: readonly ParsePatternPart[];
  readonly span: Span;
}
export interface ParseKvOp {
  readonly kind: 'ParseKv';
  readonly input: Expr;
  readonly columns: readonly ColumnDecl[];
  /** `with (pair_delimiter=..., kv_delimiter=..., quote=..., escape=..., greedy=...)` */
  readonly options: readonly OpParam[];
  readonly span: Span;
}
export interface MakeSeriesAggregate {
  readonly kind: 'MakeSeriesAggregate';
  readonly item: NamedExpr;
  readonly defaultValue: Expr | null;
  readonly span: Span;
}
export interface MakeSeriesOp {
  readonly kind: 'MakeSeries';
  readonly params: readonly OpParam[];
  readonly aggregates: readonly MakeSeriesAggregate[];
  readonly on: Expr;
  readonly from: Expr | null;
  readonly to: Expr | null;
  readonly step: Expr;
  /** True for the `in range(start, stop, step)` form. */
  readonly inRange: boolean;
  readonly by: readonly NamedExpr[];
  readonly span: Span;
}
export interface RenderOp {
  readonly kind: 'Render';
  readonly chart: Ident;
  readonly with: readonly OpParam[];
  readonly span: Span;
}
export interface EvaluateOp {
  readonly kind: 'Evaluate';
  readonly params: readonly OpParam[];
  readonly plugin: Call;
  /** `evaluate bag_unpack(d) : (*, Name:string)`: the declared output schema, when written. */
  readonly schema?: TabularTypeRef;
  readonly span: Span;
}
export interface InvokeOp {
  readonly kind: 'Invoke';
  readonly call: Call;
  readonly span: Span;
}
export interface AsOp {
  readonly kind: 'As';
  readonly params: readonly OpParam[];
  readonly name: Ident;
  readonly span: Span;
}
export interface SampleOp {
  readonly kind: 'Sample';
  readonly count: Expr;
  readonly span: Span;
}
export interface SampleDistinctOp {
  readonly kind: 'SampleDistinct';
  readonly count: Expr;
  readonly of: Expr;
  readonly span: Span;
}
export interface SerializeOp {
  readonly kind: 'Serialize';
  readonly items: readonly NamedExpr[];
  readonly span: Span;
}
export interface GetSchemaOp {
  readonly kind: 'GetSchema';
  readonly span: Span;
}
export interface ConsumeOp {
  readonly kind: 'Consume';
  readonly params: readonly OpParam[];
  readonly span: Span;
}
export interface ReduceOp {
  readonly kind: 'Reduce';
  readonly params: readonly OpParam[];
  readonly by: Expr;
  readonly with: readonly OpParam[];
  readonly span: Span;
}

/**
 * An operator the parser accepts but does not read in detail: a graph operator or
 * project-by-names written in a form outside the modelled grammar (e.g. labelled graph
 * patterns `(a:Person)`). `text` is the operator's token text after its name, comments
 * removed, so later stages can name it in an "unsupported" diagnostic.
 */
export interface UnmodeledOp {
  readonly kind: 'Unmodeled';
  readonly name: string;
  readonly text: string;
  readonly span: Span;
}

/** `project-by-names "Name", "C*", dynamic(["a"]), column_names_of(T)`: columns chosen by name at query time. */
export interface ProjectByNamesOp {
  readonly kind: 'ProjectByNames';
  readonly items: readonly Expr[];
  readonly span: Span;
}

export type Operator =
  | ProjectByNamesOp
  | MakeGraphOp
  | GraphMatchOp
  | GraphToTableOp
  | GraphMarkComponentsOp
  | UnmodeledOp
  | WhereOp
  | ProjectOp
  | ProjectAwayOp
  | ProjectKeepOp
  | ProjectRenameOp
  | ProjectReorderOp
  | ExtendOp
  | SummarizeOp
  | SortOp
  | TopOp
  | TopNestedOp
  | TopHittersOp
  | TakeOp
  | CountOp
  | DistinctOp
  | JoinOp
  | LookupOp
  | UnionOp
  | MvExpandOp
  | MvApplyOp
  | ParseOp
  | ParseKvOp
  | MakeSeriesOp
  | RenderOp
  | EvaluateOp
  | SearchOp
  | FindOp
  | InvokeOp
  | AsOp
  | SampleOp
  | SampleDistinctOp
  | SerializeOp
  | GetSchemaOp
  | ConsumeOp
  | ScanOp
  | PartitionOp
  | ForkOp
  | FacetOp
  | PrintOp
  | RangeOp
  | ReduceOp;

export type Node =
  | Query
  | Statement
  | FunctionDef
  | Param
  | Expr
  | Operator
  | OpParam
  | NamedExpr
  | SortItem
  | ColumnPattern
  | ColumnDecl
  | TypeRef
  | Ident;
