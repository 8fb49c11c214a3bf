// The relational plan between the bound tree and SQL. Dialect-neutral: scalar
// expressions name Kusto functions and operators; each dialect translates them from
// its templates. Every node knows its output columns (Kusto names and types).
import type { Span } from '../kql/ast.js';
import type { Column, ScalarType } from '../kql/types.js';
import { graphInputs, graphPlanText, type GraphPlanNode } from './plan-graph.js';

export type LitValue = string | number | bigint | boolean | null;

/** A scalar expression over the columns of the node's input. */
export type Sx =
  | { readonly k: 'col'; readonly name: string; readonly type: ScalarType }
  /** Column of one side of a join (`on`/band conditions, post-join renames). */
  | { readonly k: 'side'; readonly side: 'left' | 'right'; readonly name: string; readonly type: ScalarType }
  /**
   * A typed constant. datetime: ns since epoch as bigint; timespan: ticks as bigint;
   * dynamic: JSON text; string/guid: text; numbers: number or bigint (long); bool.
   */
  | { readonly k: 'lit'; readonly type: ScalarType; readonly value: LitValue }
  /** A catalog function (scalar or aggregate), translated by the dialect's template. */
  | {
      readonly k: 'fn';
      readonly name: string;
      readonly args: readonly Sx[];
      readonly type: ScalarType;
      readonly span: Span;
      /** Bound as an aggregate (names such as hll_merge are both a scalar and an aggregate). */
      readonly agg?: true;
    }
  /** A Kusto operator: arithmetic, comparison, logical, string and list operators. */
  | {
      readonly k: 'op';
      readonly op: string;
      readonly args: readonly Sx[];
      readonly type: ScalarType;
      readonly span: Span;
    }
  /** Dynamic member/index access, `a.b`, `a["b"]`, `a[0]`. */
  | { readonly k: 'path'; readonly target: Sx; readonly steps: readonly Sx[]; readonly type: ScalarType }
  /** `toscalar(T)`: first column of the first row. */
  | { readonly k: 'scalarq'; readonly plan: Plan; readonly type: ScalarType }
  /** `x in (T)`: membership in the first column of a tabular expression. */
  | { readonly k: 'inq'; readonly op: string; readonly left: Sx; readonly plan: Plan; readonly type: ScalarType }
  /** `*` argument (arg_max(x, *)) expanded by lowering; never reaches the dialect. */
  | { readonly k: 'star'; readonly type: ScalarType };

export interface NamedSx {
  readonly name: string;
  readonly expr: Sx;
}

export interface SortKey {
  readonly expr: Sx;
  readonly desc: boolean;
  readonly nullsFirst: boolean;
}

export type JoinKind =
  | 'inner'
  | 'innerunique'
  | 'leftouter'
  | 'rightouter'
  | 'fullouter'
  | 'leftanti'
  | 'rightanti'
  | 'leftsemi'
  | 'rightsemi';

/** Output column of a join, taken from one side. */
export interface JoinOutput {
  readonly name: string;
  readonly side: 'left' | 'right';
  readonly source: string;
  readonly type: ScalarType;
}

/**
 * A band on two time columns: right.time between left.time + lo .. left.time + hi (ticks).
 * Planned as an equi-join on time buckets plus the exact band check, so a ±2 min pivot
 * is linear in the matches rather than quadratic per key.
 */
export interface TimeBand {
  readonly leftTime: string;
  readonly rightTime: string;
  readonly loTicks: bigint;
  readonly hiTicks: bigint;
}

