// Small functions whose exact Kusto behaviour needs Node's standard library.
import { crc32, deflateRawSync, deflateSync, gunzipSync, inflateSync } from 'node:zlib';
import { str, type UdfSpec, type UdfValue } from './types.js';

/** Kusto returns an empty string (not an error) when the input can't be decompressed. */
function decompress(v: UdfValue, inflate: (b: Buffer) => Buffer): string {
  try {
    const s = str(v);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return '';
    return inflate(Buffer.from(s, 'base64')).toString('utf8');
  } catch {
    return '';
  }
}

// Kusto (.NET) writes stored, uncompressed deflate blocks: zlib header 78 01, and a gzip
// header with mtime 0 and OS byte 0xff. Level 0 reproduces its output byte for byte.
function gzipLikeDotNet(text: string): string {
  const data = Buffer.from(text, 'utf8');
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([header, deflateRawSync(data, { level: 0 }), trailer]).toString('base64');
}

export const CORE_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_zlib_compress_b64',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => deflateSync(Buffer.from(str(s ?? null), 'utf8'), { level: 0 }).toString('base64'),
  },
  {
    name: 'kql_zlib_decompress_b64',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => decompress(s ?? null, (b) => inflateSync(b)),
  },
  {
    name: 'kql_gzip_compress_b64',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => gzipLikeDotNet(str(s ?? null)),
  },
  {
    name: 'kql_gzip_decompress_b64',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => decompress(s ?? null, (b) => gunzipSync(b)),
  },
];
