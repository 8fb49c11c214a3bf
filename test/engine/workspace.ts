// Builds a small workspace file (DuckDB, the ingest layout: one table per Defender table,
// columns and types from src/schema) for engine tests. Rows give only the columns they
// care about; the rest are NULL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { getTable } from '../../src/schema/index.js';
import { DUCKDB_TYPE } from '../../src/schema/physical.js';
import { sqlIdent, sqlString } from '../../src/sql/escape.js';

export type Row = Readonly<Record<string, string | number | boolean | null>>;

function lit(v: string | number | boolean | null, type: string): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  return `CAST(${sqlString(v)} AS ${type})`;
}

export async function buildWorkspace(
  tables: Readonly<Record<string, readonly Row[]>>,
): Promise<{ path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-ws-'));
  const path = join(dir, 'ws.duckdb');
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  for (const [name, rows] of Object.entries(tables)) {
    const def = getTable(name);
    if (def === undefined) throw new Error(`unknown table ${name}`);
    const cols = def.workspaceColumns;
    await c.run(
      `CREATE TABLE ${sqlIdent(name)} (${cols.map((col) => `${sqlIdent(col.name)} ${DUCKDB_TYPE[col.type]}`).join(', ')})`,
    );
    for (const r of rows) {
      const vals = cols.map((col) => lit(r[col.name] ?? null, DUCKDB_TYPE[col.type]));
      await c.run(`INSERT INTO ${sqlIdent(name)} VALUES (${vals.join(', ')})`);
    }
  }
  c.closeSync();
  inst.closeSync();
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
