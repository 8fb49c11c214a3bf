// The line check of the typed NDJSON path (see ndjson-typed.ts): which lines DuckDB's typed
// read stores exactly as the JS row pipeline would. Large files are checked by two worker
// threads, each on a line-aligned half, since V8's JSON.parse is the cost (measured: 3.5 µs
// per 840-byte line, 8 µs per 2.3 KB line) and the machine has cores to spare until the insert.
// No DuckDB here: a worker loads just this module.
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ScalarType } from '../../kql/types.js';
import { splitLines, type Line } from '../sources/lines.js';
import { parseTimestampNs } from '../time.js';

const CATEGORY_PREFIX = 'AdvancedHunting-';
/** Defender's timestamp shape, on which DuckDB's cast to TIMESTAMP_NS equals the JS parser (tested to the ns). */
const DEFENDER_TS =
  /^(1[7-9]|2[01])\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** Below this size a file is checked on the main thread (a worker costs more to start than it saves). */
export const WORKER_MIN_BYTES = 64 * 2 ** 20;

/** What the check learned about one table of the file. */
export interface TypedTable {
  rows: number;
  /** Property keys seen with a value (after the envelope filled TenantId/TimeGenerated). */
  readonly keys: Set<string>;
  /** The workspace table's columns (documented and added), by exact name. */
  readonly cols: ReadonlyMap<string, ScalarType>;
}

export type TypedCheck =
  /** contentSha256: of the decompressed bytes, for a gzip file. */
  | { ok: true; tables: Map<string, TypedTable>; contentSha256?: string | undefined }
  | { ok: false; reason: string; line: number };

/** Workspace columns of every table, as plain data (it crosses to the workers). */
export type ColumnTypes = Record<string, [string, ScalarType][]>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does DuckDB's typed read give exactly what the JS pipeline stores for `v` (non-null) in a column of `type`? */
export function fitsTyped(type: ScalarType, v: unknown): boolean {
  switch (type) {
    case 'string':
    case 'unknown':
      return typeof v === 'string';
    case 'long':
    case 'timespan':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
    case 'bool':
      return typeof v === 'boolean';
    case 'datetime':
      return typeof v === 'string' && DEFENDER_TS.test(v) && parseTimestampNs(v) !== undefined;
    case 'dynamic':
      // '' is stored as null; a JSON container's text as itself (JS trims first, so no padding here).
      if (typeof v !== 'string') return false;
      if (v === '') return true;
      if ((v[0] !== '{' && v[0] !== '[') || v.trim() !== v) return false;
      try {
        JSON.parse(v);
        return true;
      } catch {
        return false;
      }
    case 'real':
    case 'decimal':
    case 'guid':
      // Not taken: -0, the last bit of a decimal's text and UUID spellings are not worth a proof here.
      return false;
  }
}

/**
 * Checks lines one by one. Mirrors what `lineItems`/`fromStreamingRecord` and the writer do,
 * and says no to anything they would treat specially (rejects, Event Hub messages, new or
 * case-differing columns, widening).
 */
export class LineChecker {
  readonly tables = new Map<string, TypedTable>();
  private readonly types: ReadonlyMap<string, ReadonlyMap<string, ScalarType>>;

  constructor(types: ColumnTypes) {
    this.types = new Map(Object.entries(types).map(([t, cols]) => [t, new Map(cols)]));
  }

