// The workspace: one DuckDB file holding the Defender tables (from src/schema), an ingest
// log and a rejects table. Ingest opens its own instance (it needs file access, the query
// engine's instance does not allow it) and always closes it.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Column, ScalarType } from '../kql/types.js';
import { MDE_TABLES, getTable } from '../schema/index.js';
import { DUCKDB_TYPE } from '../schema/physical.js';
import { sqlIdent, sqlString } from '../sql/escape.js';

export const LOG_TABLE = '_exfilhunt_ingest_log';
export const REJECTS_TABLE = '_exfilhunt_rejects';

export interface Workspace {
  readonly path: string;
  readonly instance: DuckDBInstance;
  /** The writing connection (per-file transactions run here). */
  readonly conn: DuckDBConnection;
  close(): void;
}

const LOG_DDL = `CREATE TABLE IF NOT EXISTS ${LOG_TABLE} (
  path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, size BIGINT NOT NULL, format VARCHAR NOT NULL,
  table_name VARCHAR, rows_read BIGINT NOT NULL, rows_stored BIGINT NOT NULL, rows_rejected BIGINT NOT NULL,
  ingested_at TIMESTAMP NOT NULL, content_sha256 VARCHAR NOT NULL)`;
const REJECTS_DDL = `CREATE TABLE IF NOT EXISTS ${REJECTS_TABLE} (
  path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, line BIGINT NOT NULL, table_name VARCHAR,
  reason VARCHAR NOT NULL, sample VARCHAR, ingested_at TIMESTAMP NOT NULL)`;

export function tableDdl(name: string, columns: readonly Column[]): string {
  const cols = columns.map((c) => `${sqlIdent(c.name)} ${DUCKDB_TYPE[c.type]}`).join(', ');
  return `CREATE TABLE IF NOT EXISTS ${sqlIdent(name)} (${cols})`;
}

/**
 * DuckDB's buffer pool for ingest, for every path. Without a cap DuckDB keeps the blocks of a
 * large uncommitted file in memory (default: 80% of RAM); with it, it evicts them to the
 * database file / temp directory, so memory stays flat however large the input. 1 GB because a
 * 7.6M-row, 60-column Parquet file ran out of 256 MB in its insert (column buffers of a wide
 * table). The cap used to be 256 MB with 1 GB only around the fast paths' inserts, but lowering
 * it again before the commit made DuckDB spill the uncommitted rows to temp files, only for the
 * commit to read them back: one cap made 40 lab Parquet parts 1.17x and 30 NDJSON files 1.24x
 * faster (docs/ingest.md); the JS row pipeline's peak RSS on 800 MB of NDJSON went from 617 to
 * 757 MB.
 */
export const INGEST_MEMORY_LIMIT = '1GB';

/**
 * How much WAL DuckDB lets build up before it checkpoints on commit (its default is 16 MB).
 * Every file is its own commit, so with the default each small file paid for a checkpoint that
 * recompressed the tables' partly filled last row groups, and left the blocks it replaced free:
 * 1M events as 30 files of 28 MB took 24.0 and 24.2 s and a 70–72 MiB workspace, against 18.1
 * and 16.3 s and 46 MiB with no free blocks at 1 GB, side by side (docs/ingest.md). Atomicity is unchanged: a commit is
 * durable in the WAL, which the next open replays; closing the workspace checkpoints.
 */
export const INGEST_CHECKPOINT_THRESHOLD = '1GB';

/** Open (creating if needed) a workspace, with every Defender table present. */
export async function openWorkspace(dbPath: string, opts: { memoryLimit?: string } = {}): Promise<Workspace> {
  const instance = await DuckDBInstance.create(dbPath, {
    memory_limit: opts.memoryLimit ?? INGEST_MEMORY_LIMIT,
    checkpoint_threshold: INGEST_CHECKPOINT_THRESHOLD,
  });
  const conn = await instance.connect();
  try {
    await conn.run('BEGIN');
    for (const t of MDE_TABLES) await conn.run(tableDdl(t.name, t.workspaceColumns));
    await conn.run(LOG_DDL);
    await conn.run(REJECTS_DDL);
    await conn.run('COMMIT');
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err;
  }
  let closed = false;
  return {
    path: dbPath,
    instance,
    conn,
    close() {
      if (closed) return;
      closed = true;
      conn.closeSync();
      instance.closeSync();
    },
  };
}

const FROM_DUCK: Readonly<Record<string, ScalarType>> = {
  BOOLEAN: 'bool',
  INTEGER: 'int',
  BIGINT: 'long',
  DOUBLE: 'real',
  VARCHAR: 'string',
  TIMESTAMP_NS: 'datetime',
  JSON: 'dynamic',
  UUID: 'guid',
};

/** Kusto type of a stored column: the schema's for documented columns, else from the DuckDB type. */
export function kustoTypeOf(table: string, column: string, duckType: string): ScalarType {
  const declared = getTable(table)?.workspaceColumns.find((c) => c.name === column);
  if (declared !== undefined) return declared.type;
  if (duckType.startsWith('DECIMAL')) return 'decimal';
  return FROM_DUCK[duckType] ?? 'string';
}

/** The columns a workspace table has now, in table order (documented ones plus any added by ingest). */
export async function tableColumns(conn: DuckDBConnection, table: string): Promise<Column[]> {
  return (await columnsOf(conn, table)).get(table) ?? [];
}

/** Every workspace table's columns in one catalog query (per-table lookups cost ~2.6 ms each). */
export async function allTableColumns(conn: DuckDBConnection): Promise<Map<string, Column[]>> {
  return columnsOf(conn, undefined);
}

async function columnsOf(conn: DuckDBConnection, table: string | undefined): Promise<Map<string, Column[]>> {
  // duckdb_columns(), not information_schema.columns: the same rows for a fraction of the cost;
  // current_database() leaves out attached databases and temp tables.
  const r = await conn.runAndReadAll(
    `SELECT table_name, column_name, data_type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main'${table === undefined ? '' : ` AND table_name = ${sqlString(table)}`}
     ORDER BY table_name, column_index`,
  );
  const out = new Map<string, Column[]>();
  for (const [t, name, type] of r.getRows()) {
    const cols = out.get(String(t)) ?? [];
    cols.push({ name: String(name), type: kustoTypeOf(String(t), String(name), String(type)) });
    out.set(String(t), cols);
  }
  return out;
}
