// Operators right over a workspace table read it by name (`FROM "T" WHERE ...`, no
// subquery): a rename can't capture the filter's column names, filters stack, and sort,
// take, distinct and summarize see only the filtered rows. Expected rows are written by hand.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { buildWorkspace } from './workspace.js';

let ws: { path: string; cleanup: () => void };
let b: DuckDbBackend;

const file = (ReportId: number, DeviceName: string, FileName: string, FolderPath: string) => ({
  Timestamp: `2025-11-20 00:0${ReportId}:00`,
  DeviceName,
  FileName,
  FolderPath,
  ReportId,
});

before(async () => {
  ws = await buildWorkspace({
    DeviceFileEvents: [
      file(1, 'pc1', 'a.txt', 'C:\\one\\'),
      file(2, 'pc1', 'b.zip', 'C:\\two\\'),
      file(3, 'pc2', 'A.TXT', 'C:\\three\\'),
      file(4, 'pc2', 'c.txt', 'C:\\one\\'),
    ],
  });
  b = await DuckDbBackend.open(ws.path);
});

after(async () => {
  await b.close();
  ws.cleanup();
});

async function rows(kql: string): Promise<string[]> {
  const r = await b.query(kql);
  return r.rows.map((x) => x.map((v) => String(v)).join('|'));
}

test('a filter right over a table becomes the WHERE of the next operator', async () => {
  const sql = (await b.explain(`DeviceFileEvents | where FileName =~ "a.txt" | count`)).sql;
  assert.match(sql, /FROM "DeviceFileEvents" WHERE/);
});

test('renamed columns do not capture the names the filter reads', async () => {
  // The filter reads the table's FileName, not the projected FileName (= FolderPath).
  assert.deepEqual(
    await rows(`DeviceFileEvents | where FileName == "a.txt" | project FileName = FolderPath, FolderPath = FileName`),
    ['C:\\one\\|a.txt'],
  );
});

test('stacked filters, summarize, sort/take and distinct over a filtered table', async () => {
  assert.deepEqual(
    await rows(`DeviceFileEvents | where FileName endswith ".txt" | where DeviceName == "pc2" | project ReportId`),
    ['3', '4'],
  );
  assert.deepEqual(
    await rows(
      `DeviceFileEvents | where FileName =~ "a.txt" | summarize n = count() by DeviceName | sort by DeviceName asc`,
    ),
    ['pc1|1', 'pc2|1'],
  );
  assert.deepEqual(
    await rows(`DeviceFileEvents | where FolderPath == "C:\\\\one\\\\" | top 1 by ReportId desc | project FileName`),
    ['c.txt'],
  );
  assert.deepEqual(await rows(`DeviceFileEvents | where ReportId > 1 | distinct DeviceName | sort by DeviceName asc`), [
    'pc1',
    'pc2',
  ]);
  assert.deepEqual(await rows(`DeviceFileEvents | where ReportId > 10 | count`), ['0']);
});
