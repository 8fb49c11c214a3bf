// Row filters and ordering (where, sort, top, take, sample), pass-through operators
// (render, as, consume), getschema, evaluate, invoke, and the operators bound for their
// schema only (search, find, scan, partition, fork, facet, top-hitters, reduce).
import type { Operator, SortItem, TabularTypeRef } from '../ast.js';
import type { BoundExpr, BoundSortKey, BoundTable } from '../bound.js';
import type { Column } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { didYouMean } from '../suggest.js';
import { schemaOf, type Binder, type Env, type RowScope } from './scope.js';
import { bindScalar, errorExpr } from './expr.js';
import { bindTable, tableError } from './tabular.js';
import { expandUdf } from './calls.js';
import { withColumns } from './expand.js';
import { resultName } from './naming.js';
import { pluginSchema } from './plugins.js';
import { bindGraphOperator } from './graph.js';
import { bindScan } from './scan.js';
import { geoLookupColumns } from './geo-lookup.js';
import { paramText } from './join.js';
import { unpackItems, unpackOptions } from './bag-unpack.js';

function sortKey(b: Binder, s: SortItem, rs: RowScope, env: Env): BoundSortKey {
  const direction = s.direction ?? 'desc';
  return {
    expr: bindScalar(b, s.expr, rs, env),
    direction,
    nulls: s.nulls ?? (direction === 'asc' ? 'first' : 'last'),
  };
}

const PLUGINS = new Set([
  'bag_unpack',
  'autocluster',
  'basket',
  'diffpatterns',
  'pivot',
  'narrow',
  'preview',
  'sql_request',
  'python',
  'r',
  'ipv4_lookup',
  'ipv6_lookup',
  'schema_merge',
  'sequence_detect',
  'funnel_sequence',
  'funnel_sequence_completion',
  'active_users_count',
  'activity_counts_metrics',
  'activity_engagement',
  'activity_metrics',
  'new_activity_metrics',
  'session_count',
  'sliding_window_counts',
  'rolling_percentile',
  'dcount_intersect',
  'infer_storage_schema',
  'market_basket',
  'geo_polygon_lookup',
  'geo_line_lookup',
  'identity',
  'rows_near',
]);

