// Shared by the lab tests: generate a small lab into a fresh workspace and query it with KQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import type { CellValue } from '../../src/engine/types.js';
import { generateLab, type LabOptions, type LabResult } from '../../src/lab/index.js';

export interface LabWorkspace {
  readonly dir: string;
  readonly db: string;
  readonly result: LabResult;
  readonly backend: DuckDbBackend;
  /** Runs KQL and returns the rows. */
  rows(kql: string): Promise<(readonly CellValue[])[]>;
  /** Runs KQL that ends in `count` (or yields one number). */
  count(kql: string): Promise<number>;
  close(): Promise<void>;
}

export async function labWorkspace(opts: Omit<LabOptions, 'out' | 'db'>): Promise<LabWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-labtest-'));
  const db = join(dir, 'lab.duckdb');
  const result = await generateLab({ ...opts, db });
  const backend = await DuckDbBackend.open(db);
  const rows = async (kql: string): Promise<(readonly CellValue[])[]> => [...(await backend.query(kql)).rows];
  return {
    dir,
    db,
    result,
    backend,
    rows,
    async count(kql) {
      const r = await rows(kql);
      return Number(r[0]?.[0] ?? NaN);
    },
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A KQL string literal (test data only holds ordinary characters, but escape anyway). */
export function kqlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `exfilhunt-${prefix}-`));
}
