// Graph plan nodes -> DuckDB SQL, as one self-contained WITH RECURSIVE query:
//   __E  edges, numbered (the number is the edge's identity for cycle checks)
//   __N  nodes: node-table rows merged by id, plus ids that only appear on edges, each as
//        one struct with its properties, `__id`, and in/out degrees `__din`/`__dout`
//   m0.. the match so far, one row per partial path; a fixed edge is a join, a
//        variable-length edge a recursive CTE that extends paths hop by hop up to its max
// The working relation carries every variable (node: struct; edge: struct; variable-length
// edge: list of structs plus the list of its inner nodes), the current node `__cur`, the
// partition `__p`, and the node and edge ids on the path for the cycles option.
import type { Column } from '../../../kql/types.js';
import type { BoundGraphStep } from '../../../kql/bound-graph.js';
import { sqlIdent as q, sqlString } from '../../escape.js';
import type { GraphPlan, GraphPlanNode, GraphDerivedPlan } from '../../plan-graph.js';
import type { Plan, Sx } from '../../plan.js';
import { duckType } from './literals.js';

export interface GraphEmitter {
  readonly plan: (p: Plan) => string;
  readonly scalar: (e: Sx, qualifier: string) => string;
}

const field = (x: string, name: string): string => `struct_extract(${x}, ${sqlString(name)})`;
const structType = (cols: readonly Column[]): string =>
  `STRUCT(${cols.map((c) => `${q(c.name)} ${duckType(c.type)}`).join(', ')})`;
/** Partition equality (no partition: always true). */
const samePart = (g: GraphPlan, a: string, b: string): string =>
  g.partition === null ? '' : ` AND ${a}.__p IS NOT DISTINCT FROM ${b}.__p`;

function nodeColumns(g: GraphPlan): Column[] {
  return [
    { name: '__id', type: g.nodeIdType },
    { name: '__din', type: 'long' },
    { name: '__dout', type: 'long' },
    ...g.nodeProps.filter((c) => c.name !== '__id' && c.name !== '__din' && c.name !== '__dout'),
  ];
}

function graphCtes(g: GraphPlan, em: GraphEmitter): string[] {
  const p = g.partition === null ? '' : `, ${q(g.partition)} AS __p`;
  const pp = g.partition === null ? '' : ', __p';
  const edgeStruct = `struct_pack(${g.edgeProps.map((c) => `${q(c.name)} := ${q(c.name)}`).join(', ')})`;
  const ctes = [
    `__E AS (SELECT row_number() OVER () AS __eid, ${q(g.source)} AS __s, ${q(g.target)} AS __d${p}, ${edgeStruct} AS __e FROM (${em.plan(g.edges)}))`,
    `__ends AS (SELECT __s AS __id${pp} FROM __E UNION SELECT __d${pp} FROM __E)`,
  ];
  const props = g.nodeProps.filter((c) => c.name !== g.nodeIdName && c.name !== g.components);
  if (g.nodes.length === 0) {
    ctes.push(`__NB AS (SELECT __id${pp} FROM __ends)`);
  } else {
    const parts = g.nodes.map((n) => {
      const have = new Set(n.input.columns.map((c) => c.name));
      const vals = props.map((c) => (have.has(c.name) ? q(c.name) : `CAST(NULL AS ${duckType(c.type)})`));
      return `SELECT ${q(n.key)} AS __id${p}${vals.map((v, i) => `, ${v} AS ${q(props[i]?.name ?? '')}`).join('')} FROM (${em.plan(n.input)})`;
    });
    // A node known only from the edges has empty properties, except its id under the
    // node tables' key column (graph-to-table shows `Mallory` there).
    const keys = new Set(g.nodes.map((n) => n.key));
    const nulls = props
      .map((c) => `, ${keys.has(c.name) ? '__id' : `CAST(NULL AS ${duckType(c.type)})`} AS ${q(c.name)}`)
      .join('');
    ctes.push(`__NT AS (${parts.join(' UNION ALL ')})`);
    ctes.push(
      `__NB AS (SELECT __id${pp}${props.map((c) => `, any_value(${q(c.name)}) AS ${q(c.name)}`).join('')} FROM (SELECT * FROM __NT UNION ALL SELECT __id${pp}${nulls} FROM __ends x WHERE NOT EXISTS (SELECT 1 FROM __NT t WHERE t.__id = x.__id${samePart(g, 't', 'x')})) GROUP BY __id${pp})`,
    );
  }
  const propVals = g.nodeProps.map((c) =>
    c.name === g.nodeIdName
      ? `${q(c.name)} := b.__id`
      : c.name === g.components
        ? `${q(c.name)} := cc.__c`
        : `${q(c.name)} := b.${q(c.name)}`,
  );
  if (g.components !== null) ctes.push(...componentCtes(g));
  const comp = g.components === null ? '' : ` LEFT JOIN __compn cc ON cc.__id = b.__id${samePart(g, 'cc', 'b')}`;
  const degree = (col: string, alias: string): string =>
    `LEFT JOIN (SELECT ${col} AS __id${pp}, count(*) AS c FROM __E GROUP BY ALL) ${alias} ON ${alias}.__id = b.__id${samePart(g, alias, 'b')}`;
  ctes.push(
    `__N AS (SELECT b.__id${g.partition === null ? '' : ', b.__p'}, struct_pack(__id := b.__id, __din := coalesce(i.c, 0), __dout := coalesce(o.c, 0)${propVals.map((v) => `, ${v}`).join('')}) AS __node FROM __NB b ${degree('__d', 'i')} ${degree('__s', 'o')}${comp})`,
  );
  return ctes;
}

