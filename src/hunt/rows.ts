// Hunt results as named records, and the small typed accessors the correlation uses.
import type { CellValue, QueryResult } from '../engine/types.js';

export type Rec = Readonly<Record<string, CellValue>>;

export function records(r: QueryResult): Rec[] {
  const names = r.columns.map((c) => c.name);
  return r.rows.map((row) => {
    const o: Record<string, CellValue> = {};
    names.forEach((n, i) => (o[n] = row[i] ?? null));
    return o;
  });
}

export function str(r: Rec, k: string): string {
  const v = r[k];
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function num(r: Rec, k: string): number | null {
  const v = r[k];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** ReportId keeps its exact value: long beyond 2^53 stays a string. */
export function reportIdOf(r: Rec, k = 'ReportId'): number | string {
  const v = r[k];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v === null || v === undefined ? '' : String(v);
}

/** Milliseconds since epoch of a Kusto datetime rendering (7 fractional digits allowed). */
export function ms(ts: string): number {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z?$/.exec(ts);
  if (m === null) return Date.parse(ts);
  const frac = (m[2] ?? '').padEnd(7, '0');
  return Date.parse(`${m[1]}Z`) + Number(frac) / 10_000;
}

/** A Kusto datetime rendering from a Date: 7 fractional digits and Z. */
export function kustoTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** A JSON-bearing column (string in the portal, dynamic in Sentinel) as an object, or null. */
export function jsonField(r: Rec, k: string): Record<string, unknown> | null {
  const v = r[k];
  let parsed: unknown = v;
  if (typeof v === 'string') {
    try {
      parsed = JSON.parse(v) as unknown;
    } catch {
      return null;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

export function listField(r: Rec, k: string): unknown[] {
  const v = r[k];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    try {
      const p = JSON.parse(v) as unknown;
      return Array.isArray(p) ? p : [];
    } catch {
      return [];
    }
  }
  return [];
}

const SYSTEM_ACCOUNTS = new Set(['system', 'local service', 'network service', 'localservice', 'networkservice', '']);

/** Normalised account: lower case, domain stripped; system accounts become null. */
export function normUser(name: string): string | null {
  let s = name.trim().toLowerCase();
  const bs = s.lastIndexOf('\\');
  if (bs >= 0) s = s.slice(bs + 1);
  if (SYSTEM_ACCOUNTS.has(s) || s.endsWith('$')) return null;
  return s;
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return i >= 0 ? path.slice(i + 1) : path;
}

export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return i >= 0 ? path.slice(0, i) : '';
}
