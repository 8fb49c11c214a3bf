// Test harness for SQL templates: parses Kusto literal arguments into SqlArgs, renders a
// catalog template, evaluates it in an in-memory DuckDB and renders the value as Kusto would.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { registerUdfs } from '../../src/engine/udf.js';
import type { ScalarType } from '../../src/kql/types.js';
import { TYPE_ALIASES } from '../../src/kql/types.js';
import { sqlString } from '../../src/sql/escape.js';
import type { SqlArg, SqlContext } from '../../src/catalog/types.js';
import { toStringSql } from '../../src/catalog/duckdb/values.js';

export const NOW_ISO = '2025-11-20 00:48:57.6034636';
export const CTX: SqlContext = { stringLiteral: sqlString, now: `TIMESTAMP_NS '${NOW_ISO}'` };

let conn: DuckDBConnection | undefined;
export async function db(): Promise<DuckDBConnection> {
  if (!conn) {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
    // Templates may call the catalog's JavaScript functions, as on a workspace connection.
    registerUdfs(conn);
  }
  return conn;
}

/** Splits `a, f(b, c), "x,y"` at top-level commas. */
export function splitTopLevel(text: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      cur += ch;
      if (ch === '\\' && quote !== '@') {
        cur += text[++i] ?? '';
      } else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === sep && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const TIMESPAN_UNITS: Readonly<Record<string, number>> = {
  d: 864_000_000_000,
  day: 864_000_000_000,
  days: 864_000_000_000,
  h: 36_000_000_000,
  hr: 36_000_000_000,
  hrs: 36_000_000_000,
  hour: 36_000_000_000,
  hours: 36_000_000_000,
  m: 600_000_000,
  min: 600_000_000,
  minute: 600_000_000,
  minutes: 600_000_000,
  s: 10_000_000,
  sec: 10_000_000,
  second: 10_000_000,
  seconds: 10_000_000,
  ms: 10_000,
  millisecond: 10_000,
  milliseconds: 10_000,
  microsecond: 10,
  microseconds: 10,
  tick: 1,
  ticks: 1,
};

function unquote(lit: string): string {
  if (lit.startsWith('@')) return lit.slice(2, -1).replace(/""/g, '"');
  const body = lit.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith('u')) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

const NULL_OF: Readonly<Record<string, string>> = {
  int: 'CAST(NULL AS INTEGER)',
  long: 'CAST(NULL AS BIGINT)',
  real: 'CAST(NULL AS DOUBLE)',
  bool: 'CAST(NULL AS BOOLEAN)',
  datetime: 'CAST(NULL AS TIMESTAMP_NS)',
  timespan: 'CAST(NULL AS BIGINT)',
  dynamic: 'CAST(NULL AS JSON)',
  guid: 'CAST(NULL AS UUID)',
  decimal: 'CAST(NULL AS DECIMAL(38,18))',
  string: 'CAST(NULL AS VARCHAR)',
};

/** A Kusto literal as SQL. Supports the literal forms the fixtures use. */
export function literal(text: string): SqlArg {
  const t = text.trim();
  if (/^@?["']/.test(t)) {
    const s = unquote(t);
    return { sql: sqlString(s), type: 'string', constant: s };
  }
  if (t === 'true' || t === 'false') return { sql: t, type: 'bool', constant: t === 'true' };
  if (/^-?\d+$/.test(t)) return { sql: `CAST(${t} AS BIGINT)`, type: 'long', constant: Number(t) };
  if (/^-?(\d+\.\d*|\.\d+|\d+(\.\d*)?e[+-]?\d+)$/i.test(t))
    return { sql: `CAST(${t} AS DOUBLE)`, type: 'real', constant: Number(t) };
  const ts = /^(-?\d+(?:\.\d+)?)([a-z]+)$/i.exec(t);
  if (ts && TIMESPAN_UNITS[ts[2] as string] !== undefined) {
    const ticks = Math.round(Number(ts[1]) * (TIMESPAN_UNITS[ts[2] as string] as number));
    return { sql: `CAST(${ticks} AS BIGINT)`, type: 'timespan', constant: ticks };
  }
  const call = /^([a-z]+)\(([\s\S]*)\)$/i.exec(t);
  if (call) {
    const fn = call[1] as string;
    const inner = (call[2] as string).trim();
    if (fn === 'typeof') {
      const ty = TYPE_ALIASES[inner] as ScalarType;
      return { sql: 'NULL', type: ty, constant: ty };
    }
    const ty = TYPE_ALIASES[fn] ?? (fn === 'timespan' ? 'timespan' : undefined);
    if (ty && inner === 'null') return { sql: NULL_OF[ty] as string, type: ty, constant: null };
    switch (ty) {
      case 'int':
        return { sql: `CAST(${inner} AS INTEGER)`, type: 'int', constant: Number(inner) };
      case 'long':
        return { sql: `CAST(${inner} AS BIGINT)`, type: 'long', constant: Number(inner) };
      case 'real':
        return { sql: `CAST(${inner} AS DOUBLE)`, type: 'real', constant: Number(inner) };
      case 'decimal':
        return { sql: `CAST(${inner} AS DECIMAL(38,18))`, type: 'decimal' };
      case 'datetime':
        return { sql: `CAST(${sqlString(inner.replace(/^["']|["']$/g, ''))} AS TIMESTAMP_NS)`, type: 'datetime' };
      case 'guid':
        return { sql: `CAST(${sqlString(inner)} AS UUID)`, type: 'guid' };
      case 'dynamic':
        return { sql: `json(${sqlString(inner)})`, type: 'dynamic' };
      case 'timespan': {
        const hms = /^(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(inner);
        if (hms) {
          const [, neg, d, h, mi, sec, frac] = hms;
          const ticks =
            (Number(d ?? 0) * 86400 + Number(h) * 3600 + Number(mi) * 60 + Number(sec ?? 0)) * 10_000_000 +
            Number((frac ?? '').padEnd(7, '0').slice(0, 7) || '0');
          const signed = neg ? -ticks : ticks;
          return { sql: `CAST(${signed} AS BIGINT)`, type: 'timespan', constant: signed };
        }
        const v = literal(inner);
        return { ...v, type: 'timespan' };
      }
      default:
        break;
    }
  }
  throw new Error(`unsupported literal in fixture: ${t}`);
}

/** SQL rendering a value of a Kusto type as Kusto displays it: dynamic as compact JSON, null as "". */
export function displaySql(sql: string, type: ScalarType): string {
  if (type === 'dynamic') return `coalesce(CAST(json(${sql}) AS VARCHAR), '')`;
  return `coalesce(${toStringSql({ sql, type })}, '')`;
}

export async function evalScalar(sql: string, type: ScalarType, from = ''): Promise<string> {
  const c = await db();
  const r = await c.runAndReadAll(`SELECT ${displaySql(sql, type)} ${from}`);
  const v = r.getRowsJson()[0]?.[0];
  return v === null || v === undefined ? '' : String(v);
}

export interface FixtureLine {
  readonly line: number;
  readonly left: string;
  readonly expected: string;
}

/** `left => expected` lines; `#` comments and blank lines skipped. */
export function readFixture(text: string): FixtureLine[] {
  const out: FixtureLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const s = raw.trim();
    if (!s || s.startsWith('#')) return;
    const at = s.lastIndexOf('=>');
    if (at < 0) throw new Error(`fixture line ${i + 1}: missing =>`);
    out.push({ line: i + 1, left: s.slice(0, at).trim(), expected: s.slice(at + 2).trim() });
  });
  return out;
}
