// Opening an input file: gunzip if the bytes say gzip, detect the format from content (never
// the extension), and turn it into a stream of rows and per-row rejections.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { parseCsv } from './csv.js';
import { scanJson } from './jsonscan.js';
import { splitLines, type Line } from './lines.js';
import {
  META_MEMBERS,
  ROW_MEMBERS,
  fromJsonValue,
  fromRow,
  fromStreamingRecord,
  sampleOf,
  type SourceItem,
} from './records.js';

/** `lab-truth`: the ground truth `exfilhunt lab` writes beside its exports, which is not telemetry. */
export type Format = 'ndjson' | 'json' | 'csv' | 'parquet' | 'empty' | 'lab-truth';

/** truth.json starts with these members, in this order (src/lab/generate.ts). */
const LAB_TRUTH_HEAD = /^\{\s*"scenario"\s*:\s*"[^"\\]*"\s*,\s*"seed"\s*:\s*\d+\s*,\s*"start"\s*:/;

export interface ByteCounter {
  bytes: number;
}

export interface OpenedInput {
  readonly format: Format;
  readonly gzip: boolean;
  /** Decompressed bytes, starting from the beginning. */
  chunks: AsyncIterable<Buffer>;
  /** sha256 of the decompressed bytes, once `chunks` has been read to the end (gzip only). */
  contentSha256: string | undefined;
  /** Release the file when `chunks` will not be read to the end. */
  close(): Promise<void>;
}

const PEEK_LIMIT = 64 * 1024 * 1024;

function isSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13;
}

export function detectFormat(head: Buffer, eof: boolean): Format {
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isSpace(head[i]!)) i++;
  if (i >= head.length) return eof ? 'empty' : 'csv';
  const c = head[i];
  if (c !== 0x7b && c !== 0x5b) return 'csv';
  if (LAB_TRUTH_HEAD.test(head.toString('utf8', i, Math.min(head.length, i + 512)))) return 'lab-truth';
  const nl = head.indexOf(10, i);
  const first = head.toString('utf8', i, nl === -1 ? head.length : nl).trim();
  try {
    JSON.parse(first);
    return 'ndjson';
  } catch {
    // One object per line that happens to be broken still reads as NDJSON, with that line rejected.
    return first.length > 1 && first.startsWith('{') && first.endsWith('}') ? 'ndjson' : 'json';
  }
}

/** Open `path`, counting raw (compressed) bytes into `counter` for progress. */
export async function openInput(path: string, counter: ByteCounter): Promise<OpenedInput> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      counter.bytes += chunk.length;
      cb(null, chunk);
    },
  });
  let stream: Readable = file.pipe(tap);
  file.on('error', (e) => tap.destroy(e));
  const rawIt = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await rawIt.next();
  const firstBuf = first.done === true ? Buffer.alloc(0) : first.value;
  const gzip = firstBuf.length >= 2 && firstBuf[0] === 0x1f && firstBuf[1] === 0x8b;
  let it = rawIt;
  let pending: Buffer[] = first.done === true ? [] : [firstBuf];
  if (gzip) {
    const gunzip = createGunzip();
    const source = (async function* () {
      yield firstBuf;
      for (;;) {
        const r = await rawIt.next();
        if (r.done === true) return;
        yield r.value;
      }
    })();
    stream = pipeline(source, gunzip, () => undefined);
    it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    pending = [];
  }
  // Peek until the first line is complete (to tell NDJSON from a JSON document) or EOF.
  let eof = first.done === true && !gzip;
  let headLen = pending.reduce((n, b) => n + b.length, 0);
  while (!eof && headLen < PEEK_LIMIT && !pending.some((b) => b.includes(10))) {
    const r = await it.next();
    if (r.done === true) eof = true;
    else {
      pending.push(r.value);
      headLen += r.value.length;
    }
  }
  const head = Buffer.concat(pending);
  const format = detectFormat(head, eof);
  // For gzip, "the same content" means the same decompressed bytes, so a .gz of a file already ingested is a duplicate.
  const hash = gzip ? createHash('sha256') : undefined;
  const opened: OpenedInput = {
    format,
    gzip,
    chunks: (async function* () {})(),
    contentSha256: undefined,
    close: async () => {
      await it.return?.();
      if (it !== rawIt) await rawIt.return?.();
    },
  };
  opened.chunks = (async function* () {
    hash?.update(head);
    if (head.length > 0) yield head;
    if (!eof) {
      for (;;) {
        const r = await it.next();
        if (r.done === true) break;
        hash?.update(r.value);
        yield r.value;
      }
    }
    if (hash !== undefined) opened.contentSha256 = hash.digest('hex');
  })();
  return opened;
}

