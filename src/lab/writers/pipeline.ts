// Turns spooled batches into output files with DuckDB: one part file per table per batch.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../../sql/escape.js';
import type { Batch } from '../emit.js';
import { copyOptions, expandSql, fileName, spoolProcsSql, spoolTableSql, type LabFormat } from './expand.js';

export class OutputPipeline {
  private part = 0;
  readonly files: string[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly outDir: string,
    private readonly format: LabFormat,
    private readonly baseNs: bigint,
    private readonly tenantId: string,
    private readonly spill: string,
  ) {}

  static async open(
    outDir: string,
    format: LabFormat,
    baseNs: bigint,
    tenantId: string,
    threads?: number,
  ): Promise<OutputPipeline> {
    // Sorting a batch spills to disk beyond the memory limit instead of growing the process;
    // an in-memory database only spills when it is given a temp directory.
    const spill = mkdtempSync(join(tmpdir(), 'exfilhunt-lab-spill-'));
    const instance = await DuckDBInstance.create(':memory:', {
      preserve_insertion_order: 'true',
      memory_limit: '8GB',
      temp_directory: spill,
      ...(threads !== undefined ? { threads: String(threads) } : {}),
    });
    const conn = await instance.connect();
    return new OutputPipeline(instance, conn, outDir, format, baseNs, tenantId, spill);
  }

  async write(batch: Batch): Promise<void> {
    const c = this.conn;
    await c.run(`CREATE OR REPLACE TEMP TABLE procs AS SELECT * FROM ${spoolProcsSql(batch.procs.path)}`);
    const devRows = batch.devices
      .map((d) => `(${d.idx}, ${sqlString(d.deviceId)}, ${sqlString(d.name)}, ${sqlString(d.machineGroup)})`)
      .join(', ');
    await c.run(
      `CREATE OR REPLACE TEMP TABLE devices AS SELECT * FROM (VALUES ${devRows}) v(idx, DeviceId, DeviceName, MachineGroup)`,
    );
    const part = this.part++;
    for (const [table, spool] of [...batch.spools.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (spool.rows === 0) continue;
      const rel = fileName(table, this.format, part, this.tenantId);
      const path = join(this.outDir, rel);
      mkdirSync(dirname(path), { recursive: true });
      await c.run(
        `COPY (${expandSql(table, spoolTableSql(table, spool.path), this.format, this.baseNs, this.tenantId)}) TO ${sqlString(path)} ${copyOptions(this.format)}`,
      );
      this.files.push(path);
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
    rmSync(this.spill, { recursive: true, force: true });
  }
}
