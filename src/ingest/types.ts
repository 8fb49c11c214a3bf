// The public shapes of an ingest run (stable: the lab and the CLI depend on them).
import type { Format } from './sources/index.js';

export interface TableCounts {
  read: number;
  stored: number;
  rejected: number;
}

export interface IngestProgress {
  readonly file: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  /** Raw (compressed) bytes read so far, over all files. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Rows read so far, over all files. */
  readonly rows: number;
}

export interface IngestOptions {
  /** Table for rows whose format does not name one (hunting API, plain NDJSON/CSV/Parquet). */
  readonly table?: string | undefined;
  /** Fail (and roll back the current file) on the first rejected row. */
  readonly strict?: boolean | undefined;
  readonly onProgress?: ((p: IngestProgress) => void) | undefined;
  /** Use the DuckDB-native paths where they apply (default true); false forces the JS row pipeline. */
  readonly fast?: boolean | undefined;
  /**
   * Also use the DuckDB-native path for storage-account NDJSON (default false): it is correct
   * (same workspace) but measured slower per CPU-second than the JS pipeline; see docs/ingest.md.
   */
  readonly ndjsonSql?: boolean | undefined;
  /**
   * Storage-account NDJSON whose every line passes a JS check is read by DuckDB with a typed
   * schema (default true; see src/ingest/fast/ndjson-typed.ts). false forces the row pipeline.
   */
  readonly typedNdjson?: boolean | undefined;
}

export type FileStatus = 'ingested' | 'duplicate' | 'empty' | 'nothing-stored' | 'failed';

export interface FileSummary {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  format: Format | undefined;
  gzip: boolean;
  status: FileStatus;
  /** Why a file was skipped or failed, or how its table was inferred. */
  messages: string[];
  counts: TableCounts;
  tables: Record<string, TableCounts>;
  /** Rows stored by the DuckDB-native path (the rest, and all rejects, went through the JS pipeline). */
  sqlRows?: number;
}

export interface RejectRecord {
  readonly path: string;
  readonly line: number;
  readonly table: string | undefined;
  readonly reason: string;
}

export interface IngestSummary {
  readonly db: string;
  readonly files: FileSummary[];
  readonly totals: TableCounts;
  readonly tables: Record<string, TableCounts>;
  /** The first MAX_REPORTED_REJECTS rejections; all of them are in the workspace's rejects table. */
  readonly rejects: RejectRecord[];
  rejectsOmitted: number;
  bytes: number;
  durationMs: number;
}

export const MAX_REPORTED_REJECTS = 1000;

/** Thrown by a strict ingest at the first rejected row, after rolling back that file. */
export class StrictRejectError extends Error {
  constructor(
    readonly reject: RejectRecord,
    readonly summary: IngestSummary,
  ) {
    super(`${reject.path}:${reject.line}: ${reject.reason}`);
  }
}

export function zeroCounts(): TableCounts {
  return { read: 0, stored: 0, rejected: 0 };
}
