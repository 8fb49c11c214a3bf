// Bound tabular tree -> relational plan. Operator shapes (output columns, join outputs,
// union mappings, summarize names) come precomputed from the binder.
import type { BagKeys } from '../kql/binder/bag-unpack.js';
import type { BoundExpr, BoundQuery, BoundTable } from '../kql/bound.js';
import { diagnostic } from '../kql/diagnostics/diagnostic.js';
import type { Column } from '../kql/types.js';
import { detectBandConjunct, splitLeftOnly } from './band.js';
import { EXTERNALDATA_OFFLINE, TranslationError, UNSUPPORTED_OPERATOR } from './diagnostics.js';
import { lowerMvApply } from './lower-apply.js';
import { lowerGraphMatch, lowerGraphTable } from './lower-graph.js';
import { lowerParseKv } from './lower-kv.js';
import { lowerParse } from './lower-parse.js';
import { lowerMakeSeries } from './lower-series.js';
import { lowerScalar, unsupported } from './lower-scalar.js';
import { lowerEvaluate, lowerOpaque } from './lower-evaluate.js';
import { col, passThrough, type NamedSx, type Plan, type SortKey, type Sx } from './plan.js';

export interface Ctx {
  readonly lets: Map<number, Plan>;
  implicit: Plan | null;
  /** bag_unpack keys discovered from the data, by the operator's span start. */
  readonly bagKeys: BagKeys;
}

/** Thrown when bag_unpack needs its keys from the data: run `input`'s bag expression first. */
export class NeedsBagKeys extends Error {
  constructor(
    readonly at: number,
    readonly input: Plan,
    readonly bag: Sx,
    /** 'bag': the keys of the bag values; 'values': the distinct (string) values themselves. */
    readonly what: 'bag' | 'values' = 'bag',
  ) {
    super('bag_unpack needs key discovery');
  }
}

function scalar(e: BoundExpr, cx: Ctx, columns?: readonly Column[]): Sx {
  return lowerScalar(e, { table: (t) => lowerTable(t, cx), ...(columns === undefined ? {} : { columns }) });
}

const lit = (n: number): Sx => ({ k: 'lit', type: 'long', value: BigInt(n) });

function key(k: { expr: BoundExpr; direction: 'asc' | 'desc'; nulls: 'first' | 'last' }, cx: Ctx): SortKey {
  return { expr: scalar(k.expr, cx), desc: k.direction === 'desc', nullsFirst: k.nulls === 'first' };
}

function project(input: Plan, items: NamedSx[], columns: readonly Column[]): Plan {
  return { kind: 'Project', input, items, columns };
}

