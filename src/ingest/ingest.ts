// Ingest orchestration: one transaction per file, so a file is either wholly in the
// workspace (with its ingest-log entry) or not at all, even if the process is killed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { getTable } from '../schema/index.js';
import { sqlString } from '../sql/escape.js';
import { inferTable, type Inference } from './infer.js';
import type { ByteCounter } from './sources/index.js';
import {
  MAX_REPORTED_REJECTS,
  StrictRejectError,
  zeroCounts,
  type FileSummary,
  type IngestOptions,
  type IngestSummary,
  type RejectRecord,
  type TableCounts,
} from './types.js';
import { LOG_TABLE, REJECTS_TABLE, openWorkspace } from './workspace.js';
import { TableWriter } from './writer.js';
import { dropFastTables } from './fast/ndjson.js';
import { TypedPathError } from './fast/ndjson-typed.js';
import { itemsFor, openFile, type FileRun } from './reading.js';

/** Files under `paths` (folders recursively, sorted), excluding the workspace's own files. */
export async function expandPaths(paths: readonly string[], exclude: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const skip = new Set(exclude.map((p) => resolve(p)));
  const walk = async (p: string): Promise<void> => {
    const st = await stat(p);
    if (st.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) await walk(join(p, e));
    } else if (st.isFile() && !skip.has(resolve(p))) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}

/** The file's sha256, as the ingest log records it (its own read of the file). */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

function bump(rec: Record<string, TableCounts>, table: string, field: keyof TableCounts): void {
  (rec[table] ??= zeroCounts())[field]++;
}

/** Add a finished file's counts and rejections to the run's totals. */
function mergeFile(summary: IngestSummary, file: FileSummary, rejects: readonly RejectRecord[]): void {
  for (const k of ['read', 'stored', 'rejected'] as const) summary.totals[k] += file.counts[k];
  for (const [t, c] of Object.entries(file.tables)) {
    const into = (summary.tables[t] ??= zeroCounts());
    for (const k of ['read', 'stored', 'rejected'] as const) into[k] += c[k];
  }
  for (const r of rejects) {
    if (summary.rejects.length < MAX_REPORTED_REJECTS) summary.rejects.push(r);
    else summary.rejectsOmitted++;
  }
  summary.rejectsOmitted += file.counts.rejected - rejects.length;
}

