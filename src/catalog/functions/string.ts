// String functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('string');

export const STRING_FUNCTIONS: readonly FunctionSpec[] = [
  sca('strcat', ['string arg:scalar...']),
  sca('strcat_array', ['string array:dynamic delimiter:scalar']),
  sca('strcat_delim', ['string delimiter:scalar arg:scalar...']),
  sca('strcmp', ['long s1:scalar s2:scalar']),
  sca('strrep', ['string value:scalar multiplier:long delimiter:scalar?']),
  sca('strlen', ['long string:string-or-dynamic'], { naming: 'name+first' }),
  sca('string_size', ['long string:string-or-dynamic'], { naming: 'name+first' }),
  sca('toupper', ['string value:scalar']),
  sca('tolower', ['string value:scalar']),
  sca('unicode_codepoints_from_string', ['dynamic value:scalar'], { aliases: ['to_utf8'] }),
  sca('substring', ['string string:scalar start:integer length:integer?']),
  sca('regex_quote', ['string string:scalar']),
  sca('indexof', ['long string:scalar match:scalar start:integer? length:integer? occurrence:integer?']),
  sca('indexof_regex', ['long string:scalar match:scalar start:integer? length:integer? occurrence:integer?']),
  sca('has_any_index', ['long source:string-or-dynamic values:dynamic']),
  sca('reverse', ['string value:scalar']),
  sca('extract', [
    'string regex:string-literal captureGroup:long source:string',
    '@litN regex:string-literal captureGroup:long source:string typeLiteral:scalar',
  ]),
  sca('replace', ['string regex:string-literal rewrite:string-literal source:string'], { obsolete: true }),
  sca('replace_regex', ['string source:string lookup_regex:string-literal rewrite_pattern:string-literal']),
  sca('replace_string', ['string text:string lookup:string rewrite:string']),
  sca('replace_strings', ['string text:string lookups:dynamic rewrites:dynamic']),
  sca('trim_start', ['string regex:string-literal source:string']),
  sca('trim_end', ['string regex:string-literal source:string']),
  sca('trim', ['string regex:string-literal source:string']),
  sca('countof', ['long source:string search:string kind:string-literal?']),
  sca('translate', ['string searchList:string replacementList:string source:string']),
  sca('unicode_codepoints_to_string', ['string value:integer-or-array...'], { aliases: ['make_string'] }),
  sca('isascii', ['bool value:scalar']),
  sca('isutf8', ['bool value:scalar']),
];