export type Plan =
  | { readonly kind: 'Scan'; readonly table: string; readonly columns: readonly Column[] }
  /** Literal rows (datatable, print). */
  | { readonly kind: 'Values'; readonly columns: readonly Column[]; readonly rows: readonly (readonly Sx[])[] }
  | {
      readonly kind: 'Range';
      readonly columns: readonly Column[];
      readonly from: Sx;
      readonly to: Sx;
      readonly step: Sx;
    }
  | { readonly kind: 'Filter'; readonly input: Plan; readonly predicate: Sx; readonly columns: readonly Column[] }
  | {
      readonly kind: 'Project';
      readonly input: Plan;
      readonly items: readonly NamedSx[];
      readonly columns: readonly Column[];
    }
  | {
      readonly kind: 'Aggregate';
      readonly input: Plan;
      readonly keys: readonly NamedSx[];
      readonly aggs: readonly NamedSx[];
      readonly columns: readonly Column[];
    }
  | { readonly kind: 'Distinct'; readonly input: Plan; readonly columns: readonly Column[] }
  | {
      readonly kind: 'Sort';
      readonly input: Plan;
      readonly keys: readonly SortKey[];
      readonly columns: readonly Column[];
    }
  | { readonly kind: 'Limit'; readonly input: Plan; readonly count: Sx; readonly columns: readonly Column[] }
  /** Sort + limit (top), kept together so the dialect can use a top-N operator. */
  | {
      readonly kind: 'TopN';
      readonly input: Plan;
      readonly keys: readonly SortKey[];
      readonly count: Sx;
      readonly columns: readonly Column[];
    }
  | {
      readonly kind: 'Join';
      readonly join: JoinKind;
      readonly left: Plan;
      readonly right: Plan;
      /** Equality pairs: left expression (over left columns) = right expression (over right columns). */
      readonly on: readonly { readonly left: Sx; readonly right: Sx }[];
      /** Extra join condition (`side` references), part of ON. */
      readonly condition: Sx | null;
      readonly band: TimeBand | null;
      readonly output: readonly JoinOutput[];
      readonly columns: readonly Column[];
    }
  | { readonly kind: 'Union'; readonly inputs: readonly Plan[]; readonly columns: readonly Column[] }
  /** mv-expand: each listed dynamic column becomes one row per element (zipped). */
  | {
      readonly kind: 'Unnest';
      readonly input: Plan;
      readonly items: readonly { readonly name: string; readonly expr: Sx; readonly toType: ScalarType }[];
      /** Property bags expand to [key, value] arrays (bagexpansion=array) instead of {key: value}. */
      readonly bagArray: boolean;
      readonly limit: Sx | null;
      /** with_itemindex: output column holding each element's 0-based position. */
      readonly index: string | null;
      readonly columns: readonly Column[];
    }
  /**
   * The first `count` rows of each partition in `keys` order (arbitrary rows without keys), output
   * sorted by partition then keys. Per-group top/take (mv-apply sub-queries, partition).
   */
  | {
      readonly kind: 'GroupLimit';
      readonly input: Plan;
      readonly partition: readonly Sx[];
      readonly keys: readonly SortKey[];
      readonly count: Sx;
      readonly columns: readonly Column[];
    }
  /** Window functions over the serialized (current) order: row_number, prev, next. */
  | {
      readonly kind: 'Window';
      readonly input: Plan;
      readonly items: readonly NamedSx[];
      readonly columns: readonly Column[];
    }
  /**
   * `scan`: a state machine over the serialized input (scan-operator.md). State references
   * are `col` scalars named `step.col`; the dialect runs it as a recursive query.
   */
  | {
      readonly kind: 'SeqScan';
      readonly input: Plan;
      readonly declared: readonly { readonly name: string; readonly type: ScalarType; readonly init: Sx | null }[];
      readonly steps: readonly ScanStepPlan[];
      readonly matchId: string | null;
      readonly columns: readonly Column[];
    }
  /** Reference to a shared (let/materialize) subplan, emitted once as a CTE. */
  | { readonly kind: 'Ref'; readonly name: string; readonly plan: Plan; readonly columns: readonly Column[] }
  | GraphPlanNode;

export interface ScanStepPlan {
  readonly name: string;
  readonly output: 'all' | 'none';
  readonly condition: Sx;
  readonly assignments: readonly NamedSx[];
}

export function col(name: string, type: ScalarType): Sx {
  return { k: 'col', name, type };
}

/** Columns with the same names as `cols`, referenced from the input. */
export function passThrough(cols: readonly Column[]): NamedSx[] {
  return cols.map((c) => ({ name: c.name, expr: col(c.name, c.type) }));
}

const INDENT = '  ';

