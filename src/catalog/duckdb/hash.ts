// DuckDB templates: hashes of the UTF-8 bytes of the value's string form
// (hash_md5(datetime(2020-01-01)) hashes "2020-01-01T00:00:00.0000000Z").
import type { SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { str } from './string.js';

const digest =
  (fn: string): SqlTemplate =>
  (args) => {
    const a = arg(args, 0);
    if (a.type === 'dynamic') throw new Unsupported(`${fn} of ${a.type}`);
    return `${fn}(coalesce(${str(a)}, ''))`;
  };

export const HASH_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  hash_sha256: digest('sha256'),
  hash_md5: digest('md5'),
  hash_sha1: digest('sha1'),
  // Kusto's hash() is xxhash64 with its own seed: no DuckDB equivalent.
  hash: null,
  hash_xxhash64: null,
  hash_combine: null,
  hash_many: null,
};
