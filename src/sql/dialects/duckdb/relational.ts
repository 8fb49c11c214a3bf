// Relational plan -> DuckDB SQL. Each node becomes a SELECT over its input as a
// subquery; DuckDB's optimizer flattens them. Shared subplans become CTEs.
import { lookupFunction } from '../../../catalog/index.js';
import type { SqlContext } from '../../../catalog/types.js';
import type { Column } from '../../../kql/types.js';
import { sqlIdent, sqlString } from '../../escape.js';
import type { EmitOptions } from '../../dialect.js';
import type { JoinKind, Plan, SortKey, Sx } from '../../plan.js';
import { nullOf, timestampNs, duckType } from './literals.js';
import { emitScalar, type ScalarEnv } from './scalar.js';
import { emitGraph } from './graph.js';
import { emitSeqScan } from './scan.js';
import { hasStaged, stageWindows, type StagedSource } from './window-staged.js';

interface State {
  readonly ctx: SqlContext;
  readonly ctes: Map<string, string>;
  alias: number;
}

const q = sqlIdent;

function env(st: State, qualifier = ''): ScalarEnv {
  return { ctx: st.ctx, qualifier, subquery: (p) => emit(p, st) };
}

function sx(e: Sx, st: State, qualifier = ''): string {
  return emitScalar(e, env(st, qualifier)).sql;
}

function alias(st: State, base = 't'): string {
  st.alias += 1;
  return `${base}${st.alias}`;
}

function selectList(cols: readonly Column[], qualifier = ''): string {
  if (cols.length === 0) return '';
  return cols.map((c) => (qualifier === '' ? q(c.name) : `${qualifier}.${q(c.name)}`)).join(', ');
}

function orderBy(keys: readonly SortKey[], st: State): string {
  return keys
    .map((k) => `${sx(k.expr, st)} ${k.desc ? 'DESC' : 'ASC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`)
    .join(', ');
}

/** A table the node reads by name, with the filter over it (if any) as its WHERE clause. */
function direct(input: Plan): { readonly table: string; readonly where: Sx | null } | null {
  if (input.kind === 'Scan' && input.columns.length > 0) return { table: input.table, where: null };
  if (input.kind === 'Filter' && input.input.kind === 'Scan' && input.input.columns.length > 0)
    return hasWindow(input.predicate) ? null : { table: input.input.table, where: input.predicate };
  return null;
}

/**
 * The FROM source of a node (followed by a WHERE when the input is a filter over a table):
 * a scanned table by name, else its input's SELECT as a subquery. A subquery over a whole
 * table cost DuckDB ~0.5 ms more planning per query (a third of a short hunt); by name, the
 * node's own select list and expressions pick the columns (table columns take precedence
 * over select aliases in WHERE, so renames can't capture the filter's names).
 */
function source(input: Plan, st: State, allowWhere = true): string {
  const d = direct(input);
  if (d === null || (d.where !== null && !allowWhere)) return `(${emit(input, st)})`;
  if (d.where === null) return q(d.table);
  return `${q(d.table)} WHERE ${emitScalar(d.where, { ...env(st), predicate: true }).sql}`;
}

/**
 * The select list of a node that passes its input's columns through: `*` (every node's SQL
 * returns exactly its plan columns, in order), which spares DuckDB re-binding long lists.
 * Not over a table read by name (`source`), which may have more columns than the scan.
 */
function same(columns: readonly Column[], input: Plan): string {
  const pass =
    direct(input) === null &&
    columns.length > 0 &&
    columns.length === input.columns.length &&
    columns.every((c, i) => c.name === input.columns[i]?.name);
  return pass ? '*' : cols(selectList(columns));
}

/** A SELECT with no columns is not valid SQL; a zero-column table is one dummy column we never read. */
function cols(list: string): string {
  return list === '' ? '1 AS "__empty"' : list;
}