async function ingestFile(run: FileRun): Promise<void> {
  const { ws, file, summary, opts } = run;
  const conn: DuckDBConnection = ws.conn;
  const writers = new Map<string, TableWriter>();
  let rejectsAppender: DuckDBAppender | undefined;
  let inference: Inference | undefined;
  const now = new Date().toISOString();

  const reject = async (
    line: number,
    table: string | undefined,
    reason: string,
    sample: string | undefined,
  ): Promise<void> => {
    const rec: RejectRecord = { path: file.path, line, table, reason };
    file.counts.rejected++;
    bump(file.tables, table ?? '(no table)', 'read');
    bump(file.tables, table ?? '(no table)', 'rejected');
    if (run.rejects.length < MAX_REPORTED_REJECTS) run.rejects.push(rec);
    if (opts.strict === true) {
      mergeFile(summary, file, run.rejects);
      throw new StrictRejectError(rec, summary);
    }
    rejectsAppender ??= await conn.createAppender(REJECTS_TABLE);
    const a = rejectsAppender;
    a.appendVarchar(file.path);
    a.appendVarchar(file.sha256);
    a.appendBigInt(BigInt(line));
    if (table === undefined) a.appendNull();
    else a.appendVarchar(table);
    a.appendVarchar(reason);
    if (sample === undefined) a.appendNull();
    else a.appendVarchar(sample);
    a.appendVarchar(now);
    a.endRow();
  };

  const { input, plan, message } = await openFile(run, file.path);
  if (message !== undefined) file.messages.push(message);
  await conn.run('BEGIN');
  let committed = false;
  try {
    for await (const batch of itemsFor(run, input, plan)) {
      run.progress();
      for (const item of batch) {
        file.counts.read++;
        if (item.kind === 'reject') {
          await reject(item.line, item.table, item.reason, item.sample);
          continue;
        }
        let table = item.table ?? opts.table;
        if (table === undefined) {
          inference ??= inferTable(item.columns ?? Object.keys(item.values));
          if (!inference.ok) {
            await reject(item.line, undefined, `unknown table: ${inference.message}`, undefined);
            continue;
          }
          table = inference.table;
        }
        const def = getTable(table);
        if (def === undefined) {
          await reject(item.line, table, `unknown table: ${table}`, undefined);
          continue;
        }
        table = def.name;
        let w = writers.get(table);
        if (w === undefined) {
          // Every writer appends through the same connection, hence the same per-file transaction.
          w = await TableWriter.open(conn, table);
          writers.set(table, w);
        }
        let res = w.append(item.values, item.text, item.raw);
        if (res instanceof Promise) res = await res;
        if (res.ok) bump(file.tables, table, 'read');
        else await reject(item.line, table, res.reason, undefined);
      }
    }
    if (inference !== undefined) file.messages.push(inference.message);
    for (const w of writers.values()) await w.finish();
    if (rejectsAppender !== undefined) {
      rejectsAppender.flushSync();
      rejectsAppender.closeSync();
      rejectsAppender = undefined;
    }
    let stored = 0;
    for (const w of writers.values()) {
      stored += w.stored;
      (file.tables[w.table] ??= zeroCounts()).stored = w.stored;
    }
    for (const [t, n] of run.fastStored) {
      const c = (file.tables[t] ??= zeroCounts());
      c.read += n;
      c.stored += n;
      file.sqlRows = (file.sqlRows ?? 0) + n;
      stored += n;
    }
    file.counts.stored = stored;
    const contentSha = input.contentSha256 ?? file.sha256;
    const dup = contentSha !== file.sha256 ? await alreadyIngested(conn, contentSha) : undefined;
    if (dup !== undefined) {
      await conn.run('ROLLBACK');
      committed = true;
      file.status = 'duplicate';
      file.messages.push(
        `same decompressed content (sha256 ${contentSha.slice(0, 12)}…) already ingested from ${dup}; nothing to do`,
      );
      file.counts = zeroCounts();
      file.tables = {};
      run.rejects.length = 0;
      return;
    }
    if (stored === 0) {
      // Nothing to record: roll back so that a corrected re-run (e.g. with --table) is not a "duplicate".
      await conn.run('ROLLBACK');
      committed = true;
      file.status = file.counts.read === 0 ? 'empty' : 'nothing-stored';
      return;
    }
    const tables = Object.entries(file.tables).filter(([t]) => getTable(t) !== undefined);
    for (const [t, c] of tables) {
      await conn.run(
        `INSERT INTO ${LOG_TABLE} VALUES (${sqlString(file.path)}, ${sqlString(file.sha256)}, ${file.size}, ${sqlString(file.format ?? '')}, ${sqlString(t)}, ${c.read}, ${c.stored}, ${c.rejected}, ${sqlString(now)}::TIMESTAMP, ${sqlString(contentSha)})`,
      );
    }
    const unattributed = file.counts.rejected - tables.reduce((s, [, c]) => s + c.rejected, 0);
    if (unattributed > 0) {
      await conn.run(
        `INSERT INTO ${LOG_TABLE} VALUES (${sqlString(file.path)}, ${sqlString(file.sha256)}, ${file.size}, ${sqlString(file.format ?? '')}, NULL, ${unattributed}, 0, ${unattributed}, ${sqlString(now)}::TIMESTAMP, ${sqlString(contentSha)})`,
      );
    }
    await conn.run('COMMIT');
    committed = true;
    file.status = 'ingested';
  } finally {
    if (!committed) {
      try {
        rejectsAppender?.closeSync();
      } catch {
        // the rollback below discards whatever it held
      }
      for (const w of writers.values()) {
        try {
          await w.finish();
        } catch {
          // idem
        }
      }
      await conn.run('ROLLBACK');
    }
    if (plan !== undefined) await dropFastTables(conn);
  }
}

