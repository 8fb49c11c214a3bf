// Worker thread of the typed NDJSON check: checks one line-aligned byte range of a file.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRange, type CheckJob, type WorkerMessage } from './typed-check.js';

const { path, start, end, types } = workerData as CheckJob;
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
// Progress in steps of about 32 MB, so the terminal's bytes and ETA move during the check.
let pending = 0;
const result = await checkRange(path, start, end, types, (n) => {
  pending += n;
  if (pending >= 32 * 2 ** 20) {
    post({ bytes: pending });
    pending = 0;
  }
});
if (pending > 0) post({ bytes: pending });
post({ result });