export function emit(p: Plan, st: State): string {
  switch (p.kind) {
    case 'Scan':
      return `SELECT ${cols(selectList(p.columns))} FROM ${q(p.table)}`;
    case 'Values': {
      if (p.rows.length === 0)
        return `SELECT ${cols(p.columns.map((c) => `${nullOf(c.type)} AS ${q(c.name)}`).join(', '))} WHERE false`;
      // VALUES keeps the datatable's row order (UNION ALL would not).
      const rows = p.rows.map(
        (r) => `(${r.map((v, i) => `CAST(${sx(v, st)} AS ${duckType(p.columns[i]?.type ?? 'unknown')})`).join(', ')})`,
      );
      if (p.columns.length === 0) return `SELECT 1 AS "__empty" FROM range(${p.rows.length})`;
      const names = p.columns.map((_c, i) => `v${i}`);
      return `SELECT ${p.columns.map((c, i) => `${names[i] ?? ''} AS ${q(c.name)}`).join(', ')} FROM (VALUES ${rows.join(', ')}) AS v(${names.join(', ')})`;
    }
    case 'Range': {
      const c = p.columns[0];
      if (c === undefined) return 'SELECT 1 WHERE false';
      const from = sx(p.from, st);
      const to = sx(p.to, st);
      const step = sx(p.step, st);
      const name = q(c.name);
      if (c.type === 'datetime')
        return `SELECT make_timestamp_ns(epoch_ns(${from}) + i * (${step}) * 100) AS ${name} FROM generate_series(0, CAST(floor((epoch_ns(${to}) - epoch_ns(${from})) / ((${step}) * 100.0)) AS BIGINT)) AS g(i) ORDER BY i`;
      const cast = duckType(c.type);
      return `SELECT CAST(${from} + i * (${step}) AS ${cast}) AS ${name} FROM generate_series(0, CAST(floor((${to} - (${from})) / (${step} * 1.0)) AS BIGINT)) AS g(i) ORDER BY i`;
    }
    case 'Filter': {
      if (hasStaged(p.predicate)) {
        const s = staged([p.predicate], p.input, st);
        const pred = emitScalar(s.exprs[0] ?? p.predicate, { ...env(st), predicate: true }).sql;
        return `SELECT ${cols(selectList(p.columns))} FROM (SELECT *, ${pred} AS "__keep" FROM ${s.from}) WHERE "__keep"`;
      }
      const pred = emitScalar(p.predicate, { ...env(st), predicate: true }).sql;
      // SQL forbids window functions in WHERE (where prev(x) != x): evaluate them first.
      if (hasWindow(p.predicate))
        return `SELECT ${cols(selectList(p.columns))} FROM (SELECT *, ${pred} AS "__keep" FROM ${source(p.input, st, false)}) WHERE "__keep"`;
      return `SELECT ${same(p.columns, p.input)} FROM ${source(p.input, st, false)} WHERE ${pred}`;
    }
    case 'Project':
    case 'Window':
      return emitProject(p, st);
    case 'Aggregate': {
      const items = [...p.keys, ...p.aggs].map((i) => `${sx(i.expr, st)} AS ${q(i.name)}`);
      const group = p.keys.length > 0 ? ` GROUP BY ${p.keys.map((_k, i) => String(i + 1)).join(', ')}` : '';
      return `SELECT ${cols(items.join(', '))} FROM ${source(p.input, st)}${group}`;
    }
    case 'Distinct':
      return `SELECT DISTINCT ${same(p.columns, p.input)} FROM ${source(p.input, st)}`;
    case 'Sort':
      return `SELECT ${same(p.columns, p.input)} FROM ${source(p.input, st)} ORDER BY ${orderBy(p.keys, st)}`;
    case 'Limit':
      return `SELECT ${same(p.columns, p.input)} FROM ${source(p.input, st)} LIMIT ${sx(p.count, st)}`;
    case 'TopN':
      return `SELECT ${same(p.columns, p.input)} FROM ${source(p.input, st)} ORDER BY ${orderBy(p.keys, st)} LIMIT ${sx(p.count, st)}`;
    case 'Join':
      return emitJoin(p, st);
    case 'Union':
      return p.inputs.map((i) => `SELECT * FROM (${emit(i, st)})`).join(' UNION ALL ');
    case 'Unnest': {
      const inner = alias(st, 'u');
      const names = new Set(p.items.map((i) => i.name));
      const lists = p.items.map((i) => expandList(sx(i.expr, st), p.bagArray));
      const expanded = p.items.map((i, j) => `unnest(${lists[j] ?? ''}) AS ${q(i.name)}`);
      // Zipped lists of different lengths pad with nulls; the index runs to the longest.
      if (p.index !== null)
        expanded.push(`unnest(range(0, greatest(${lists.map((l) => `len(${l})`).join(', ')}))) AS ${q(p.index)}`);
      const others = p.input.columns.filter((c) => !names.has(c.name) && c.name !== p.index).map((c) => q(c.name));
      const limit = p.limit === null ? '' : ` QUALIFY row_number() OVER (PARTITION BY __row) <= ${sx(p.limit, st)}`;
      const rowed =
        p.limit === null ? emit(p.input, st) : `SELECT *, row_number() OVER () AS __row FROM (${emit(p.input, st)})`;
      const body = `SELECT ${[...others, ...expanded, ...(p.limit === null ? [] : ['__row'])].join(', ')} FROM (${rowed})`;
      const outs = p.columns.map((c) => {
        const it = p.items.find((i) => i.name === c.name);
        return it === undefined ? q(c.name) : `${castFromJson(`${inner}.${q(c.name)}`, it.toType)} AS ${q(c.name)}`;
      });
      return `SELECT ${cols(outs.join(', '))} FROM (SELECT * FROM (${body})${limit}) AS ${inner}`;
    }
    case 'GroupLimit': {
      const part = p.partition.map((e) => sx(e, st)).join(', ');
      const order = orderBy(p.keys, st);
      const over = `PARTITION BY ${part}${order === '' ? '' : ` ORDER BY ${order}`}`;
      const sorted = [part, order].filter((x) => x !== '').join(', ');
      return `SELECT ${cols(selectList(p.columns))} FROM ${source(p.input, st)} QUALIFY row_number() OVER (${over}) <= ${sx(p.count, st)} ORDER BY ${sorted}`;
    }
    case 'SeqScan':
      return emitSeqScan(
        p,
        emit(p.input, st),
        (e) => sx(e, st),
        () => alias(st, 'scan'),
      );
    case 'Ref': {
      if (!st.ctes.has(p.name)) {
        // Emit dependencies first so that CTEs are declared before use.
        const sql = emit(p.plan, st);
        st.ctes.set(p.name, sql);
      }
      return `SELECT ${cols(selectList(p.columns))} FROM ${q(p.name)}`;
    }
    case 'GraphMatch':
    case 'GraphTable':
      return emitGraph(p, { plan: (x) => emit(x, st), scalar: (e, qualifier) => sx(e, st, qualifier) });
  }
}

