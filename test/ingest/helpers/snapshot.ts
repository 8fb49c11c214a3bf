// Whole-workspace snapshots, to show that two ingest paths stored exactly the same thing.
import type { IngestSummary } from '../../../src/ingest/index.js';
import { MDE_TABLES } from '../../../src/schema/index.js';
import { query } from './db.js';

/** Everything a workspace holds, as comparable text (row order within a table does not matter). */
export async function snapshot(db: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of MDE_TABLES) {
    const cols = await query(
      db,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${t.name}' ORDER BY ordinal_position`,
    );
    // to_json re-serializes JSON columns; the struct's text keeps their stored text (spacing, escapes) too.
    const rows = await query(
      db,
      `SELECT CAST(to_json(x) AS VARCHAR) || ' ' || CAST(x AS VARCHAR) AS j FROM "${t.name}" AS x`,
    );
    out[t.name] = { cols, rows: rows.map((r) => String(r['j'])).sort() };
  }
  out['rejects'] = await query(
    db,
    'SELECT path, line, table_name, reason, sample FROM _exfilhunt_rejects ORDER BY path, line, reason',
  );
  out['log'] = await query(
    db,
    'SELECT path, sha256, content_sha256, format, table_name, rows_read, rows_stored, rows_rejected FROM _exfilhunt_ingest_log ORDER BY path, table_name',
  );
  return out;
}

export function counts(s: IngestSummary): unknown {
  return s.files.map((f) => ({ path: f.path, status: f.status, counts: f.counts, tables: f.tables }));
}