export function bindMiscOperator(b: Binder, op: Operator, inputOrNull: BoundTable | null, env: Env): BoundTable {
  const input = inputOrNull ?? tableError(op.span);
  const rs: RowScope = { columns: input.schema.columns };
  const same = input.schema;
  switch (op.kind) {
    case 'Where': {
      const predicate = bindScalar(b, op.predicate, rs, env);
      if (predicate.type !== 'bool' && predicate.type !== 'unknown' && predicate.type !== 'dynamic')
        b.report(codes.TYPE_EXPECTED, { types: 'bool' }, op.predicate.span);
      return { kind: 'Where', input, predicate, schema: same, span: op.span };
    }
    case 'Sort':
      return { kind: 'Sort', input, keys: op.items.map((s) => sortKey(b, s, rs, env)), schema: same, span: op.span };
    case 'Top':
      return {
        kind: 'Top',
        input,
        count: bindScalar(b, op.count, { columns: [] }, env),
        key: sortKey(b, op.by, rs, env),
        schema: same,
        span: op.span,
      };
    case 'Take':
      return { kind: 'Take', input, count: bindScalar(b, op.count, { columns: [] }, env), schema: same, span: op.span };
    case 'Sample':
      return {
        kind: 'Sample',
        input,
        count: bindScalar(b, op.count, { columns: [] }, env),
        schema: same,
        span: op.span,
      };
    case 'SampleDistinct': {
      const of = bindScalar(b, op.of, rs, env);
      const name = resultName(op.of, 'Column1') ?? 'Column1';
      return {
        kind: 'SampleDistinct',
        input,
        count: bindScalar(b, op.count, { columns: [] }, env),
        of,
        schema: schemaOf([{ name, type: of.type }]),
        span: op.span,
      };
    }
    case 'Render':
      return { kind: 'PassThrough', input, op: 'render', name: op.chart.name, schema: same, span: op.span };
    case 'As':
      env.define({ kind: 'table', name: op.name.name, table: input });
      return { kind: 'PassThrough', input, op: 'as', name: op.name.name, schema: same, span: op.span };
    case 'Consume':
      return { kind: 'PassThrough', input, op: 'consume', name: null, schema: schemaOf([]), span: op.span };
    case 'GetSchema':
      return {
        kind: 'GetSchema',
        input,
        schema: schemaOf([
          { name: 'ColumnName', type: 'string' },
          { name: 'ColumnOrdinal', type: 'long' },
          { name: 'DataType', type: 'string' },
          { name: 'ColumnType', type: 'string' },
        ]),
        span: op.span,
      };
    case 'Evaluate':
      return bindEvaluate(b, op, inputOrNull, env);
    case 'Invoke': {
      const sym = env.lookup(op.call.callee.name);
      if (sym === undefined || sym.kind !== 'function') {
        b.report(
          codes.UNKNOWN_FUNCTION,
          { name: op.call.callee.name },
          op.call.callee.span,
          didYouMean(op.call.callee.name, env.names()),
        );
        return tableError(op.span, input.schema.columns);
      }
      const v = expandUdf(b, op.call, sym.def, sym.env, rs, env, input);
      if (v.kind !== 'table') {
        b.report(codes.TABULAR_EXPECTED, {}, op.span);
        return tableError(op.span);
      }
      return { kind: 'Invoke', input, name: op.call.callee.name, body: v.table, schema: v.table.schema, span: op.span };
    }
    case 'Partition': {
      // In the legacy `{ ... }` form the partition key's name denotes the partition's rows
      // (toscalar(key) is the key value); in the pipeline form the column shadows it.
      // The body reads each partition through an implicit input (lowered per key); so does the
      // key's name, else toscalar(key) would read the first row of the whole input.
      const implicit: BoundTable = { kind: 'ImplicitInput', schema: input.schema, span: op.span };
      const inner = env.child();
      inner.define({ kind: 'table', name: op.by.name, table: implicit });
      const body = bindTable(b, op.body, inner, implicit);
      const partition = op.body.kind === 'Pipeline' ? { by: op.by.name, body } : undefined;
      return {
        kind: 'Opaque',
        op: 'partition',
        input,
        schema: body.schema,
        span: op.span,
        ...(partition === undefined ? {} : { partition }),
      };
    }
    case 'Fork': {
      const branches = op.branches.map((br) => bindTable(b, br.body, env, input));
      return { kind: 'Opaque', op: 'fork', input, schema: branches[0]?.schema ?? same, span: op.span };
    }
    case 'Facet':
      return { kind: 'Opaque', op: 'facet', input, schema: same, span: op.span };
    case 'Scan':
      return bindScan(b, op, input, env);
    case 'TopHitters': {
      const of = bindScalar(b, op.of, rs, env);
      const name = resultName(op.of, 'Column1') ?? 'Column1';
      return {
        kind: 'Opaque',
        op: 'top-hitters',
        input,
        schema: schemaOf([
          { name, type: of.type },
          { name: `approximate_count_${name}`, type: 'long' },
        ]),
        span: op.span,
      };
    }
    case 'Reduce': {
      const by = bindScalar(b, op.by, rs, env);
      const options: Record<string, BoundExpr> = {};
      for (const w of op.with) options[w.name] = bindScalar(b, w.value, rs, env);
      const kindParam = op.params.find((p) => p.name === 'kind');
      const kind = kindParam === undefined ? null : (paramText(kindParam) ?? '?');
      return {
        kind: 'Opaque',
        op: 'reduce',
        input,
        schema: schemaOf([
          { name: 'Pattern', type: 'string' },
          { name: 'Count', type: 'long' },
          { name: 'Representative', type: 'string' },
        ]),
        span: op.span,
        reduce: { by, kind, options },
      };
    }
    case 'Search':
    case 'Find': {
      const tables =
        op.tables.length > 0
          ? op.tables.map((t) => bindTable(b, t, env, null))
          : inputOrNull !== null
            ? [inputOrNull]
            : [];
      const cols: Column[] = [{ name: '$table', type: 'string' }];
      for (const t of tables) for (const c of t.schema.columns) if (!cols.some((x) => x.name === c.name)) cols.push(c);
      bindScalar(b, op.predicate, { columns: cols }, env);
      return {
        kind: 'Opaque',
        op: op.kind === 'Search' ? 'search' : 'find',
        input: inputOrNull,
        schema: schemaOf(cols),
        span: op.span,
      };
    }
    case 'ProjectByNames':
    case 'MakeGraph':
    case 'GraphMatch':
    case 'GraphToTable':
    case 'GraphMarkComponents':
      return bindGraphOperator(b, op, input, env);
    default:
      return { kind: 'Opaque', op: op.kind, input, schema: same, span: op.span };
  }
}

/**
 * bag_unpack's columns come from the data: with the keys the engine read, the unpacked columns
 * (so the operators after it bind); without them, the analyser's view, and the operator is
 * recorded as pending so the engine can read its keys and bind again.
 */