function staged(exprs: readonly Sx[], input: Plan, st: State): StagedSource {
  return stageWindows(
    exprs,
    emit(input, st),
    (e) => sx(e, st),
    () => alias(st, 'w'),
  );
}

function emitProject(p: Extract<Plan, { kind: 'Project' | 'Window' }>, st: State): string {
  if (!p.items.some((i) => hasStaged(i.expr)))
    return `SELECT ${cols(p.items.map((i) => projectItem(i.name, i.expr, st)).join(', '))} FROM ${source(p.input, st)}`;
  const s = staged(
    p.items.map((i) => i.expr),
    p.input,
    st,
  );
  const items = p.items.map((i, j) => projectItem(i.name, s.exprs[j] ?? i.expr, st));
  return `SELECT ${cols(items.join(', '))} FROM ${s.from}`;
}

function hasWindow(e: Sx): boolean {
  switch (e.k) {
    case 'fn':
      return lookupFunction(e.name, 'window')?.kind === 'window' || e.args.some(hasWindow);
    case 'op':
      return e.args.some(hasWindow);
    case 'path':
      return hasWindow(e.target) || e.steps.some(hasWindow);
    case 'inq':
      return hasWindow(e.left);
    default:
      return false;
  }
}

function projectItem(name: string, e: Sx, st: State): string {
  if (e.k === 'col' && e.name === name) return q(name);
  return `${sx(e, st)} AS ${q(name)}`;
}

