// The KQL syntax tree. Every node is readonly, tagged by `kind`, and carries the
// source span it was parsed from, so that any later stage can point at the text.
//
// Design choice (mirrors Kusto's own grammar): tabular and scalar expressions are
// one `Expr` union. A pipeline is just an expression whose value is a table, so
// `toscalar(T | count)`, `x in (T | project y)`, `let t = T | where ...;` and
// `join (T | where ...)` need no special syntax: the binder decides which names
// are tables and which are scalars.

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
  /** `(*)` or `(a:string, *)`: any further columns are accepted. */
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
export interface SearchOp {
  readonly kind: 'Search';
  readonly params: readonly OpParam[];
  /** `in (T1, T2)`; empty when not given. */
  readonly tables: readonly Expr[];
  readonly predicate: Expr;
  readonly span: Span;
}
export interface FindOp {
  readonly kind: 'Find';
  readonly params: readonly OpParam[];
  readonly tables: readonly Expr[];
  readonly predicate: Expr;
  /** `project ...`, `project-smart`, or null. */
  readonly project: readonly NamedExpr[] | 'smart' | null;
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
export interface ScanStep {
  readonly kind: 'ScanStep';
  readonly name: Ident;
  readonly output: 'all' | 'last' | 'none' | null;
  readonly condition: Expr;
  readonly assignments: readonly NamedExpr[];
  readonly span: Span;
}
export interface ScanOp {
  readonly kind: 'Scan';
  readonly params: readonly OpParam[];
  readonly matchId: Ident | null;
  readonly declare: readonly Param[];
  readonly steps: readonly ScanStep[];
  readonly span: Span;
}
export interface PartitionOp {
  readonly kind: 'Partition';
  readonly params: readonly OpParam[];
  readonly by: Ident;
  /** A Pipeline with a null source (each partition feeds it), or a `{ }` legacy body. */
  readonly body: Expr;
  readonly span: Span;
}
export interface ForkOp {
  readonly kind: 'Fork';
  readonly branches: readonly { readonly name: Ident | null; readonly body: Expr; readonly span: Span }[];
  readonly span: Span;
}
export interface FacetOp {
  readonly kind: 'Facet';
  readonly columns: readonly Ident[];
  readonly with: Expr | null;
  readonly span: Span;
}
export interface PrintOp {
  readonly kind: 'Print';
  readonly items: readonly NamedExpr[];
  readonly span: Span;
}
export interface RangeOp {
  readonly kind: 'Range';
  readonly column: Ident;
  readonly from: Expr;
  readonly to: Expr;
  readonly step: Expr;
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

// ---- graph operators

/** `(name)` in a graph pattern; the name may be omitted: `()`. */
export interface GraphNodePattern {
  readonly kind: 'GraphNode';
  readonly name: Ident | null;
  readonly span: Span;
}
/**
 * An edge in a graph pattern: `-[e]->`, `<-[e]-`, `-[e]-`, `-->`, `<--`, `--`.
 * `range` is the variable-length quantifier `*min..max` (or `*n`, max null).
 */
export interface GraphEdgePattern {
  readonly kind: 'GraphEdge';
  readonly name: Ident | null;
  readonly direction: '->' | '<-' | '--';
  readonly range: { readonly min: Expr; readonly max: Expr | null } | null;
  /** Written with `[...]` (always true when named or ranged). */
  readonly bracketed: boolean;
  readonly span: Span;
}
/** One path: node (edge node)*. */
export interface GraphPath {
  readonly kind: 'GraphPath';
  readonly elements: readonly (GraphNodePattern | GraphEdgePattern)[];
  readonly span: Span;
}
/** `make-graph Src --> Dst [with T on Key, ...] [with_node_id=Name] [partitioned-by Col (subquery)]`. */
export interface MakeGraphOp {
  readonly kind: 'MakeGraph';
  readonly source: Ident;
  readonly target: Ident;
  /** `-->` (true) or `--` (false). */
  readonly directed: boolean;
  readonly nodes: readonly { readonly table: Expr; readonly key: Ident; readonly span: Span }[];
  /** `with_node_id=Name` (and any further `name=value` parameters). */
  readonly params: readonly OpParam[];
  readonly partitionedBy: { readonly column: Ident; readonly body: Expr } | null;
  readonly span: Span;
}
/** `graph-match` / `graph-shortest-paths [params] pattern, ... [where pred] project items`. */
export interface GraphMatchOp {
  readonly kind: 'GraphMatch';
  readonly shortestPaths: boolean;
  readonly params: readonly OpParam[];
  readonly patterns: readonly GraphPath[];
  readonly where: Expr | null;
  /** Null when the project clause is absent. */
  readonly project: readonly NamedExpr[] | null;
  readonly span: Span;
}
/** `graph-to-table nodes [as N] [with_node_id=X] [, edges [as E] [with_source_id=S] [with_target_id=T]]`. */
export interface GraphToTableOp {
  readonly kind: 'GraphToTable';
  readonly outputs: readonly {
    readonly what: 'nodes' | 'edges';
    readonly as: Ident | null;
    readonly params: readonly OpParam[];
    readonly span: Span;
  }[];
  readonly span: Span;
}
/** `graph-mark-components [kind=weak|strong] [with_component_id=Name]`. */
export interface GraphMarkComponentsOp {
  readonly kind: 'GraphMarkComponents';
  readonly params: readonly OpParam[];
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