export function lowerTable(t: BoundTable, cx: Ctx): Plan {
  const columns = t.schema.columns;
  switch (t.kind) {
    case 'Table':
      return { kind: 'Scan', table: t.name, columns };
    case 'LetTable': {
      if (!t.materialized) return lowerTable(t.value, cx);
      let p = cx.lets.get(t.id);
      if (p === undefined) {
        p = { kind: 'Ref', name: `let_${t.id}_${t.name}`, plan: lowerTable(t.value, cx), columns };
        cx.lets.set(t.id, p);
      }
      return p;
    }
    case 'ImplicitInput':
      if (cx.implicit === null) return unsupported('a sub-pipeline without input', t.span);
      return cx.implicit;
    case 'Datatable':
      return { kind: 'Values', columns, rows: t.rows.map((r) => r.map((v) => scalar(v, cx))) };
    case 'Range':
      return { kind: 'Range', columns, from: scalar(t.from, cx), to: scalar(t.to, cx), step: scalar(t.step, cx) };
    case 'Print':
      return { kind: 'Values', columns, rows: [t.columns.map((c) => scalar(c.expr, cx))] };
    case 'ExternalData':
      throw new TranslationError(diagnostic(EXTERNALDATA_OFFLINE, {}, t.span));
    case 'UdfTable':
      return lowerTable(t.body, cx);
    case 'Invoke': {
      const saved = cx.implicit;
      cx.implicit = lowerTable(t.input, cx);
      try {
        return lowerTable(t.body, cx);
      } finally {
        cx.implicit = saved;
      }
    }
    case 'Where': {
      if (t.input.kind === 'Join' && t.input.joinKind === 'innerunique') {
        const { pushed, kept } = splitLeftOnly(t.input, t.predicate);
        if (pushed.length > 0) {
          const j = t.input;
          const left = pushed.reduce<BoundTable>(
            (acc, p) => ({ kind: 'Where', input: acc, predicate: p, schema: acc.schema, span: t.span }),
            j.input,
          );
          const join: BoundTable = { ...j, input: left };
          if (kept.length === 0) return lowerTable(join, cx);
          const pred = kept.reduce((a, b) => ({
            kind: 'Binary',
            op: 'and',
            left: a,
            right: b,
            type: 'bool',
            span: t.span,
          }));
          return lowerTable({ ...t, input: join, predicate: pred }, cx);
        }
      }
      const input = lowerTable(t.input, cx);
      if (t.input.kind === 'Join' && input.kind === 'Join' && input.band === null) {
        const b = detectBandConjunct(t.input, t.predicate); // the join applies the band's `between`
        const join: Plan | null = b === null ? null : { ...input, band: b.band };
        if (join !== null)
          return b?.rest ? { kind: 'Filter', input: join, predicate: scalar(b.rest, cx), columns } : join;
      }
      return { kind: 'Filter', input, predicate: scalar(t.predicate, cx, t.input.schema.columns), columns };
    }
    case 'Project':
      return project(
        lowerTable(t.input, cx),
        t.columns.map((c) => ({ name: c.name, expr: scalar(c.expr, cx, t.input.schema.columns) })),
        columns,
      );
    case 'Extend': {
      const defs = new Map(t.columns.map((c) => [c.name, c]));
      const items = columns.map((c) => {
        const d = defs.get(c.name);
        return {
          name: c.name,
          expr: d === undefined ? col(c.name, c.type) : scalar(d.expr, cx, t.input.schema.columns),
        };
      });
      return project(lowerTable(t.input, cx), items, columns);
    }
    case 'Sort':
      return { kind: 'Sort', input: lowerTable(t.input, cx), keys: t.keys.map((k) => key(k, cx)), columns };
    case 'Top':
      return {
        kind: 'TopN',
        input: lowerTable(t.input, cx),
        keys: [key(t.key, cx)],
        count: scalar(t.count, cx),
        columns,
      };
    case 'Sample': {
      // Random rows, as Kusto's sample: a top-N on a random key (one pass, never a full sort).
      const random: Sx = { k: 'fn', name: 'rand', args: [], type: 'real', span: t.span };
      const keys = [{ expr: random, desc: false, nullsFirst: false }];
      return { kind: 'TopN', input: lowerTable(t.input, cx), keys, count: scalar(t.count, cx), columns };
    }
    case 'Take': {
      const input = lowerTable(t.input, cx);
      // sort | take N is a top-N: one operator, so DuckDB never sorts the whole input.
      if (input.kind === 'Sort')
        return { kind: 'TopN', input: input.input, keys: input.keys, count: scalar(t.count, cx), columns };
      return { kind: 'Limit', input, count: scalar(t.count, cx), columns };
    }
    case 'Count':
      return {
        kind: 'Aggregate',
        input: lowerTable(t.input, cx),
        keys: [],
        aggs: [
          { name: columns[0]?.name ?? 'Count', expr: { k: 'fn', name: 'count', args: [], type: 'long', span: t.span } },
        ],
        columns,
      };
    case 'Distinct': {
      const inner = project(
        lowerTable(t.input, cx),
        t.columns.map((c) => ({ name: c.name, expr: scalar(c.expr, cx) })),
        columns,
      );
      return { kind: 'Distinct', input: inner, columns };
    }
    case 'Summarize':
      return lowerSummarize(t, cx);
    case 'Join':
    case 'Lookup': {
      const condition = t.kind === 'Join' && t.condition !== null ? scalar(t.condition, cx) : null;
      return {
        kind: 'Join',
        join: t.joinKind,
        left: lowerTable(t.input, cx),
        right: lowerTable(t.right, cx),
        on: t.keys.map((k) => {
          const lc = t.input.schema.columns.find((c) => c.name === k.left);
          const rc = t.right.schema.columns.find((c) => c.name === k.right);
          return { left: col(k.left, lc?.type ?? 'unknown'), right: col(k.right, rc?.type ?? 'unknown') };
        }),
        condition,
        band: null,
        output: t.outputs.map((o) => ({ name: o.name, side: o.side, source: o.column, type: o.type })),
        columns,
      };
    }
    case 'Union':
      return lowerUnion(t, cx);
    case 'MvExpand': {
      const input = lowerTable(t.input, cx);
      // Items that aren't plain columns are computed first, under their output names.
      const names = new Set(input.columns.map((c) => c.name));
      const extra = t.items.filter((i) => !names.has(i.name));
      const pre: Plan =
        extra.length === 0 && t.items.every((i) => i.expr.kind === 'Column' && i.expr.name === i.name)
          ? input
          : project(
              input,
              [
                ...input.columns.map((c) => {
                  const it = t.items.find((i) => i.name === c.name);
                  return { name: c.name, expr: it === undefined ? col(c.name, c.type) : scalar(it.expr, cx) };
                }),
                ...extra.map((i) => ({ name: i.name, expr: scalar(i.expr, cx) })),
              ],
              [...input.columns, ...extra.map((i) => ({ name: i.name, type: 'dynamic' as const }))],
            );
      return {
        kind: 'Unnest',
        input: pre,
        items: t.items.map((i) => ({ name: i.name, expr: col(i.name, 'dynamic'), toType: i.type })),
        bagArray: t.bagExpansion === 'array',
        limit: t.limit === null ? null : scalar(t.limit, cx),
        index: t.withItemIndex,
        columns,
      };
    }
    case 'Parse':
      return lowerParse(t, lowerTable(t.input, cx), (e) => scalar(e, cx));
    case 'GetSchema':
      return {
        kind: 'Values',
        columns,
        rows: t.input.schema.columns.map((c, i) => [
          { k: 'lit', type: 'string', value: c.name },
          { k: 'lit', type: 'int', value: BigInt(i) },
          { k: 'lit', type: 'string', value: DOTNET[c.type] ?? 'System.Object' },
          { k: 'lit', type: 'string', value: c.type === 'real' ? 'real' : c.type },
        ]),
      };
    case 'PassThrough':
      return lowerTable(t.input, cx);
    case 'Evaluate':
      return lowerEvaluate(t, cx, (e) => scalar(e, cx));
    case 'Opaque':
      if (t.input !== null) {
        const done = lowerOpaque(t, t.input, cx, (e) => scalar(e, cx));
        if (done !== null) return done;
      }
      throw new TranslationError(diagnostic(UNSUPPORTED_OPERATOR, { name: t.op }, t.span));
    case 'MakeSeries':
      return lowerMakeSeries(t, cx);
    case 'MvApply':
      return lowerMvApply(t, cx);
    case 'ParseKv':
      return lowerParseKv(t, lowerTable(t.input, cx), scalar(t.source, cx));
    case 'SampleDistinct': {
      // Any N distinct values (Kusto picks them arbitrarily too).
      const c = columns[0];
      if (c === undefined) return unsupported('sample-distinct without a column', t.span);
      const inner = project(lowerTable(t.input, cx), [{ name: c.name, expr: scalar(t.of, cx) }], columns);
      return { kind: 'Limit', input: { kind: 'Distinct', input: inner, columns }, count: scalar(t.count, cx), columns };
    }
    case 'GraphMatch':
      return lowerGraphMatch(t, { table: (x) => lowerTable(x, cx), scalar: (e) => scalar(e, cx) });
    case 'GraphTable':
      return lowerGraphTable(t, { table: (x) => lowerTable(x, cx), scalar: (e) => scalar(e, cx) });
    case 'TableError':
      return unsupported('a tabular expression that failed to bind', t.span);
  }
}