/** A dynamic value to the list mv-expand iterates: array elements, bag entries, or the value itself. */
function expandList(j: string, bagArray: boolean): string {
  const entry = bagArray
    ? `json_array(k, json_extract(${j}, '$.' || to_json(k)))`
    : `json_object(k, json_extract(${j}, '$.' || to_json(k)))`;
  return (
    `(CASE WHEN ${j} IS NULL THEN []::JSON[] WHEN json_type(${j}) = 'ARRAY' THEN CAST(json_extract(${j}, '$[*]') AS JSON[]) ` +
    `WHEN json_type(${j}) = 'OBJECT' THEN list_transform(json_keys(${j}), k -> ${entry}) ` +
    `ELSE [CAST(${j} AS JSON)] END)`
  );
}

function castFromJson(sqlExpr: string, to: string): string {
  switch (to) {
    case 'dynamic':
    case 'unknown':
      return sqlExpr;
    case 'string':
      return `json_extract_string(${sqlExpr}, '$')`;
    case 'datetime':
      return `TRY_CAST(regexp_replace(json_extract_string(${sqlExpr}, '$'), '(?i)z$', '') AS TIMESTAMP_NS)`;
    default:
      return `TRY_CAST(json_extract_string(${sqlExpr}, '$') AS ${duckType(to as Column['type'])})`;
  }
}

/** Whether a plan reads a stored table anywhere (else it is literal rows: datatable, print, range). */
function readsTable(p: unknown): boolean {
  if (typeof p !== 'object' || p === null) return false;
  if (Array.isArray(p)) return p.some(readsTable);
  const o = p as Record<string, unknown>;
  if (o['kind'] === 'Scan' || o['kind'] === 'Range') return true;
  return Object.values(o).some((v) => typeof v === 'object' && v !== null && readsTable(v));
}

