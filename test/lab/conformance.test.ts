// Every row of every output format carries every schema column, with the right type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateLab, type LabFormat } from '../../src/lab/index.js';
import { DUCKDB_TYPE, getTable, type TableDef } from '../../src/schema/index.js';
import type { ScalarType } from '../../src/kql/types.js';
import { tmp } from './helpers.js';

const TS7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

function tableOf(file: string, format: LabFormat): TableDef {
  const dir = basename(dirname(file));
  const name =
    format === 'streaming' ? basename(dirname(dirname(file))).replace('insights-logs-advancedhunting-', '') : dir;
  const t = getTable(name);
  assert.ok(t !== undefined, `no table for ${file}`);
  return t;
}

/** The JSON value a text export carries for a column of this type. */
function checkJsonValue(v: unknown, type: ScalarType, where: string): void {
  if (type === 'string') return assert.equal(typeof v, 'string', where);
  if (v === null) return;
  switch (type) {
    case 'long':
    case 'int':
      return assert.ok(Number.isInteger(v), `${where}: ${String(v)}`);
    case 'bool':
      return assert.equal(typeof v, 'boolean', where);
    case 'datetime':
      return assert.match(String(v), TS7, where);
    case 'dynamic':
      assert.equal(typeof v, 'string', where);
      JSON.parse(String(v));
      return;
    default:
      assert.fail(`${where}: unexpected schema type ${type}`);
  }
}

async function generate(
  format: LabFormat,
): Promise<{ dir: string; files: string[]; events: number; byTable: Readonly<Record<string, number>> }> {
  const dir = tmp(`conf-${format}`);
  const r = await generateLab({ scenario: 'mixed', devices: 3, days: 2, seed: 9, format, out: dir });
  return { dir, files: r.files, events: r.events, byTable: r.truth.eventsByTable };
}

for (const format of ['streaming', 'ndjson'] as const) {
  test(`every ${format} row has every schema column with its type`, async () => {
    const { dir, files, events } = await generate(format);
    try {
      let rows = 0;
      const tables = new Set<string>();
      for (const f of files) {
        const table = tableOf(f, format);
        tables.add(table.name);
        for (const [i, line] of readFileSync(f, 'utf8').split('\n').entries()) {
          if (line === '') continue;
          rows++;
          const rec = JSON.parse(line) as Record<string, unknown>;
          let props = rec;
          if (format === 'streaming') {
            assert.equal(rec['category'], `AdvancedHunting-${table.name}`);
            assert.match(String(rec['time']), TS7);
            props = rec['properties'] as Record<string, unknown>;
            assert.equal(rec['time'], props['Timestamp']);
          } else assert.equal(rec['Type'], table.name);
          for (const c of table.columns) {
            assert.ok(c.name in props, `${f}:${i + 1} lacks ${c.name}`);
            checkJsonValue(props[c.name], c.type, `${f}:${i + 1} ${c.name}`);
          }
          assert.match(String(props['Timestamp']), TS7);
          assert.ok(Number.isInteger(props['ReportId']), 'ReportId');
          assert.notEqual(props['DeviceId'], '');
          assert.notEqual(props['DeviceName'], '');
          if (table.columns.some((c) => c.name === 'ActionType')) assert.notEqual(props['ActionType'], '');
          if (table.columns.some((c) => c.name === 'InitiatingProcessFileName')) {
            assert.notEqual(props['InitiatingProcessFileName'], '', `${f}:${i + 1} has no initiating process`);
          }
        }
      }
      assert.equal(rows, events);
      assert.equal(tables.size, 10, `tables: ${[...tables].join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('parquet columns have the workspace types; csv headers are the schema columns', async () => {
  const pq = await generate('parquet');
  const csv = await generate('csv');
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    let rows = 0;
    for (const f of pq.files) {
      const table = tableOf(f, 'parquet');
      const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${f.replace(/'/g, "''")}')`);
      const got = r.getRowsJS().map((row) => [String(row[0]), String(row[1])]);
      const want = [...table.columns.map((c) => [c.name, DUCKDB_TYPE[c.type]]), ['Type', 'VARCHAR']];
      assert.deepEqual(got, want, f);
      const n = await conn.runAndReadAll(
        `SELECT count(*), count(Timestamp), count(ReportId), min(length(DeviceId)) FROM read_parquet('${f.replace(/'/g, "''")}')`,
      );
      const [count, ts, rid, idLen] = n.getRowsJS()[0]!.map(Number);
      assert.equal(ts, count);
      assert.equal(rid, count);
      assert.equal(idLen, 40);
      rows += count!;
    }
    assert.equal(rows, pq.events);
    for (const f of csv.files) {
      const table = tableOf(f, 'csv');
      const header = readFileSync(f, 'utf8').split('\n', 1)[0]!;
      assert.equal(header, table.columns.map((c) => c.name).join(','), f);
      assert.match(readFileSync(f, 'utf8').split('\n', 2)[1]!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z,/);
    }
  } finally {
    conn.closeSync();
    inst.closeSync();
    rmSync(pq.dir, { recursive: true, force: true });
    rmSync(csv.dir, { recursive: true, force: true });
  }
});
