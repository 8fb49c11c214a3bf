// Appends converted rows to one workspace table, column-wise through DuckDB data chunks (far
// cheaper than one native call per cell). Columns the schema does not know are added on
// first sight; everything happens inside the caller's per-file transaction.
import {
  DuckDBDataChunk,
  DuckDBTimestampNanosecondsValue,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Column, ScalarType } from '../kql/types.js';
import { getTable } from '../schema/index.js';
import { DUCKDB_TYPE } from '../schema/physical.js';
import { sqlIdent } from '../sql/escape.js';
import { ConversionError, convertValue, inferType, writtenNumber } from './values.js';
import { tableColumns } from './workspace.js';

const BATCH = 2048;
const FLUSH_EVERY_CHUNKS = 8;
const OK: RowResult = { ok: true };
const CONVERTED = { kind: 'ok' } as const;
const REJECT_NO_TIME = { kind: 'reject', reason: 'missing Timestamp' } as const;

export type RowResult = { ok: true } | { ok: false; reason: string };

export class TableWriter {
  private cols: Column[] = [];
  private declared = new Set<string>();
  private index = new Map<string, number>();
  private lowerIndex = new Map<string, number>();
  private timeIdx = -1;
  private appender: DuckDBAppender | undefined;
  private types: DuckDBType[] = [];
  private buf: DuckDBValue[][] = [];
  private chunk: DuckDBDataChunk | undefined;
  private chunksSinceFlush = 0;
  private count = 0;
  stored = 0;

  private constructor(
    private readonly conn: DuckDBConnection,
    readonly table: string,
  ) {}

  static async open(conn: DuckDBConnection, table: string): Promise<TableWriter> {
    const w = new TableWriter(conn, table);
    for (const c of getTable(table)?.workspaceColumns ?? []) w.declared.add(c.name);
    await w.reload();
    return w;
  }

  private async reload(): Promise<void> {
    this.cols = await tableColumns(this.conn, this.table);
    this.index = new Map(this.cols.map((c, i) => [c.name, i]));
    this.lowerIndex = new Map(this.cols.map((c, i) => [c.name.toLowerCase(), i]));
    this.timeIdx = this.index.get(getTable(this.table)?.timeColumn ?? 'Timestamp') ?? -1;
    this.appender = await this.conn.createAppender(this.table);
    this.types = this.cols.map((_, i) => this.appender!.columnType(i));
    this.buf = this.cols.map(() => new Array<DuckDBValue>(BATCH).fill(null));
    this.chunk = undefined;
    this.count = 0;
  }

  private colIndex(key: string): number | undefined {
    return this.index.get(key) ?? this.lowerIndex.get(key.toLowerCase());
  }

  /** Flush buffered rows and drop the appender, before DDL or at commit. */
  async finish(): Promise<void> {
    this.flushBatch();
    if (this.appender !== undefined) {
      this.appender.flushSync();
      this.appender.closeSync();
      this.appender = undefined;
    }
    await Promise.resolve();
  }

  private flushBatch(): void {
    if (this.count === 0 || this.appender === undefined) return;
    const n = this.count;
    // One full-size chunk is reused; only the last, partial batch of a file gets its own.
    let chunk: DuckDBDataChunk;
    if (n === BATCH) {
      this.chunk ??= DuckDBDataChunk.create(this.types, BATCH);
      chunk = this.chunk;
      chunk.reset();
      chunk.rowCount = BATCH;
    } else chunk = DuckDBDataChunk.create(this.types, n);
    for (let c = 0; c < this.cols.length; c++) {
      const col = this.buf[c]!;
      chunk.setColumnValues(c, n === BATCH ? col : col.slice(0, n));
      col.fill(null, 0, n);
    }
    this.appender.appendDataChunk(chunk);
    this.stored += n;
    // Hand rows to the table's transaction-local storage regularly: there, full row groups are
    // written to the database file before commit, instead of accumulating in the appender.
    if (++this.chunksSinceFlush >= FLUSH_EVERY_CHUNKS) {
      this.appender.flushSync();
      this.chunksSinceFlush = 0;
    }
    this.count = 0;
  }

