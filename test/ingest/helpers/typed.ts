// Shared by the typed NDJSON tests: storage-account lines, and ingesting the same files through
// the typed path and the JS row pipeline into two workspaces that must come out identical.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingestPaths, type IngestSummary } from '../../../src/ingest/index.js';
import { counts, snapshot } from './snapshot.js';

/** One storage-account line; `props` is raw JSON text so that number spellings (1e3, 12.0) survive. */
export const line = (
  table: string,
  props: string,
  envelope = '"time":"2026-03-26T15:20:00.1234567Z","tenantId":"t1",',
): string => `{${envelope}"operationName":"Publish","category":"AdvancedHunting-${table}","properties":{${props}}}`;

/** Ingest `files` into a fresh workspace per mode; return both summaries after checking they stored the same. */
export async function both(
  dir: string,
  files: readonly string[],
  pre: readonly string[] = [],
): Promise<{ typed: IngestSummary; js: IngestSummary }> {
  const wt = join(dir, 'typed.duckdb');
  const wj = join(dir, 'js.duckdb');
  if (pre.length > 0) {
    await ingestPaths(wt, pre, { fast: false });
    await ingestPaths(wj, pre, { fast: false });
  }
  const typed = await ingestPaths(wt, files);
  const js = await ingestPaths(wj, files, { fast: false });
  assert.deepEqual(counts(typed), counts(js));
  // Messages name when a duplicate was first ingested, which differs between the two workspaces.
  const messages = (s: IngestSummary): string[][] =>
    s.files.map((f) => f.messages.map((m) => m.replace(/ at \d{4}-\d\d-\d\d [\d:.]+ UTC/, ' at <time>')));
  assert.deepEqual(messages(typed), messages(js));
  assert.deepEqual(await snapshot(wt), await snapshot(wj));
  return { typed, js };
}
