// What a workspace holds, for `exfilhunt tables` and for binding queries to the columns a
// workspace actually has (documented ones plus extras that ingest kept).
import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../kql/types.js';
import { getTable } from '../schema/index.js';
import { sqlIdent, sqlString } from '../sql/escape.js';
import { formatNs } from './time.js';
import { LOG_TABLE, allTableColumns } from './workspace.js';

export interface TableInfo {
  readonly name: string;
  readonly rows: number;
  /** ISO 8601 UTC min/max of the table's time column (7 fractional digits, 9 if stored), or null when empty. */
  readonly from: string | null;
  readonly to: string | null;
  readonly devices: number;
  /** Files that fed the table, with rows stored from each. */
  readonly sources: readonly {
    readonly path: string;
    readonly sha256: string;
    readonly rows: number;
    readonly ingestedAt: string;
  }[];
  /** Columns present that the schema does not document (kept from the source). */
  readonly extraColumns: readonly string[];
}

async function withReadOnly<T>(dbPath: string, f: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  if (!existsSync(dbPath)) throw new Error(`no workspace at ${dbPath} (run \`exfilhunt ingest\` first)`);
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return await f(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function userTables(conn: DuckDBConnection): Promise<string[]> {
  const r = await conn.runAndReadAll(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name NOT LIKE '\\_exfilhunt\\_%' ESCAPE '\\' ORDER BY table_name`,
  );
  return r.getRows().map(([n]) => String(n));
}

export async function listTables(dbPath: string): Promise<TableInfo[]> {
  return withReadOnly(dbPath, async (conn) => {
    const out: TableInfo[] = [];
    const columns = await allTableColumns(conn);
    for (const name of await userTables(conn)) {
      const def = getTable(name);
      const cols = columns.get(name) ?? [];
      const has = (c: string): boolean => cols.some((x) => x.name === c);
      const time = def?.timeColumn ?? 'Timestamp';
      const t = sqlIdent(time);
      const agg = await conn.runAndReadAll(
        `SELECT count(*), ${has(time) ? `epoch_ns(min(${t})), epoch_ns(max(${t}))` : 'NULL, NULL'}, ${has('DeviceId') ? 'count(DISTINCT "DeviceId")' : '0'} FROM ${sqlIdent(name)}`,
      );
      const [rows, from, to, devices] = agg.getRows()[0] ?? [0, null, null, 0];
      const src = await conn.runAndReadAll(
        `SELECT path, sha256, rows_stored, CAST(ingested_at AS VARCHAR) FROM ${LOG_TABLE} WHERE table_name = ${sqlString(name)} ORDER BY ingested_at, path`,
      );
      const declared = new Set(def?.workspaceColumns.map((c) => c.name) ?? []);
      out.push({
        name,
        rows: Number(rows),
        from: typeof from === 'bigint' ? formatNs(from) : null,
        to: typeof to === 'bigint' ? formatNs(to) : null,
        devices: Number(devices),
        sources: src
          .getRows()
          .map(([p, h, n, at]) => ({ path: String(p), sha256: String(h), rows: Number(n), ingestedAt: String(at) })),
        extraColumns: cols.filter((c) => !declared.has(c.name)).map((c) => c.name),
      });
    }
    return out;
  });
}

/** name -> columns as stored in this workspace (schema columns plus any extras ingest added). */
export async function workspaceSchemaMap(dbPath: string): Promise<ReadonlyMap<string, TableSchema>> {
  return withReadOnly(dbPath, async (conn) => {
    const columns = await allTableColumns(conn);
    const m = new Map<string, TableSchema>();
    for (const name of await userTables(conn)) m.set(name, { columns: columns.get(name) ?? [] });
    return m;
  });
}
