// DuckDB templates: hashes of the UTF-8 bytes of the value's string form
// (hash_md5(datetime(2020-01-01)) hashes "2020-01-01T00:00:00.0000000Z").
import type { SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { str } from './string.js';
import { EPOCH_DOTNET_TICKS, dtTicks } from './values.js';

/** XXH64 of the value's bytes (src/catalog/udf/hash.ts), optionally modulo `mod` (0 .. mod-1). */
const xxhash: SqlTemplate = (args) => {
  const a = arg(args, 0);
  let h: string;
  if (a.type === 'string') h = `kql_xxh64_string(${a.sql})`;
  else if (a.type === 'long' || a.type === 'timespan') h = `kql_xxh64_int64(${a.sql})`;
  else if (a.type === 'datetime') h = `kql_xxh64_int64(${dtTicks(a.sql)} + ${EPOCH_DOTNET_TICKS})`;
  // The byte encodings of other types are not documented: refuse rather than guess.
  else throw new Unsupported(`hash of ${a.type}`);
  const m = args[1];
  return m === undefined ? h : `CAST((((${h}) % (${m.sql})) + (${m.sql})) % (${m.sql}) AS BIGINT)`;
};

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
  hash: xxhash,
  hash_xxhash64: xxhash,
  // The combining function is not documented (not XXH64 of the two values): no template.
  hash_combine: null,
  hash_many: null,
};
