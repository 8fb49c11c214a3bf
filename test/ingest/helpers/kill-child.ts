// Child process for the kill test: ingests argv[2] into workspace argv[3] and prints MID
// once `argv[4]` rows have been read, so the parent can SIGKILL it mid-transaction.
import { ingestPaths } from '../../../src/ingest/index.js';

const [file, db, after] = process.argv.slice(2) as [string, string, string];
let said = false;
await ingestPaths(db, [file], {
  onProgress: (p) => {
    if (!said && p.rows >= Number(after)) {
      said = true;
      process.stdout.write('MID\n');
    }
  },
});
process.stdout.write('DONE\n');