  private async alter(sql: string): Promise<void> {
    await this.finish();
    await this.conn.run(sql);
    await this.reload();
  }

  /**
   * Convert and buffer one row; a row that cannot be stored is returned as a reason, untouched.
   * Synchronous unless the row needs a schema change (a promise is returned only then).
   */
  append(
    values: Readonly<Record<string, unknown>>,
    fromText: boolean,
    raw: string | undefined,
  ): RowResult | Promise<RowResult> {
    const res = this.tryConvert(values, raw);
    if (res.kind === 'ok') {
      this.commitRow();
      return OK;
    }
    if (res.kind === 'reject') return { ok: false, reason: res.reason };
    return this.appendSlow(values, fromText, raw);
  }

  private commitRow(): void {
    this.count++;
    if (this.count === BATCH) this.flushBatch();
  }

  private async appendSlow(
    values: Readonly<Record<string, unknown>>,
    fromText: boolean,
    raw: string | undefined,
  ): Promise<RowResult> {
    for (;;) {
      const res = this.tryConvert(values, raw);
      if (res.kind === 'ok') break;
      if (res.kind === 'reject') return { ok: false, reason: res.reason };
      if (res.kind === 'add') {
        const t = inferType(values[res.key], fromText, writtenNumber(raw, res.key, values[res.key]));
        await this.alter(`ALTER TABLE ${sqlIdent(this.table)} ADD COLUMN ${sqlIdent(res.key)} ${DUCKDB_TYPE[t]}`);
      } else {
        // An undocumented column guessed too narrowly from an earlier value: widen it
        // (integer to real for a fractional number, otherwise to text).
        const col = this.cols.find((c) => c.name === res.key);
        const v =
          values[res.key] ?? Object.entries(values).find(([k]) => k.toLowerCase() === res.key.toLowerCase())?.[1];
        const to = col?.type === 'long' && typeof v === 'number' ? 'DOUBLE' : 'VARCHAR';
        await this.alter(`ALTER TABLE ${sqlIdent(this.table)} ALTER COLUMN ${sqlIdent(res.key)} TYPE ${to}`);
      }
    }
    this.commitRow();
    return OK;
  }

  /** Per-row scratch, reused: converted values by column index, and which indexes were set. */
  private row: DuckDBValue[] = [];
  private touched: number[] = [];

  private tryConvert(
    values: Readonly<Record<string, unknown>>,
    raw: string | undefined,
  ): { kind: 'ok' } | { kind: 'reject'; reason: string } | { kind: 'add' | 'widen'; key: string } {
    const row = this.row;
    const touched = this.touched;
    let nTouched = 0;
    for (const key in values) {
      const v = values[key];
      if (v === null || v === undefined) continue;
      const i = this.colIndex(key);
      if (i === undefined) return { kind: 'add', key };
      const col = this.cols[i]!;
      let stored: DuckDBValue;
      try {
        const s = convertValue(col.type, v, raw, key);
        stored = col.type === 'datetime' && typeof s === 'bigint' ? new DuckDBTimestampNanosecondsValue(s) : s;
      } catch (err) {
        if (!(err instanceof ConversionError)) throw err;
        if (!this.declared.has(col.name) && col.type !== 'string') return { kind: 'widen', key: col.name };
        return { kind: 'reject', reason: `wrong type: ${col.name} ${err.message}` };
      }
      row[i] = stored;
      touched[nTouched++] = i;
    }
    let hasTime = this.timeIdx < 0;
    for (let k = 0; k < nTouched; k++) if (touched[k] === this.timeIdx && row[this.timeIdx] !== null) hasTime = true;
    if (!hasTime) return REJECT_NO_TIME;
    const slot = this.count;
    for (let k = 0; k < nTouched; k++) {
      const i = touched[k]!;
      this.buf[i]![slot] = row[i]!;
    }
    return CONVERTED;
  }

  get columns(): readonly Column[] {
    return this.cols;
  }
}

export type { ScalarType };