/**
 * Weak components, numbered 0, 1, ... in the order their first node appears in the edges
 * (source before target), which is the numbering Kusto's examples show.
 */
function componentCtes(g: GraphPlan): string[] {
  const pp = g.partition === null ? '' : ', __p';
  const rp = g.partition === null ? '' : ', r.__p';
  const over = g.partition === null ? '' : 'PARTITION BY __p ';
  return [
    `__ord AS (SELECT __id${pp}, min(o) AS __o FROM (SELECT __s AS __id${pp}, 2 * __eid AS o FROM __E UNION ALL SELECT __d${pp}, 2 * __eid + 1 FROM __E UNION ALL SELECT __id${pp}, 9223372036854775807 FROM __NB) GROUP BY ALL)`,
    `__reach AS (SELECT __id AS a, __id AS b${pp} FROM __NB UNION SELECT r.a, CASE WHEN e.__s = r.b THEN e.__d ELSE e.__s END${rp} FROM __reach r JOIN __E e ON (e.__s = r.b OR e.__d = r.b)${samePart(g, 'e', 'r')})`,
    `__comp AS (SELECT r.a AS __id${rp}, min(o.__o) AS __root FROM __reach r JOIN __ord o ON o.__id = r.b${samePart(g, 'o', 'r')} GROUP BY ALL)`,
    `__compn AS (SELECT __id${pp}, dense_rank() OVER (${over}ORDER BY __root) - 1 AS __c FROM __comp)`,
  ];
}

/** Join condition and the id of the node reached, for one edge taken from node id `cur`. */
function traverse(dir: BoundGraphStep & { kind: 'edge' }, cur: string): { on: string; next: string } {
  if (dir.direction === '->') return { on: `e.__s = ${cur}`, next: 'e.__d' };
  if (dir.direction === '<-') return { on: `e.__d = ${cur}`, next: 'e.__s' };
  return { on: `(e.__s = ${cur} OR e.__d = ${cur})`, next: `CASE WHEN e.__s = ${cur} THEN e.__d ELSE e.__s END` };
}

function cycleCheck(cycles: 'all' | 'none' | 'unique_edges', from: string): string {
  if (cycles === 'unique_edges') return ` AND NOT list_contains(${from}.__eids, e.__eid)`;
  if (cycles === 'none') return ` AND NOT list_contains(${from}.__nids, n.__id)`;
  return '';
}

type MatchNode = Extract<GraphPlanNode, { kind: 'GraphMatch' }>;