async function alreadyIngested(conn: DuckDBConnection, sha256: string): Promise<string | undefined> {
  const r = await conn.runAndReadAll(
    `SELECT path, CAST(ingested_at AS VARCHAR) FROM ${LOG_TABLE} WHERE sha256 = ${sqlString(sha256)} OR content_sha256 = ${sqlString(sha256)} LIMIT 1`,
  );
  const row = r.getRows()[0];
  return row === undefined ? undefined : `${String(row[0])} at ${String(row[1])} UTC`;
}

/**
 * Ingest files and folders into the workspace at `dbPath` (created if missing). Each file is
 * one transaction; content already ingested (same sha256) is skipped. With `strict`, the first
 * rejected row rolls back its file and throws StrictRejectError; files before it stay ingested.
 */
export async function ingestPaths(
  dbPath: string,
  paths: readonly string[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const start = Date.now();
  if (opts.table !== undefined && getTable(opts.table) === undefined) throw new Error(`unknown table '${opts.table}'`);
  const files = await expandPaths(paths, [dbPath, `${dbPath}.wal`]);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const summary: IngestSummary = {
    db: dbPath,
    files: [],
    totals: zeroCounts(),
    tables: {},
    rejects: [],
    rejectsOmitted: 0,
    bytes: 0,
    durationMs: 0,
  };
  const counter: ByteCounter = { bytes: 0 };
  const ws = await openWorkspace(dbPath);
  try {
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      let fileRows = (): number => 0;
      const progress = (): void =>
        opts.onProgress?.({
          file: path,
          fileIndex: i,
          fileCount: files.length,
          bytesDone: counter.bytes,
          bytesTotal,
          rows: summary.totals.read + fileRows(),
        });
      const sha256 = await sha256File(path);
      const file: FileSummary = {
        path,
        sha256,
        size: sizes[i]!,
        format: undefined,
        gzip: false,
        status: 'ingested',
        messages: [],
        counts: zeroCounts(),
        tables: {},
      };
      summary.files.push(file);
      const before = counter.bytes;
      const dup = await alreadyIngested(ws.conn, sha256);
      if (dup !== undefined) {
        file.status = 'duplicate';
        file.messages.push(`same content (sha256 ${sha256.slice(0, 12)}…) already ingested from ${dup}; nothing to do`);
        counter.bytes += file.size;
        progress();
        continue;
      }
      fileRows = () => file.counts.read;
      const rejects: RejectRecord[] = [];
      try {
        try {
          await ingestFile({ ws, summary, file, opts, counter, progress, rejects, fastStored: new Map() });
        } catch (err) {
          if (!(err instanceof TypedPathError)) throw err;
          // DuckDB disagreed with the line check (rolled back): the file goes through JS instead.
          if (process.env['EXFILHUNT_DEBUG_FAST'] === '1') console.error(`typed path: ${err.message}`);
          Object.assign(file, { status: 'ingested', counts: zeroCounts(), tables: {}, messages: [] });
          delete file.sqlRows;
          rejects.length = 0;
          counter.bytes = before;
          await ingestFile({
            ws,
            summary,
            file,
            opts,
            counter,
            progress,
            rejects,
            fastStored: new Map(),
            typed: false,
          });
        }
        fileRows = () => 0;
        mergeFile(summary, file, rejects);
      } catch (err) {
        file.status = 'failed';
        if (err instanceof StrictRejectError) {
          file.messages.push(`strict: file rolled back at the first rejected row (${err.message})`);
          throw err;
        }
        file.messages.push(`file not ingested (rolled back): ${err instanceof Error ? err.message : String(err)}`);
      }
      counter.bytes = before + file.size;
      progress();
    }
  } finally {
    ws.close();
    summary.bytes = counter.bytes;
    summary.durationMs = Date.now() - start;
  }
  return summary;
}
