// Reading one input file: which path takes it (DuckDB-native Parquet, the typed or SQL NDJSON
// paths, or the JS row pipeline) and the stream of source items the JS pipeline consumes.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  batches,
  csvItems,
  documentItems,
  ndjsonItems,
  openInput,
  type ByteCounter,
  type OpenedInput,
} from './sources/index.js';
import { parquetItems } from './sources/parquet.js';
import type { SourceItem } from './sources/records.js';
import type { FileSummary, IngestOptions, IngestSummary, RejectRecord } from './types.js';
import type { Workspace } from './workspace.js';
import { prepareFastParquet } from './fast/parquet.js';
import { prepareFastNdjson, type FastPlan, type LineShape } from './fast/ndjson.js';
import { checkTypedNdjson, typedPlan } from './fast/ndjson-typed.js';

export interface FileRun {
  readonly ws: Workspace;
  readonly summary: IngestSummary;
  readonly file: FileSummary;
  readonly opts: IngestOptions;
  readonly counter: ByteCounter;
  readonly progress: () => void;
  readonly rejects: RejectRecord[];
  /** Rows the DuckDB-native path stored, per table (they never pass through the JS loop; already in counts.read). */
  readonly fastStored: Map<string, number>;
  /** false after the typed NDJSON path failed on this file: re-run it in JS. */
  readonly typed?: boolean;
}

/** Open a file; for NDJSON (plain or gzip) and plain Parquet, also try to prepare the DuckDB-native path (before the file's transaction). */
export async function openFile(
  run: FileRun,
  path: string,
): Promise<{ input: OpenedInput; plan: FastPlan | undefined; message?: string | undefined }> {
  const start = run.counter.bytes;
  const input = await openInput(path, run.counter);
  if (run.opts.fast === false) return { input, plan: undefined };
  // Of the fast paths, only the typed NDJSON one reads gzip (DuckDB decompresses it itself).
  if (input.gzip && (input.format !== 'ndjson' || run.opts.ndjsonSql === true)) return { input, plan: undefined };
  if (input.format === 'parquet') {
    for await (const _ of input.chunks) void _; // count the bytes for progress
    const plan = await prepareFastParquet(run.ws.conn, () => run.ws.instance.connect(), path, run.opts.table);
    return { input: plan === undefined ? await openInput(path, { bytes: 0 }) : input, plan, message: plan?.message };
  }
  if (input.format !== 'ndjson') return { input, plan: undefined };
  if (run.opts.ndjsonSql !== true) {
    if (run.opts.typedNdjson === false || run.typed === false) return { input, plan: undefined };
    // JS checks every line; DuckDB then reads the file typed.
    // The check's bytes move the progress line; if it fails, the JS pipeline counts them again instead.
    const peeked = run.counter.bytes;
    let checked = 0;
    const check = await checkTypedNdjson(
      run.ws.conn,
      path,
      run.file.size,
      (n) => {
        checked += n;
        run.counter.bytes = start + checked;
        run.progress();
      },
      input.gzip,
    );
    if (check.ok) {
      await input.close();
      // The check read the whole decompressed stream: its hash is the content's, for duplicate detection.
      if (input.gzip) input.contentSha256 = check.contentSha256;
      return { input, plan: typedPlan(run.ws.conn, path, check.tables, input.gzip) };
    }
    run.counter.bytes = peeked;
    if (process.env['EXFILHUNT_DEBUG_FAST'] === '1') console.error(`typed path: line ${check.line}: ${check.reason}`);
    return { input, plan: undefined };
  }
  // Read the bytes once (progress, and the line count DuckDB must agree with), then let DuckDB parse the file.
  const shape: LineShape = { newlines: 0, lastByte: undefined };
  for await (const c of input.chunks) {
    for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) shape.newlines++;
    if (c.length > 0) shape.lastByte = c[c.length - 1];
  }
  const plan = await prepareFastNdjson(run.ws.conn, path, shape);
  return { input: plan === undefined ? await openInput(path, { bytes: 0 }) : input, plan };
}

export async function* itemsFor(
  run: FileRun,
  input: OpenedInput,
  plan: FastPlan | undefined,
): AsyncGenerator<SourceItem[]> {
  run.file.format = input.format;
  run.file.gzip = input.gzip;
  switch (input.format) {
    case 'empty':
      return;
    case 'lab-truth':
      run.file.messages.push('the ground truth of `exfilhunt lab` (truth.json), not telemetry: nothing to ingest');
      return;
    case 'ndjson':
    case 'parquet':
      if (plan !== undefined) {
        await plan.insert((table, n) => {
          run.fastStored.set(table, n);
          run.file.counts.read += n;
          run.progress();
        });
        yield* plan.rest();
        return;
      }
      if (input.format === 'ndjson') {
        yield* ndjsonItems(input.chunks);
        return;
      }
      yield* parquetJs(run, input);
      return;
    case 'json':
      yield* batches(documentItems(input.chunks));
      return;
    case 'csv':
      yield* batches(csvItems(input.chunks));
      return;
  }
}

/** Parquet through the JS row pipeline. */
async function* parquetJs(run: FileRun, input: OpenedInput): AsyncGenerator<SourceItem[]> {
  const path = run.file.path;
  // DuckDB reads Parquet from a file; a gzipped one is unpacked to a private temp file first.
  let parquetPath = path;
  let tmp: string | undefined;
  if (input.gzip) {
    tmp = await mkdtemp(join(tmpdir(), 'exfilhunt-'));
    parquetPath = join(tmp, 'input.parquet');
    await pipeline(Readable.from(input.chunks), createWriteStream(parquetPath));
  } else {
    for await (const _ of input.chunks) void _; // count the bytes for progress
  }
  const reader = await run.ws.instance.connect();
  try {
    yield* batches(parquetItems(reader, parquetPath));
  } finally {
    reader.closeSync();
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
  }
}
