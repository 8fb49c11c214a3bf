// Test helpers: temp workspaces and direct DuckDB queries (independent of the KQL engine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const FIX = 'test/ingest/fixtures';

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const d = mkdtempSync(join(tmpdir(), 'exfilhunt-ingest-test-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

export async function query(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    const r = await c.runAndReadAll(sql);
    return r.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

export async function one(db: string, sql: string): Promise<Record<string, unknown>> {
  const rows = await query(db, sql);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql}`);
  return rows[0]!;
}

/** 1-based number of the first line of `text` containing `needle` (searched from line `from`). */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split(/\r\n|\n/);
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`not found: ${needle}`);
}