/** The path CTEs; returns them and the name of the last one. */
function matchCtes(p: MatchNode): { ctes: string[]; last: string } {
  const g = p.graph;
  const part = (m: string) => (g.partition === null ? '' : `, ${m}.__p AS __p`);
  const ctes: string[] = [];
  const carried: string[] = [];
  let prev: string | null = null;
  let n = 0;
  const keep = (m: string) => carried.map((c) => `${m}.${c}, `).join('');
  for (const path of p.paths) {
    const first = path[0];
    if (first?.kind !== 'node') throw new Error('graph pattern must start with a node');
    const name = `__gm${n++}`;
    if (prev === null)
      ctes.push(
        `${name} AS (SELECT n.__node AS ${q(first.name)}, n.__node AS __cur${part('n')}, [n.__id] AS __nids, CAST([] AS BIGINT[]) AS __eids FROM __N n)`,
      );
    else if (first.bound === true)
      ctes.push(
        `${name} AS (SELECT ${keep('m')}m.${q(first.name)} AS __cur${part('m')}, m.__nids, m.__eids FROM ${prev} m)`,
      );
    else
      ctes.push(
        `${name} AS (SELECT ${keep('m')}n.__node AS ${q(first.name)}, n.__node AS __cur${part('m')}, list_append(m.__nids, n.__id) AS __nids, m.__eids FROM ${prev} m JOIN __N n ON true${samePart(g, 'n', 'm')})`,
      );
    if (first.bound !== true) carried.push(q(first.name));
    prev = name;
    for (let i = 1; i + 1 < path.length; i += 2) {
      const edge = path[i];
      const node = path[i + 1];
      if (edge?.kind !== 'edge' || node?.kind !== 'node')
        throw new Error('graph pattern must alternate nodes and edges');
      const next = `__gm${n++}`;
      if (!edge.multi) {
        const t = traverse(edge, field('m.__cur', '__id'));
        ctes.push(
          `${next} AS (SELECT ${keep('m')}e.__e AS ${q(edge.name)}, n.__node AS ${q(node.name)}, n.__node AS __cur${part('m')}, list_append(m.__nids, n.__id) AS __nids, list_append(m.__eids, e.__eid) AS __eids FROM ${prev} m JOIN __E e ON ${t.on}${samePart(g, 'e', 'm')} JOIN __N n ON n.__id = ${t.next}${samePart(g, 'n', 'e')} WHERE true${cycleCheck(p.cycles, 'm')})`,
        );
        carried.push(q(edge.name), q(node.name));
      } else {
        const r = `__gr${n}`;
        const inner = q(`${edge.name} inner`);
        const list = q(edge.name);
        const t = traverse(edge, field('r.__cur', '__id'));
        const seed = `SELECT ${keep('m')}m.__cur${part('m')}, m.__nids, m.__eids, 0 AS __hop, CAST([] AS ${structType(g.edgeProps)}[]) AS ${list}, CAST([] AS ${structType(nodeColumns(g))}[]) AS ${inner} FROM ${prev} m`;
        const step = `SELECT ${keep('r')}n.__node AS __cur${part('r')}, list_append(r.__nids, n.__id) AS __nids, list_append(r.__eids, e.__eid) AS __eids, r.__hop + 1, list_append(r.${list}, e.__e), CASE WHEN r.__hop = 0 THEN r.${inner} ELSE list_append(r.${inner}, r.__cur) END FROM ${r} r JOIN __E e ON ${t.on}${samePart(g, 'e', 'r')} JOIN __N n ON n.__id = ${t.next}${samePart(g, 'n', 'e')} WHERE r.__hop < ${edge.max}${cycleCheck(p.cycles, 'r')}`;
        ctes.push(`${r} AS (${seed} UNION ALL ${step})`);
        ctes.push(
          `${next} AS (SELECT ${keep('x')}x.${list}, x.${inner}, x.__cur AS ${q(node.name)}, x.__cur${part('x')}, x.__nids, x.__eids FROM ${r} x WHERE x.__hop >= ${edge.min})`,
        );
        carried.push(list, inner, q(node.name));
      }
      prev = next;
    }
  }
  if (prev === null) throw new Error('empty graph pattern');
  return { ctes, last: prev };
}

