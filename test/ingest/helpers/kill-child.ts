// Child process for the kill test: ingests argv[2] (comma-separated files, one run) into workspace argv[3] and prints MID
// once `argv[4]` rows have been read, then blocks (still inside the file's transaction) so the
// parent's SIGKILL lands mid-transaction whichever path (DuckDB-native or JS) stored the rows.
// argv[5]: 'js' forces the JS row pipeline, 'fast' the SQL line path, 'typed' the default (typed NDJSON).
import { ingestPaths } from '../../../src/ingest/index.js';

const [file, db, after, mode] = process.argv.slice(2) as [string, string, string, string | undefined];
let said = false;
await ingestPaths(db, file.split(','), {
  fast: mode !== 'js',
  ndjsonSql: mode === 'fast',
  onProgress: (p) => {
    if (!said && p.rows >= Number(after)) {
      said = true;
      process.stdout.write('MID\n');
      // Block synchronously: nothing more happens in this process until it is killed.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    }
  },
});
process.stdout.write('DONE\n');
