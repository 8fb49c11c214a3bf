import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, type CsvRecord } from '../../src/ingest/sources/csv.js';

async function parse(chunks: string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of parseCsv(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(r);
  return out;
}

const NASTY = '\ufeffa,b,c\r\n1,"x, ""quoted""\r\nsecond line",3\r\n\r\n4,,"6"\n"7","",9';

test('BOM, CRLF, quoted newlines, doubled quotes, blank lines, empty cells', async () => {
  const recs = await parse([NASTY]);
  assert.deepEqual(
    recs.map((r) => r.cells),
    [
      ['a', 'b', 'c'],
      ['1', 'x, "quoted"\r\nsecond line', '3'],
      ['4', '', '6'],
      ['7', '', '9'],
    ],
  );
  assert.deepEqual(
    recs.map((r) => r.line),
    [1, 2, 5, 6],
  );
});

test('every chunk split gives the same records (streaming is exact)', async () => {
  const whole = await parse([NASTY]);
  for (let i = 0; i <= NASTY.length; i++) {
    for (let j = i; j <= NASTY.length; j += 3) {
      assert.deepEqual(
        await parse([NASTY.slice(0, i), NASTY.slice(i, j), NASTY.slice(j)]),
        whole,
        `split at ${i},${j}`,
      );
    }
  }
});

test('an unterminated quoted cell is an error, not a silently merged record', async () => {
  await assert.rejects(parse(['a,b\n1,"open']), /unterminated/);
});