const DOTNET: Readonly<Record<string, string>> = {
  string: 'System.String',
  long: 'System.Int64',
  int: 'System.Int32',
  real: 'System.Double',
  bool: 'System.Boolean',
  datetime: 'System.DateTime',
  timespan: 'System.TimeSpan',
  guid: 'System.Guid',
  dynamic: 'System.Object',
  decimal: 'System.Data.SqlTypes.SqlDecimal',
};

/** `extraKeys` (and `input`) let a per-group caller (mv-apply) add its row key. */
export function lowerSummarize(
  t: Extract<BoundTable, { kind: 'Summarize' }>,
  cx: Ctx,
  input: Plan = lowerTable(t.input, cx),
  extraKeys: readonly NamedSx[] = [],
): Plan {
  const byKeys = t.by.map((b) => ({ name: b.name, expr: scalar(b.expr, cx) }));
  const keys = [...byKeys, ...extraKeys];
  const aggs: NamedSx[] = [];
  const finals: NamedSx[] = byKeys.map((k) => ({ name: k.name, expr: col(k.name, k.expr.type) }));
  t.aggregates.forEach((a, i) => {
    if (a.kind === 'Value') {
      // The input columns, for estimate_data_size(*) / pack_all() inside an aggregate.
      aggs.push({ name: a.name, expr: scalar(a.expr, cx, t.input.schema.columns) });
      finals.push({ name: a.name, expr: col(a.name, a.type) });
      return;
    }
    const tmp = `__agg${i}`;
    const by = a.by === null ? null : scalar(a.by, cx);
    const vals = a.columns.map((c, j) => (j === 0 && by !== null ? by : scalar(c.expr, cx)));
    const op = a.fn === 'arg_max' ? 'argext_max' : a.fn === 'arg_min' ? 'argext_min' : 'argext_any';
    aggs.push({ name: tmp, expr: { k: 'op', op, args: vals, type: 'unknown', span: t.span } });
    a.columns.forEach((c, j) =>
      finals.push({
        name: c.name,
        expr: { k: 'op', op: 'struct_field', args: [col(tmp, 'unknown'), lit(j)], type: c.type, span: t.span },
      }),
    );
  });
  const aggCols: Column[] = [
    ...keys.map((k) => ({ name: k.name, type: k.expr.type })),
    ...aggs.map((a) => ({ name: a.name, type: a.expr.type })),
  ];
  const agg: Plan = { kind: 'Aggregate', input, keys, aggs, columns: aggCols };
  const trivial =
    finals.length === aggCols.length && finals.every((f, i) => f.expr.k === 'col' && aggCols[i]?.name === f.name);
  const outCols = [...t.schema.columns, ...extraKeys.map((k) => ({ name: k.name, type: k.expr.type }))];
  if (trivial && extraKeys.length === 0) return { ...agg, columns: outCols };
  return project(
    agg,
    [...finals, ...extraKeys.map((k) => ({ name: k.name, expr: col(k.name, k.expr.type) }))],
    outCols,
  );
}