async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const dec = new StringDecoder('utf8');
  for await (const c of chunks) yield dec.write(c);
  const tail = dec.end();
  if (tail !== '') yield tail;
}

export async function* ndjsonItems(chunks: AsyncIterable<Buffer>): AsyncGenerator<SourceItem[]> {
  for await (const lines of splitLines(chunks)) {
    const out: SourceItem[] = [];
    for (const l of lines) lineItems(l, out);
    yield out;
  }
}

/** What one NDJSON line holds, appended to `out` (a blank line holds nothing). */
export function lineItems(l: Line, out: SourceItem[]): void {
  if (l.tooLong === true) {
    out.push({ kind: 'reject', line: l.line, reason: 'line too long to hold in memory' });
    return;
  }
  let v: unknown;
  try {
    v = JSON.parse(l.text);
  } catch (err) {
    if (l.text.trim() === '') return;
    out.push({
      kind: 'reject',
      line: l.line,
      reason: `bad JSON: ${err instanceof Error ? err.message : String(err)}`,
      sample: sampleOf(l.text),
    });
    return;
  }
  for (const item of fromJsonValue(v, l.line, l.text)) out.push(item);
}

/** Group a per-item stream into arrays, so every format feeds the same batched loop. */
export async function* batches<T>(items: AsyncIterable<T>, size = 512): AsyncGenerator<T[]> {
  let b: T[] = [];
  for await (const it of items) {
    b.push(it);
    if (b.length >= size) {
      yield b;
      b = [];
    }
  }
  if (b.length > 0) yield b;
}

export async function* documentItems(chunks: AsyncIterable<Buffer>): AsyncGenerator<SourceItem> {
  for await (const item of scanJson(decode(chunks))) {
    if (item.kind === 'element' && item.key !== undefined && META_MEMBERS.has(item.key)) continue;
    let v: unknown;
    try {
      v = JSON.parse(item.text);
    } catch (err) {
      yield {
        kind: 'reject',
        line: item.line,
        reason: `bad JSON: ${err instanceof Error ? err.message : String(err)}`,
        sample: sampleOf(item.text),
      };
      continue;
    }
    if (item.kind === 'value') yield* fromJsonValue(v, item.line, item.text);
    else if (item.key === undefined) yield fromRow(v, item.line, item.text);
    else if (item.key === 'records') {
      yield typeof v === 'object' && v !== null && !Array.isArray(v)
        ? fromStreamingRecord(v as Record<string, unknown>, item.line, item.text)
        : { kind: 'reject', line: item.line, reason: 'bad JSON: record is not an object', sample: sampleOf(item.text) };
    } else if (ROW_MEMBERS.has(item.key)) yield fromRow(v, item.line, item.text);
    else
      yield {
        kind: 'reject',
        line: item.line,
        reason: `unrecognised JSON member ${JSON.stringify(item.key)}`,
        sample: sampleOf(item.text),
      };
  }
}

/** Header names as exported: Log Analytics suffixes datetimes with ` [UTC]`. */
export function normalizeHeader(h: string): string {
  return h.trim().replace(/\s*\[[^\]]*\]$/, '');
}

export async function* csvItems(chunks: AsyncIterable<Buffer>): AsyncGenerator<SourceItem> {
  let header: string[] | undefined;
  for await (const rec of parseCsv(decode(chunks))) {
    if (header === undefined) {
      header = rec.cells.map(normalizeHeader);
      continue;
    }
    if (rec.cells.length !== header.length) {
      yield {
        kind: 'reject',
        line: rec.line,
        reason: `bad CSV: expected ${header.length} cells, got ${rec.cells.length}`,
        sample: sampleOf(rec.cells.join(',')),
      };
      continue;
    }
    const values: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) {
      const cell = rec.cells[i]!;
      // An empty cell is a null, as the portal writes nulls.
      if (cell !== '') values[header[i]!] = cell;
    }
    const type = values['Type'];
    yield {
      kind: 'row',
      line: rec.line,
      table: typeof type === 'string' ? type : undefined,
      values,
      text: true,
      raw: undefined,
      columns: header,
    };
  }
}