function unpacked(
  b: Binder,
  plugin: string,
  at: number,
  args: readonly BoundExpr[],
  named: Readonly<Record<string, BoundExpr>>,
  columns: readonly Column[],
): readonly Column[] {
  if (plugin !== 'bag_unpack') return columns;
  const keys = b.bagKeys.get(at);
  const opts = unpackOptions(args, named);
  if (keys === undefined || opts === null) {
    if (keys === undefined) b.pendingBagUnpacks.push(at);
    return columns;
  }
  const items = unpackItems(columns, keys, opts);
  return 'clash' in items ? columns : items.map((i) => ({ name: i.name, type: i.type }));
}

function bindEvaluate(
  b: Binder,
  op: Extract<Operator, { kind: 'Evaluate' }>,
  input: BoundTable | null,
  env: Env,
): BoundTable {
  const name = op.plugin.callee.name;
  const inp = input ?? tableError(op.span);
  // Plugin arguments may be aggregates (pivot(col, sum(x))).
  const rs: RowScope = { columns: inp.schema.columns, aggregates: true };
  if (!PLUGINS.has(name)) {
    b.report(codes.UNKNOWN_PLUGIN, { name }, op.plugin.callee.span, didYouMean(name, PLUGINS));
    return tableError(op.span, inp.schema.columns);
  }
  const args: BoundExpr[] = [];
  const namedArgs: Record<string, ReturnType<typeof bindScalar>> = {};
  // Tabular arguments (lookup tables) are bound first; their columns are in scope for the
  // remaining arguments (ipv4_lookup(T, ip, network)).
  const tables: BoundTable[] = [];
  for (const a of op.plugin.args) {
    if (a.kind !== 'NameRef' && a.kind !== 'Pipeline' && a.kind !== 'Paren') continue;
    if (a.kind === 'NameRef' && inp.schema.columns.some((c) => c.name === a.name.name)) continue;
    const sym = a.kind === 'NameRef' ? env.lookup(a.name.name) : undefined;
    if (a.kind === 'NameRef' && sym?.kind !== 'table' && !b.tables.has(a.name.name)) continue;
    if (a.kind === 'Paren' && a.expr.kind !== 'Pipeline') continue;
    tables.push(bindTable(b, a, env, null));
  }
  const argScope: RowScope = { ...rs, columns: [...rs.columns, ...tables.flatMap((t) => t.schema.columns)] };
  let ti = 0;
  for (const a of op.plugin.args) {
    if (a.kind === 'NamedArg') namedArgs[a.name.name] = bindScalar(b, a.value, argScope, env);
    else if (a.kind === 'Star') args.push(errorExpr(a));
    else if (
      ti < tables.length &&
      (a.kind === 'Pipeline' ||
        a.kind === 'Paren' ||
        (a.kind === 'NameRef' &&
          !inp.schema.columns.some((c) => c.name === a.name.name) &&
          (env.lookup(a.name.name)?.kind === 'table' || b.tables.has(a.name.name))))
    ) {
      const t = tables[ti++]!;
      args.push({ kind: 'Subquery', table: t, type: t.schema.columns[0]?.type ?? 'unknown', span: a.span });
    } else args.push(bindScalar(b, a, argScope, env));
  }
  const lookupPlugin =
    name === 'ipv4_lookup' || name === 'ipv6_lookup' || name === 'geo_polygon_lookup' || name === 'geo_line_lookup';
  // ipv6_lookup returns the lookup table's columns first: both examples of its page show that
  // order (ipv4_lookup's page shows the input's first); the official analyser says input first.
  const columns =
    lookupPlugin && tables[0] !== undefined
      ? name === 'ipv6_lookup'
        ? withColumns(tables[0].schema.columns, inp.schema.columns)
        : withColumns(inp.schema.columns, geoLookupColumns(name, tables[0].schema.columns, args, namedArgs))
      : (pluginSchema(name, op.plugin, args, inp.schema.columns) ?? inp.schema.columns);
  const declared =
    op.schema === undefined
      ? unpacked(b, name, op.span.start, args, namedArgs, columns)
      : declaredSchema(op.schema, columns);
  return {
    kind: 'Evaluate',
    input: inp,
    plugin: name,
    args,
    namedArgs,
    schema: schemaOf(declared),
    span: op.span,
    ...(op.schema === undefined ? {} : { declaredSchema: true }),
  };
}

/**
 * `evaluate plugin(...) : (*, Name:string)`: the declared columns, after the plugin's other
 * output columns when `*` is written (declared names take the declared type).
 */
function declaredSchema(t: TabularTypeRef, columns: readonly Column[]): Column[] {
  const decl: Column[] = t.columns.map((c) => ({ name: c.name.name, type: c.type.name }));
  if (!t.star) return decl;
  return [...columns.filter((c) => !decl.some((d) => d.name === c.name)), ...decl];
}
