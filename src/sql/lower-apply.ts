// mv-apply: the sub-query runs once per input row. Rows get a row id (`__rid`, in a
// materialized CTE so that every use sees the same numbering), are expanded, and the
// sub-query is lowered "per group": row-local operators keep the id, top/take become
// per-id limits, summarize/count group by the id, sort sorts within the id. The result
// is joined back to the row's other columns on the id.
import type { BoundTable } from '../kql/bound.js';
import type { Column } from '../kql/types.js';
import { lowerScalar, unsupported } from './lower-scalar.js';
import { lowerSummarize, lowerTable, type Ctx } from './lower.js';
import { col, passThrough, type NamedSx, type Plan, type Sx } from './plan.js';

type BoundMvApply = Extract<BoundTable, { kind: 'MvApply' }>;

const RID = '__rid';
const ridCol: Column = { name: RID, type: 'long' };
const rid: Sx = col(RID, 'long');
const ridKey: NamedSx = { name: RID, expr: rid };

function withIds(input: Plan, t: BoundMvApply, cx: Ctx): Plan {
  const rowNumber: Sx = { k: 'fn', name: 'row_number', args: [], type: 'long', span: t.span };
  const rowed: Plan = {
    kind: 'Window',
    input,
    items: [...passThrough(input.columns), { name: RID, expr: rowNumber }],
    columns: [...input.columns, ridCol],
  };
  // The same mv-apply (in a function body) can be lowered on different inputs: registering
  // each under a fresh (negative, never a let id) key keeps the CTE names distinct.
  const key = -(cx.lets.size + 1);
  const ref: Plan = { kind: 'Ref', name: `apply_${-key}`, plan: rowed, columns: rowed.columns };
  cx.lets.set(key, ref);
  return ref;
}

/** Runs `build` on a bound operator whose input is replaced by the (already lowered) `input`. */
function local(b: BoundTable & { input: BoundTable }, input: Plan, cx: Ctx): Plan {
  const stub: BoundTable = {
    kind: 'ImplicitInput',
    schema: { ...b.input.schema, columns: input.columns },
    span: b.span,
  };
  const saved = cx.implicit;
  cx.implicit = input;
  try {
    return lowerTable({ ...b, input: stub } as BoundTable, cx);
  } finally {
    cx.implicit = saved;
  }
}

/** Adds the row id to a row-local operator's output. */
function keepId(p: Plan, what: string, span: BoundTable['span']): Plan {
  if (p.columns.some((c) => c.name === RID)) return p;
  switch (p.kind) {
    case 'Project':
      return { ...p, items: [...p.items, ridKey], columns: [...p.columns, ridCol] };
    case 'Filter':
    case 'Unnest':
      return { ...p, columns: [...p.columns, ridCol] };
    default:
      return unsupported(`mv-apply sub-query with ${what}`, span);
  }
}

interface Group {
  readonly cx: Ctx;
  /** Every row id of the input, for sub-queries that return a row even on no input. */
  readonly ids: Plan;
  readonly expanded: Plan;
}

/**
 * An aggregation without group keys returns one row even on empty input (count 0, ...).
 * Per id: aggregate by id, then add the empty-input row for ids that had no rows.
 */
function perIdAggregate(input: Plan, g: Group, build: (input: Plan, extra: readonly NamedSx[]) => Plan): Plan {
  const agg = build(input, [ridKey]);
  const none: Plan = {
    kind: 'Filter',
    input,
    predicate: { k: 'lit', type: 'bool', value: false },
    columns: input.columns,
  };
  const empty = build(none, []);
  const missing: Plan = {
    kind: 'Join',
    join: 'leftanti',
    left: g.ids,
    right: agg,
    on: [{ left: rid, right: rid }],
    condition: null,
    band: null,
    output: [{ name: RID, side: 'left', source: RID, type: 'long' }],
    columns: [ridCol],
  };
  const filled: Plan = {
    kind: 'Join',
    join: 'inner',
    left: missing,
    right: empty,
    on: [],
    condition: null,
    band: null,
    output: agg.columns.map((c) =>
      c.name === RID
        ? { name: RID, side: 'left' as const, source: RID, type: 'long' as const }
        : { name: c.name, side: 'right' as const, source: c.name, type: c.type },
    ),
    columns: agg.columns,
  };
  return { kind: 'Union', inputs: [agg, filled], columns: agg.columns };
}

