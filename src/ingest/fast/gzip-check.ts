// The typed NDJSON check for a gzip file. The check must see exactly the bytes the JS row
// pipeline would see, so it decompresses with the same node:zlib gunzip. A gzip stream can't be
// entered in the middle, so one thread checks it: the main one (DuckDB is idle until the insert,
// zlib inflates on libuv's pool anyway; a worker measured 5-20% slower on 1M events). DuckDB
// then reads the compressed file itself (`compression = 'gzip'`). What the two decompressors do
// differently (measured with DuckDB 1.5 and Node 20, see docs/ingest.md "Typed NDJSON"):
// - concatenated members, empty members, FNAME/FEXTRA headers: both read the same bytes;
// - a bad CRC or length in a member's trailer: DuckDB reads on, node:zlib fails. The check
//   reads the whole stream before DuckDB does, so such a file goes to JS and fails there;
// - truncated or garbage data: both fail; the check's failure sends the file to JS, which
//   fails it with its usual message;
// - FTEXT/FHCRC/FCOMMENT header flags: node:zlib accepts them, DuckDB refuses the file. Seen on
//   the first member here (the file goes straight to JS); on a later member, DuckDB's error
//   sends the file to JS (TypedPathError);
// - zero bytes after a member (padding): node:zlib stops there and ignores the rest, DuckDB
//   refuses the file: TypedPathError again.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { checkLines, type ColumnTypes, type RangeResult } from './typed-check.js';

const FTEXT = 0x01;
const FHCRC = 0x02;
const FCOMMENT = 0x10;
/** Decompressed chunk size: zlib's 16 KB default would split a line every ~20 lines. */
const CHUNK = 1 << 20;

/** Why DuckDB's gzip reader would refuse the file's first member header, if it would. */
export async function gzipHeaderProblem(path: string): Promise<string | undefined> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(10);
  const { bytesRead } = await fh.read(head, 0, 10, 0).finally(() => fh.close());
  if (bytesRead < 10) return 'gzip header too short';
  if (head[2] !== 8) return 'gzip compression method';
  if ((head[3]! & (FTEXT | FHCRC | FCOMMENT)) !== 0) return 'gzip header flags DuckDB does not read';
  return undefined;
}

/** Check every decompressed line of the gzip file `path`; onBytes counts compressed bytes (progress). */
export async function checkGzip(
  path: string,
  types: ColumnTypes,
  onBytes: (n: number) => void = () => undefined,
): Promise<RangeResult> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  file.on('data', (c) => onBytes(c.length));
  const gunzip = createGunzip({ chunkSize: CHUNK });
  // The callback form destroys both streams on an error; the error itself reaches the loop below.
  pipeline(file, gunzip, () => undefined);
  const hash = createHash('sha256');
  let bom = false;
  const content = (async function* (): AsyncGenerator<Buffer> {
    let first = true;
    for await (const c of gunzip as AsyncIterable<Buffer>) {
      if (first && c.length > 0) {
        first = false;
        // DuckDB refuses a byte-order mark, which the JS splitter drops.
        if (c[0] === 0xef) {
          bom = true;
          return;
        }
      }
      hash.update(c);
      yield c;
    }
  })();
  try {
    const r = await checkLines(content, types);
    if (bom) return { ok: false, reason: 'byte-order mark', line: 1 };
    return r.ok ? { ...r, contentSha256: hash.digest('hex') } : r;
  } catch (err) {
    // Corrupt or truncated: the JS pipeline fails the file with its own message.
    return { ok: false, reason: `gzip: ${err instanceof Error ? err.message : String(err)}`, line: 0 };
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}