function sxText(e: Sx): string {
  switch (e.k) {
    case 'col':
      return e.name;
    case 'side':
      return `$${e.side}.${e.name}`;
    case 'lit':
      return e.value === null
        ? `${e.type}(null)`
        : typeof e.value === 'string'
          ? JSON.stringify(e.value)
          : String(e.value);
    case 'fn':
      return `${e.name}(${e.args.map(sxText).join(', ')})`;
    case 'op':
      return `(${e.op} ${e.args.map(sxText).join(' ')})`;
    case 'path':
      return `${sxText(e.target)}${e.steps.map((s) => `[${sxText(s)}]`).join('')}`;
    case 'scalarq':
      return `toscalar(...)`;
    case 'inq':
      return `(${sxText(e.left)} ${e.op} (subquery))`;
    case 'star':
      return '*';
  }
}

/** A readable, indented rendering of the plan for `explain`. */
export function planText(p: Plan, depth = 0): string {
  const pad = INDENT.repeat(depth);
  const kids = (...ps: Plan[]) => ps.map((c) => planText(c, depth + 1)).join('');
  const cols = `[${p.columns.map((c) => `${c.name}:${c.type}`).join(', ')}]`;
  switch (p.kind) {
    case 'Scan':
      return `${pad}Scan ${p.table} ${cols}\n`;
    case 'Values':
      return `${pad}Values ${p.rows.length} rows ${cols}\n`;
    case 'Range':
      return `${pad}Range ${sxText(p.from)} .. ${sxText(p.to)} step ${sxText(p.step)} ${cols}\n`;
    case 'Filter':
      return `${pad}Filter ${sxText(p.predicate)}\n${kids(p.input)}`;
    case 'Project':
      return `${pad}Project ${p.items.map((i) => `${i.name}=${sxText(i.expr)}`).join(', ')}\n${kids(p.input)}`;
    case 'Aggregate':
      return `${pad}Aggregate keys(${p.keys.map((i) => `${i.name}=${sxText(i.expr)}`).join(', ')}) aggs(${p.aggs
        .map((i) => `${i.name}=${sxText(i.expr)}`)
        .join(', ')})\n${kids(p.input)}`;
    case 'Distinct':
      return `${pad}Distinct ${cols}\n${kids(p.input)}`;
    case 'Sort':
      return `${pad}Sort ${p.keys.map(keyText).join(', ')}\n${kids(p.input)}`;
    case 'Limit':
      return `${pad}Limit ${sxText(p.count)}\n${kids(p.input)}`;
    case 'TopN':
      return `${pad}TopN ${sxText(p.count)} by ${p.keys.map(keyText).join(', ')}\n${kids(p.input)}`;
    case 'Join': {
      const on = p.on.map((o) => `${sxText(o.left)} == ${sxText(o.right)}`).join(' and ');
      const band = p.band
        ? ` band(right.${p.band.rightTime} in left.${p.band.leftTime} + [${p.band.loTicks}, ${p.band.hiTicks}] ticks, bucketed)`
        : '';
      return `${pad}Join ${p.join} on ${on}${band} ${cols}\n${kids(p.left, p.right)}`;
    }
    case 'Union':
      return `${pad}Union ${cols}\n${kids(...p.inputs)}`;
    case 'Unnest':
      return `${pad}Unnest ${p.items.map((i) => `${i.name}=${sxText(i.expr)}`).join(', ')}\n${kids(p.input)}`;
    case 'GroupLimit':
      return `${pad}GroupLimit ${sxText(p.count)} per (${p.partition.map(sxText).join(', ')}) by ${p.keys.map(keyText).join(', ')}\n${kids(p.input)}`;
    case 'Window':
      return `${pad}Window ${p.items.map((i) => `${i.name}=${sxText(i.expr)}`).join(', ')}\n${kids(p.input)}`;
    case 'SeqScan':
      return `${pad}SeqScan ${p.steps.map((s) => `${s.name}: ${sxText(s.condition)}${s.assignments.map((a) => ` ${a.name}=${sxText(a.expr)}`).join(',')}`).join('; ')} ${cols}\n${kids(p.input)}`;
    case 'Ref':
      return `${pad}Ref ${p.name} ${cols}\n`;
    case 'GraphMatch':
    case 'GraphTable':
      return `${pad}${graphPlanText(p)} ${cols}\n${kids(...graphInputs(p.graph))}`;
  }
}

function keyText(k: SortKey): string {
  return `${sxText(k.expr)} ${k.desc ? 'desc' : 'asc'} nulls ${k.nullsFirst ? 'first' : 'last'}`;
}