  /** undefined if the line is fine, else why not. */
  check(l: Line): string | undefined {
    if (l.tooLong === true) return 'line too long';
    // An empty line is skipped by both readers; one holding only blanks is not proven for DuckDB.
    if (l.text === '') return undefined;
    let v: unknown;
    try {
      v = JSON.parse(l.text);
    } catch {
      return 'bad JSON';
    }
    if (!isObject(v)) return 'not an object';
    if (Array.isArray(v['records'])) return 'Event Hub message';
    if (Array.isArray(v['Results'] ?? v['results']) && ('Schema' in v || 'schema' in v)) return 'hunting API response';
    const cat = v['category'];
    const props = v['properties'];
    if (typeof cat !== 'string' || !cat.startsWith(CATEGORY_PREFIX) || !isObject(props))
      return 'not a streaming record';
    const name = cat.slice(CATEGORY_PREFIX.length);
    const cols = this.types.get(name);
    if (cols === undefined) return `category ${cat}`;
    const tenant = v['tenantId'];
    const time = v['time'];
    // The SQL reads the envelope as text: only strings (or nothing) mean the same to both.
    if (tenant != null && typeof tenant !== 'string') return 'tenantId type';
    if (time != null && typeof time !== 'string') return 'time type';
    let t = this.tables.get(name);
    if (t === undefined) {
      t = { rows: 0, keys: new Set(), cols };
      this.tables.set(name, t);
    }
    for (const key in props) {
      const val = props[key];
      if (val === null) continue;
      const type = cols.get(key);
      if (type === undefined) return `column ${key}`;
      if (!fitsTyped(type, val)) return `value of ${key}`;
      t.keys.add(key);
    }
    // The envelope fills TenantId/TimeGenerated when the row lacks them (fromStreamingRecord).
    if (props['TenantId'] == null && typeof tenant === 'string') t.keys.add('TenantId');
    if (props['TimeGenerated'] == null && typeof time === 'string') {
      const type = cols.get('TimeGenerated');
      if (type === undefined || !fitsTyped(type, time)) return 'time value';
      t.keys.add('TimeGenerated');
    }
    if (props['Timestamp'] == null) return 'missing Timestamp';
    t.rows++;
    return undefined;
  }
}

/** Plain-data result of checking a byte range (what a worker posts back) or a gzip stream. */
export type RangeResult =
  | { ok: true; tables: [string, number, string[]][]; contentSha256?: string }
  | { ok: false; reason: string; line: number };

/** Check the lines of `chunks`; the first line that fails ends the check. Lines are numbered from 1. */
export async function checkLines(chunks: AsyncIterable<Buffer>, types: ColumnTypes): Promise<RangeResult> {
  const checker = new LineChecker(types);
  for await (const batch of splitLines(chunks)) {
    for (const l of batch) {
      const why = checker.check(l);
      if (why !== undefined) return { ok: false, reason: why, line: l.line };
    }
  }
  return { ok: true, tables: [...checker.tables].map(([n, t]) => [n, t.rows, [...t.keys]]) };
}

/** Check bytes [start, end) of `path` (line-aligned). Lines are numbered from 1 within the range. */
export async function checkRange(
  path: string,
  start: number,
  end: number,
  types: ColumnTypes,
  onBytes: (n: number) => void = () => undefined,
): Promise<RangeResult> {
  if (end <= start) return { ok: true, tables: [] };
  const stream = createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 });
  stream.on('data', (c) => onBytes(c.length));
  try {
    return await checkLines(stream as AsyncIterable<Buffer>, types);
  } finally {
    stream.destroy();
  }
}

/** Where to split `path` into `n` line-aligned ranges (each boundary just after a '\n'). */
export async function splitPoints(path: string, size: number, n: number): Promise<number[]> {
  const fh = await open(path, 'r');
  try {
    const points = [0];
    const buf = Buffer.alloc(1 << 20);
    for (let i = 1; i < n; i++) {
      let pos = Math.max(points[points.length - 1]!, Math.floor((size * i) / n));
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) {
          pos = size;
          break;
        }
        const nl = buf.subarray(0, bytesRead).indexOf(10);
        if (nl !== -1) {
          pos += nl + 1;
          break;
        }
        pos += bytesRead;
      }
      points.push(pos);
    }
    points.push(size);
    return points;
  } finally {
    await fh.close();
  }
}

/** What a check worker is given: a line-aligned byte range of a plain file. */
export interface CheckJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly types: ColumnTypes;
}

/** What a check worker posts: progress (bytes read since the last message), then its result. */
export type WorkerMessage = { bytes: number } | { result: RangeResult };

export function inWorker(
  path: string,
  start: number,
  end: number,
  types: ColumnTypes,
  onBytes: (n: number) => void,
): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    // From source (tsx, which workers inherit through execArgv) the module is .ts; built, .js.
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    const data: CheckJob = { path, start, end, types };
    const w = new Worker(new URL(`./check-worker.${ext}`, import.meta.url), { workerData: data });
    w.on('message', (m: WorkerMessage) => {
      if ('bytes' in m) onBytes(m.bytes);
      else resolve(m.result);
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`check worker exited with ${code}`));
    });
  });
}
