// Hash functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('hash');

export const HASH_FUNCTIONS: readonly FunctionSpec[] = [
  sca('hash', ['long source:not-dynamic mod:integer?']),
  sca('hash_sha256', ['string source:not-dynamic']),
  sca('hash_md5', ['string source:not-dynamic']),
  sca('hash_sha1', ['string source:not-dynamic']),
  sca('hash_xxhash64', ['long source:not-dynamic mod:integer?']),
  sca('hash_combine', ['long source:scalar...']),
  sca('hash_many', ['long source:not-dynamic...']),
];