function grouped(b: BoundTable, g: Group): Plan {
  const { cx } = g;
  const scalarOf = (e: Parameters<typeof lowerScalar>[0]) => lowerScalarIn(e, cx);
  switch (b.kind) {
    case 'ImplicitInput':
      return g.expanded;
    case 'PassThrough':
      return grouped(b.input, g);
    case 'Where':
    case 'Extend':
    case 'Project':
    case 'Parse':
    case 'MvExpand':
      return keepId(local(b, grouped(b.input, g), cx), b.kind, b.span);
    case 'Take':
    case 'Sample': {
      const input = grouped(b.input, g);
      return {
        kind: 'GroupLimit',
        input,
        partition: [rid],
        keys: [],
        count: scalarOf(b.count),
        columns: input.columns,
      };
    }
    case 'Top': {
      const input = grouped(b.input, g);
      const k = b.key;
      const key = { expr: scalarOf(k.expr), desc: k.direction === 'desc', nullsFirst: k.nulls === 'first' };
      return {
        kind: 'GroupLimit',
        input,
        partition: [rid],
        keys: [key],
        count: scalarOf(b.count),
        columns: input.columns,
      };
    }
    case 'Sort': {
      const input = grouped(b.input, g);
      const keys = b.keys.map((k) => ({
        expr: scalarOf(k.expr),
        desc: k.direction === 'desc',
        nullsFirst: k.nulls === 'first',
      }));
      return {
        kind: 'Sort',
        input,
        keys: [{ expr: rid, desc: false, nullsFirst: false }, ...keys],
        columns: input.columns,
      };
    }
    case 'Summarize': {
      const input = grouped(b.input, g);
      const build = (i: Plan, extra: readonly NamedSx[]) => lowerSummarize(b, cx, i, extra);
      return b.by.length > 0 ? build(input, [ridKey]) : perIdAggregate(input, g, build);
    }
    case 'Count': {
      const input = grouped(b.input, g);
      const name = b.schema.columns[0]?.name ?? 'Count';
      const build = (i: Plan, extra: readonly NamedSx[]): Plan => {
        const agg: Plan = {
          kind: 'Aggregate',
          input: i,
          keys: extra,
          aggs: [{ name, expr: { k: 'fn', name: 'count', args: [], type: 'long', span: b.span } }],
          columns: [...extra.map((e) => ({ name: e.name, type: e.expr.type })), { name, type: 'long' }],
        };
        const out: Column[] = [{ name, type: 'long' }, ...extra.map((e) => ({ name: e.name, type: e.expr.type }))];
        return { kind: 'Project', input: agg, items: passThrough(out), columns: out };
      };
      return perIdAggregate(input, g, build);
    }
    case 'Distinct': {
      const input = grouped(b.input, g);
      const items = [...b.columns.map((c) => ({ name: c.name, expr: scalarOf(c.expr) })), ridKey];
      const columns = [...b.schema.columns, ridCol];
      return { kind: 'Distinct', input: { kind: 'Project', input, items, columns }, columns };
    }
    default:
      return unsupported(`mv-apply sub-query with ${b.kind}`, b.span);
  }
}

function lowerScalarIn(e: Parameters<typeof lowerScalar>[0], cx: Ctx): Sx {
  return lowerScalar(e, { table: (t) => lowerTable(t, cx) });
}

export function lowerMvApply(t: BoundMvApply, cx: Ctx): Plan {
  const ids = withIds(lowerTable(t.input, cx), t, cx);
  const added: Column[] = [
    ...t.items.map((i) => ({ name: i.name, type: i.type })),
    ...(t.withItemIndex === null ? [] : [{ name: t.withItemIndex, type: 'long' as const }]),
  ];
  const base = ids.columns.map((c) => added.find((a) => a.name === c.name) ?? c);
  const expandCols = [...base, ...added.filter((a) => !ids.columns.some((c) => c.name === a.name))];
  const expandNode: BoundTable = {
    kind: 'MvExpand',
    input: { kind: 'ImplicitInput', schema: t.input.schema, span: t.span },
    bagExpansion: 'bag',
    items: t.items,
    withItemIndex: t.withItemIndex,
    limit: t.limit,
    schema: { ...t.input.schema, columns: expandCols },
    span: t.span,
  };
  const saved = cx.implicit;
  cx.implicit = ids;
  let expanded: Plan;
  try {
    expanded = lowerTable(expandNode, cx);
  } finally {
    cx.implicit = saved;
  }
  const idsOnly: Plan = { kind: 'Project', input: ids, items: [ridKey], columns: [ridCol] };
  const body = grouped(t.body, { cx, ids: idsOnly, expanded });
  const fromBody = new Set(body.columns.map((c) => c.name));
  return {
    kind: 'Join',
    join: 'inner',
    left: ids,
    right: body,
    on: [{ left: rid, right: rid }],
    condition: null,
    band: null,
    output: t.schema.columns.map((c) => ({
      name: c.name,
      side: fromBody.has(c.name) ? ('right' as const) : ('left' as const),
      source: c.name,
      type: c.type,
    })),
    columns: t.schema.columns,
  };
}