function derivedSql(def: GraphDerivedPlan, p: MatchNode, em: GraphEmitter): string {
  const v = (name: string) => `m.${q(name)}`;
  const isMulti = (name: string) =>
    p.paths.some((path) => path.some((s) => s.kind === 'edge' && s.name === name && s.multi));
  switch (def.k) {
    case 'prop':
      return isMulti(def.variable)
        ? `to_json(list_transform(${v(def.variable)}, lambda __g: ${field('__g', def.prop)}))`
        : field(v(def.variable), def.prop);
    case 'id':
      return field(v(def.variable), '__id');
    case 'degree':
      return field(v(def.variable), def.dir === 'in' ? '__din' : '__dout');
    case 'list': {
      const list = def.list.inner ? `m.${q(`${def.list.variable} inner`)}` : v(def.list.variable);
      const mapped = `list_transform(${list}, lambda __g: ${em.scalar(def.body, '__g')})`;
      if (def.fn === 'map') return `to_json(${mapped})`;
      return def.fn === 'all' ? `coalesce(list_bool_and(${mapped}), true)` : `coalesce(list_bool_or(${mapped}), false)`;
    }
  }
}

export function emitGraph(p: GraphPlanNode, em: GraphEmitter): string {
  const g = p.graph;
  if (p.kind === 'GraphTable') {
    const ctes = graphCtes(g, em);
    const idOf = { node: '__id', source: '__s', target: '__d' } as const;
    const hash = (c: string): string =>
      em.scalar(
        {
          k: 'fn',
          name: 'hash',
          args: [{ k: 'col', name: c, type: 'string' }],
          type: 'long',
          span: { start: 0, end: 0 },
        },
        '',
      );
    const value = (c: Column, struct: string): string => {
      const id = p.ids.find((i) => i.name === c.name);
      return `${id === undefined ? field(struct, c.name) : hash(idOf[id.of])} AS ${q(c.name)}`;
    };
    if (p.what === 'edges')
      return `WITH RECURSIVE ${ctes.join(', ')} SELECT ${p.columns.map((c) => value(c, '__e')).join(', ')} FROM __E ORDER BY __eid`;
    return `WITH RECURSIVE ${ctes.join(', ')} SELECT ${p.columns.map((c) => value(c, '__node')).join(', ')} FROM __N`;
  }
  const { ctes, last } = matchCtes(p);
  const items = p.derived.map((d) => `${derivedSql(d.def, p, em)} AS ${q(d.name)}`);
  const path = p.paths[0] ?? [];
  const firstStep = path[0];
  const lastStep = path[path.length - 1];
  const keys = [
    `${g.partition === null ? 'NULL' : 'm.__p'} AS __kp`,
    `${field(`m.${q(firstStep?.name ?? '')}`, '__id')} AS __ks`,
    `${field(`m.${q(lastStep?.name ?? '')}`, '__id')} AS __ke`,
    `len(m.__eids) AS __klen`,
    `m.__eids AS __keids`,
  ];
  const same = p.same.map(([a, b]) => `${field(`m.${q(a)}`, '__id')} = ${field(`m.${q(b)}`, '__id')}`);
  const rows = `SELECT ${[...items, ...keys].join(', ')} FROM ${last} m${same.length === 0 ? '' : ` WHERE ${same.join(' AND ')}`}`;
  const where = p.where === null ? '' : ` WHERE ${em.scalar(p.where, '')}`;
  const rank = p.shortest === 'all' ? 'rank()' : 'row_number()';
  const qualify =
    p.shortest === null
      ? ''
      : ` QUALIFY ${rank} OVER (PARTITION BY __kp, __ks, __ke ORDER BY __klen${p.shortest === 'any' ? ', __keids' : ''}) = 1`;
  const out = p.columns.map((c) => q(c.name)).join(', ');
  const all = [...graphCtes(g, em), ...ctes];
  const matches = `SELECT * FROM (${rows})${where}${qualify}`;
  // take N inside partitioned-by: N arbitrary matches of each partition (__kp is null without one).
  const limited =
    p.limitPerPartition === null
      ? matches
      : `SELECT * FROM (${matches}) QUALIFY row_number() OVER (PARTITION BY __kp) <= ${em.scalar(p.limitPerPartition, '')}`;
  return `WITH RECURSIVE ${all.join(', ')} SELECT ${out === '' ? '1 AS "__empty"' : out} FROM (${limited})`;
}
