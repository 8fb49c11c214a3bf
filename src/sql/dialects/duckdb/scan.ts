// `scan` (scan-operator.md, "Scan logic") as one recursive query: the input is numbered in
// its serialized order (`__si`), and each recursion step consumes the next record, carrying
// the whole scan state in one row: per step k an "active" flag `__p{k}`, the sequence's match
// id `__id{k}` and the state values `__v{k}_{j}_{c}` (step j's column c, only for the pairs
// the steps read), plus the running match id `__mid`. Within a record the steps are checked
// from the last to the first, one nested SELECT per step, so each sees the state the later
// steps left. Per step k the row also holds the record's output: `__out{k}` (emitted?),
// `__oid{k}` (its match id) and `__o{k}_{d}` (the declared columns after the assignments).
// The recursion takes one record per step from a list of all records (linear; ~7 s for 50k
// records on one core).
import { SCAN_REF_SEPARATOR } from '../../../kql/bound.js';
import type { Column, ScalarType } from '../../../kql/types.js';
import { sqlIdent } from '../../escape.js';
import type { Plan, Sx } from '../../plan.js';
import { duckType, nullOf } from './literals.js';

type SeqScan = Extract<Plan, { kind: 'SeqScan' }>;

const q = sqlIdent;

interface Ref {
  readonly step: number;
  readonly col: number;
}