/** Kusto names a union leg by its `as` name when it has one. */
function sourceName(t: BoundTable, fallback: string): string {
  for (let n: BoundTable = t; ;) {
    if (n.kind === 'PassThrough' && n.op === 'as' && n.name !== null) return n.name;
    if (n.kind !== 'PassThrough') return fallback;
    n = n.input;
  }
}

function lowerUnion(t: Extract<BoundTable, { kind: 'Union' }>, cx: Ctx): Plan {
  const out = t.schema.columns;
  const inputs = t.inputs.map((inp) => {
    const p = lowerTable(inp.table, cx);
    const items: NamedSx[] = [];
    const hasSource = t.withSource !== null && out[0]?.name === t.withSource;
    const offset = hasSource && inp.columns.length === out.length - 1 ? 1 : 0;
    out.forEach((c, j) => {
      if (hasSource && j === 0) {
        items.push({ name: c.name, expr: { k: 'lit', type: 'string', value: sourceName(inp.table, inp.sourceName) } });
        return;
      }
      const src = inp.columns[j - offset];
      const sc = src === null || src === undefined ? undefined : p.columns.find((x) => x.name === src);
      const e: Sx =
        sc === undefined
          ? { k: 'lit', type: c.type, value: null }
          : sc.type === c.type
            ? col(sc.name, sc.type)
            : { k: 'op', op: 'cast', args: [col(sc.name, sc.type)], type: c.type, span: t.span };
      items.push({ name: c.name, expr: e });
    });
    return project(p, items, out);
  });
  if (inputs.length === 1 && inputs[0] !== undefined) return inputs[0];
  return { kind: 'Union', inputs, columns: out };
}

/** The plan of a bound query's result. */
export function lowerQuery(q: BoundQuery, bagKeys: BagKeys = new Map(), index = 0): Plan {
  const cx: Ctx = { lets: new Map(), implicit: null, bagKeys };
  const result = q.results[index] ?? null;
  if (result === null) return unsupported('a query without a tabular result', { start: 0, end: 0 });
  return lowerTable(result, cx);
}

export { passThrough };
