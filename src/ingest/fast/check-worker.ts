// Worker thread of the typed NDJSON check: checks one line-aligned byte range of a file.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRange, type ColumnTypes } from './typed-check.js';

const { path, start, end, types } = workerData as { path: string; start: number; end: number; types: ColumnTypes };
parentPort?.postMessage(await checkRange(path, start, end, types));