function emitJoin(p: Extract<Plan, { kind: 'Join' }>, st: State): string {
  const l = alias(st, 'l');
  const r = alias(st, 'r');
  const sides = { left: l, right: r };
  const senv = (qual: string): ScalarEnv => ({ ctx: st.ctx, qualifier: qual, sides, subquery: (x) => emit(x, st) });
  const keyL = p.on.map((o) => emitScalar(o.left, senv(l)).sql);
  const keyR = p.on.map((o) => emitScalar(o.right, senv(r)).sql);
  let leftSql = emit(p.left, st);
  if (p.join === 'innerunique' && p.on.length > 0) {
    // Kusto's default join keeps one (arbitrary) left row per distinct key.
    const keys = p.on.map((o) => emitScalar(o.left, senv('')).sql);
    leftSql = `SELECT * FROM (${leftSql}) QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')}) = 1`;
  }
  let rightSql = emit(p.right, st);
  const conds = keyL.map((k, i) => `${k} = ${keyR[i] ?? 'NULL'}`);
  if (p.condition !== null) conds.push(emitScalar(p.condition, senv(l)).sql);
  if (p.band !== null) {
    // Bucketed band join: bucket width = half the band width, so a left row's window overlaps
    // at most three buckets (b .. b + 2) and each right row sits in exactly one: no pair is
    // produced twice, and each key's rows only meet their time neighbours (1.5 candidate
    // pairs per match; full-width buckets gave 2 and measured ~8% slower on dense pivots).
    // Integer floor division keeps rows on a bucket edge exact.
    const span = (p.band.hiTicks - p.band.loTicks) * 100n;
    const w = span > 1n ? (span + 1n) / 2n : 1n;
    const fdiv = (x: string) => `((${x}) // ${w} - CASE WHEN (${x}) % ${w} < 0 THEN 1 ELSE 0 END)`;
    const lt = `epoch_ns(${q(p.band.leftTime)})`;
    const rt = `epoch_ns(${q(p.band.rightTime)})`;
    // Fan out the side known to be small (literal rows, e.g. pivot anchors): fanning out a
    // table scan tripled 1.7M wide rows and DuckDB then built its hash table on them (33 s
    // for a 400-anchor fleet pivot, 1.5 s this way). With both sides tables, fan out the left.
    // right.t in [left.t + lo, left.t + hi]  <=>  left.t in [right.t - hi, right.t - lo].
    const fanRight = !readsTable(p.right) && readsTable(p.left);
    const [fan, one, fanT, oneT, loT, hiT] = fanRight
      ? ([r, l, rt, lt, -p.band.hiTicks, -p.band.loTicks] as const)
      : ([l, r, lt, rt, p.band.loTicks, p.band.hiTicks] as const);
    const lo = `${fanT} + ${loT * 100n}`;
    // A cross join with three constants fans the rows out ~3x faster than unnest of a list.
    // The window check compares nanoseconds (BIGINT): ~15% faster than TIMESTAMP_NS bounds.
    const fanned = (sql: string) =>
      `SELECT *, __b0 + __k AS __bucket FROM (SELECT *, ${lo} AS __lo, ${fanT} + ${hiT * 100n} AS __hi, ` +
      `${fdiv(lo)} AS __b0 FROM (${sql})) CROSS JOIN (VALUES (0), (1), (2)) AS __ks(__k)`;
    const single = (sql: string) => `SELECT *, ${oneT} AS __ns, ${fdiv(oneT)} AS __bucket FROM (${sql})`;
    if (fanRight) {
      rightSql = fanned(rightSql);
      leftSql = single(leftSql);
    } else {
      leftSql = fanned(leftSql);
      rightSql = single(rightSql);
    }
    conds.push(`${l}.__bucket = ${r}.__bucket`);
    conds.push(`${one}.__ns BETWEEN ${fan}.__lo AND ${fan}.__hi`);
  }
  const on = conds.length === 0 ? 'true' : conds.join(' AND ');
  const outs = p.output.map((o) => `${o.side === 'left' ? l : r}.${q(o.source)} AS ${q(o.name)}`).join(', ');
  const kw: Record<JoinKind, string> = {
    inner: 'JOIN',
    innerunique: 'JOIN',
    leftouter: 'LEFT JOIN',
    rightouter: 'RIGHT JOIN',
    fullouter: 'FULL JOIN',
    leftsemi: 'SEMI JOIN',
    leftanti: 'ANTI JOIN',
    rightsemi: 'SEMI JOIN',
    rightanti: 'ANTI JOIN',
  };
  if (p.join === 'rightsemi' || p.join === 'rightanti') {
    const onSwapped = conds.length === 0 ? 'true' : conds.join(' AND ');
    return `SELECT ${cols(outs)} FROM (${rightSql}) AS ${r} ${kw[p.join]} (${leftSql}) AS ${l} ON ${onSwapped}`;
  }
  return `SELECT ${cols(outs)} FROM (${leftSql}) AS ${l} ${kw[p.join]} (${rightSql}) AS ${r} ON ${on}`;
}

/** Wire encoding of a column for reading back (see Dialect.toSql). */
function wire(c: Column): string {
  const n = q(c.name);
  switch (c.type) {
    case 'datetime':
      return `epoch_ns(${n}) AS ${n}`;
    case 'dynamic':
    case 'guid':
    case 'decimal':
      return `CAST(${n} AS VARCHAR) AS ${n}`;
    default:
      return n;
  }
}

export function toSql(plan: Plan, options: EmitOptions): string {
  const st: State = { ctx: { stringLiteral: sqlString, now: timestampNs(options.nowNs) }, ctes: new Map(), alias: 0 };
  const body = emit(plan, st);
  const needsWire = plan.columns.some(
    (c) => c.type === 'datetime' || c.type === 'dynamic' || c.type === 'guid' || c.type === 'decimal',
  );
  const outer = needsWire ? `SELECT ${plan.columns.map(wire).join(', ')} FROM (${body})` : body;
  if (st.ctes.size === 0) return outer;
  const ctes = [...st.ctes.entries()].map(([name, sql]) => `${q(name)} AS MATERIALIZED (${sql})`);
  return `WITH ${ctes.join(', ')} ${outer}`;
}