export function emitSeqScan(p: SeqScan, inputSql: string, scalar: (e: Sx) => string, fresh: () => string): string {
  const n = p.steps.length;
  const row: Column[] = [...p.input.columns, ...p.declared.map((d) => ({ name: d.name, type: d.type }))];
  const nInput = p.input.columns.length;
  // The record's extended columns: declared ones, then input columns some step assigns.
  const assigned = new Set(p.steps.flatMap((s) => s.assignments.map((a) => a.name)));
  const ext: { readonly name: string; readonly type: ScalarType; readonly init: Sx | null; readonly input: boolean }[] =
    [
      ...p.declared.map((d) => ({ ...d, input: false })),
      ...p.input.columns.filter((c) => assigned.has(c.name)).map((c) => ({ ...c, init: null, input: true })),
    ];
  const extIndex = (name: string) => ext.findIndex((x) => x.name === name);
  const stepIndex = new Map(p.steps.map((s, i) => [s.name, i + 1]));
  const refOf = (name: string): Ref | null => {
    const cut = name.indexOf(SCAN_REF_SEPARATOR);
    if (cut < 0) return null;
    const step = stepIndex.get(name.slice(0, cut));
    const col = row.findIndex((c) => c.name === name.slice(cut + 1));
    return step === undefined || col < 0 ? null : { step, col };
  };
  // The (step, column) pairs the steps read.
  const refs = new Map<string, Ref>();
  const collect = (e: Sx): void => {
    if (e.k === 'col') {
      const r = refOf(e.name);
      if (r !== null) refs.set(`${r.step}_${r.col}`, r);
    } else if (e.k === 'fn' || e.k === 'op') e.args.forEach(collect);
    else if (e.k === 'path') [e.target, ...e.steps].forEach(collect);
  };
  for (const s of p.steps) [s.condition, ...s.assignments.map((a) => a.expr)].forEach(collect);
  const pairs = [...refs.values()];
  const v = (k: number, r: Ref) => `__v${k}_${r.step}_${r.col}`;
  const typeOf = (r: Ref): ScalarType => row[r.col]?.type ?? 'unknown';

  /**
   * The expression with state references read from step k's state. Where the state has no
   * value (empty, or a later step), a declared column reads its default, an input column null.
   */
  const inState = (e: Sx, k: number): Sx => {
    switch (e.k) {
      case 'col': {
        const r = refOf(e.name);
        if (r === null) return e;
        const d = p.declared[r.col - nInput];
        const dflt: Sx = d?.init ?? { k: 'lit', type: e.type, value: null };
        const stored: Sx = { k: 'col', name: v(k, r), type: e.type };
        if (r.step > k || k === 0) return d === undefined ? { k: 'lit', type: e.type, value: null } : dflt;
        if (d === undefined) return stored;
        const active: Sx = { k: 'col', name: `__p${k}`, type: 'bool' };
        return { k: 'fn', name: 'iff', args: [active, stored, dflt], type: e.type, span: { start: 0, end: 0 } };
      }
      case 'fn':
      case 'op':
        return { ...e, args: e.args.map((a) => inState(a, k)) };
      case 'path':
        return { ...e, target: inState(e.target, k), steps: e.steps.map((a) => inState(a, k)) };
      default:
        return e;
    }
  };
  const cond = (e: Sx, k: number) => `coalesce(${scalar(inState(e, k))}, false)`;
  const cast = (sql: string, t: ScalarType) => `CAST(${sql} AS ${duckType(t)})`;
  const init = (d: number) => {
    const dec = ext[d];
    if (dec?.input === true) return q(dec.name);
    return dec === undefined || dec.init === null ? nullOf(dec?.type ?? 'unknown') : cast(scalar(dec.init), dec.type);
  };

  // Column list of the recursive relation, in order.
  const stateCols: string[] = ['__i', '__mid'];
  const base: string[] = ['CAST(0 AS BIGINT)', 'CAST(-1 AS BIGINT)'];
  for (let k = 1; k <= n; k++) {
    stateCols.push(`__p${k}`, `__id${k}`);
    base.push('false', 'CAST(NULL AS BIGINT)');
    for (const r of pairs.filter((x) => x.step <= k)) {
      stateCols.push(v(k, r));
      base.push(nullOf(typeOf(r)));
    }
    stateCols.push(`__out${k}`, `__oid${k}`);
    base.push('false', 'CAST(NULL AS BIGINT)');
    ext.forEach((e, d) => {
      stateCols.push(`__o${k}_${d}`);
      base.push(nullOf(e.type));
    });
  }

  const src = q(`${fresh()}_src`);
  const rec = q(`${fresh()}_rec`);
  const lst = q(`${fresh()}_lst`);
  // The next record comes from one list of all records (O(1) per step; a join per step made
  // the recursion quadratic: 50k records took ~70 s, the list ~7 s).
  const fields = p.input.columns.map((c, i) => `f${i} := ${q(c.name)}`);
  const packed = fields.length === 0 ? 'f0 := 0' : fields.join(', ');
  const unpacked = p.input.columns.map((c, i) => `, __r.f${i} AS ${q(c.name)}`).join('');
  let layer =
    `SELECT * EXCLUDE (__r)${unpacked}, __i + 1 AS __si FROM ` +
    `(SELECT ${rec}.*, ${lst}.__l[${rec}.__i + 1] AS __r FROM ${rec}, ${lst} WHERE ${rec}.__i < ${lst}.__n)`;
  for (let k = n; k >= 1; k--) {
    const step = p.steps[k - 1];
    if (step === undefined) continue;
    const c1 = `__c1_${k}`;
    const c2 = `__c2_${k}`;
    const check1 = k > 1 ? `(__p${k - 1} AND ${cond(step.condition, k - 1)})` : 'false';
    layer = `SELECT *, ${check1} AS ${c1} FROM (${layer})`;
    const check2 = `(NOT ${c1} AND ${k === 1 ? 'true' : `__p${k}`} AND ${cond(step.condition, k)})`;
    layer = `SELECT *, ${check2} AS ${c2} FROM (${layer})`;
    // The record extended by this step's assignments (declared defaults where not assigned).
    const outs = ext.map((d, i) => {
      const a = step.assignments.find((x) => x.name === d.name);
      const via = (kk: number) => (a === undefined ? init(i) : cast(scalar(inState(a.expr, kk)), d.type));
      return `CASE WHEN ${c1} THEN ${k > 1 ? via(k - 1) : nullOf(d.type)} WHEN ${c2} THEN ${via(k)} END AS __o${k}_${i}`;
    });
    if (outs.length > 0) layer = `SELECT * REPLACE (${outs.join(', ')}) FROM (${layer})`;
    const newSeq = `(${c2} AND NOT __p${k})`;
    const id = `CASE WHEN ${c1} THEN ${k > 1 ? `__id${k - 1}` : 'NULL'} WHEN ${newSeq} THEN __mid + 1 ELSE __id${k} END`;
    const upd: string[] = [`(__p${k} OR ${c1} OR ${c2}) AS __p${k}`, `${id} AS __id${k}`];
    for (const r of pairs.filter((x) => x.step <= k)) {
      const own =
        extIndex(row[r.col]?.name ?? '') >= 0
          ? `__o${k}_${extIndex(row[r.col]?.name ?? '')}`
          : q(row[r.col]?.name ?? '');
      const now =
        r.step === k
          ? `CASE WHEN ${c1} OR ${c2} THEN ${own} ELSE ${v(k, r)} END`
          : `CASE WHEN ${c1} THEN ${v(k - 1, r)} ELSE ${v(k, r)} END`;
      upd.push(`${now} AS ${v(k, r)}`);
    }
    if (k > 1) {
      upd.push(
        `(__p${k - 1} AND NOT ${c1}) AS __p${k - 1}`,
        `CASE WHEN NOT ${c1} THEN __id${k - 1} END AS __id${k - 1}`,
      );
      for (const r of pairs.filter((x) => x.step <= k - 1))
        upd.push(`CASE WHEN NOT ${c1} THEN ${v(k - 1, r)} END AS ${v(k - 1, r)}`);
    }
    if (k === 1) upd.push(`CASE WHEN ${newSeq} THEN __mid + 1 ELSE __mid END AS __mid`);
    const emits = step.output === 'all' ? `(${c1} OR ${c2})` : 'false';
    upd.push(`${emits} AS __out${k}`, `CASE WHEN ${c1} OR ${c2} THEN ${id} END AS __oid${k}`);
    layer = `SELECT * REPLACE (${upd.join(', ')}) FROM (${layer})`;
  }
  const recursive = `SELECT ${['__si', ...stateCols.slice(1)].join(', ')} FROM (${layer})`;

  const outputs: string[] = [];
  for (let k = 1; k <= n; k++) {
    const items = p.columns.map((c) => {
      const d = extIndex(c.name);
      if (d >= 0) return `r.__o${k}_${d} AS ${q(c.name)}`;
      if (c.name === p.matchId) return `r.__oid${k} AS ${q(c.name)}`;
      return `s.${q(c.name)} AS ${q(c.name)}`;
    });
    outputs.push(
      `SELECT ${[...items, 'r.__i AS __ord1', `${n - k} AS __ord2`].join(', ')} FROM ${rec} AS r JOIN ${src} AS s ON s.__si = r.__i WHERE r.__out${k}`,
    );
  }
  const names = p.columns.map((c) => q(c.name)).join(', ');
  return (
    `WITH RECURSIVE ${src} AS MATERIALIZED (SELECT *, row_number() OVER () AS __si FROM (${inputSql})), ` +
    `${lst} AS MATERIALIZED (SELECT list(struct_pack(${packed}) ORDER BY __si) AS __l, count(*) AS __n FROM ${src}), ` +
    `${rec}(${stateCols.join(', ')}) AS (SELECT ${base.join(', ')} UNION ALL ${recursive}) ` +
    `SELECT ${names === '' ? '1 AS "__empty"' : names} FROM (${outputs.join(' UNION ALL ')}) ORDER BY __ord1, __ord2`
  );
}
