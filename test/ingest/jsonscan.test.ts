import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scanJson, type ScanItem } from '../../src/ingest/sources/jsonscan.js';
import { FIX } from './helpers/db.js';

async function scan(chunks: string[]): Promise<ScanItem[]> {
  const out: ScanItem[] = [];
  for await (const it of scanJson(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(it);
  return out;
}

const norm = (items: ScanItem[]): unknown[] => items.map((i) => ({ ...i, text: JSON.parse(i.text) as unknown }));

test('streams the elements of records/Results arrays with their start lines', async () => {
  const text = readFileSync(`${FIX}/eventhub-mixed.json`, 'utf8');
  const items = await scan([text]);
  const expected = (JSON.parse(text) as { records: unknown[] }).records;
  assert.deepEqual(
    items.map((i) => (i.kind === 'element' ? i.key : i.kind)),
    ['records', 'records', 'records', 'records'],
  );
  assert.deepEqual(
    items.map((i) => JSON.parse(i.text) as unknown),
    expected,
  );
  assert.equal(items[0]!.line, 3);
  const api = await scan([readFileSync(`${FIX}/hunting-api.json`, 'utf8')]);
  assert.deepEqual([...new Set(api.map((i) => (i.kind === 'element' ? i.key : '')))], ['Schema', 'Results']);
});

test('chunk boundaries anywhere (inside keys, strings, escapes) do not change the result', async () => {
  for (const f of ['eventhub-mixed.json', 'hunting-api.json', 'sentinel-export.json']) {
    const text = readFileSync(`${FIX}/${f}`, 'utf8');
    const whole = norm(await scan([text]));
    for (let i = 1; i < text.length; i += 7)
      assert.deepEqual(norm(await scan([text.slice(0, i), text.slice(i)])), whole, `${f} split at ${i}`);
  }
});

test('top-level array, a lone object, concatenated documents, and truncation', async () => {
  assert.deepEqual(
    (await scan(['[{"a":1},\n {"a":[2,3]}]'])).map((i) => [i.kind, i.text.trim(), i.line]),
    [
      ['element', '{"a":1}', 1],
      ['element', '{"a":[2,3]}', 2],
    ],
  );
  assert.deepEqual(
    (await scan(['{"a":{"b":1}}\n{"c":"}"}'])).map((i) => [i.kind, i.text]),
    [
      ['value', '{"a":{"b":1}}'],
      ['value', '{"c":"}"}'],
    ],
  );
  await assert.rejects(scan(['{"records":[{"a":1},']), /ends early/);
});
