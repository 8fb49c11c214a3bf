// Conversion functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('conversion');

export const CONVERSION_FUNCTIONS: readonly FunctionSpec[] = [
  sca('tostring', ['string value:scalar'], { naming: 'first' }),
  sca('tohex', ['string value:integer minLength:integer?'], { naming: 'first' }),
  sca('todynamic', ['dynamic value:string'], { naming: 'first', aliases: ['toobject'] }),
  sca('tolong', ['long value:scalar'], { naming: 'first' }),
  sca('toint', ['int value:scalar'], { naming: 'first' }),
  sca('toreal', ['real value:scalar'], { naming: 'first', aliases: ['todouble'] }),
  sca('todatetime', ['datetime value:scalar'], { naming: 'first' }),
  sca('totimespan', ['timespan value:scalar'], { naming: 'first', aliases: ['totime'] }),
  sca('tobool', ['bool value:scalar'], { naming: 'first', aliases: ['toboolean'] }),
  sca('todecimal', ['decimal value:scalar'], { naming: 'first' }),
  sca('toguid', ['guid value:string-or-dynamic'], { naming: 'first' }),
  sca('gettype', ['string value:scalar'], { naming: 'prefix+first', prefix: 'type' }),
  sca('url_encode', ['string url:string']),
  sca('url_encode_component', ['string url:string']),
  sca('url_decode', ['string encoded_url:string']),
  sca('base64_encode_tostring', ['string string:string'], { aliases: ['base64_encodestring'] }),
  sca('base64_decode_toarray', ['dynamic base64_string:string']),
  sca('base64_encode_fromarray', ['string base64_string_decoded_as_array:dynamic']),
  sca('base64_decode_tostring', ['string base64_string:string'], { aliases: ['base64_decodestring'] }),
  sca('base64_decode_toguid', ['guid base64_string:string']),
  sca('base64_encode_fromguid', ['string guid:guid']),
  sca('zlib_decompress_from_base64_string', ['string string:string']),
  sca('zlib_compress_to_base64_string', ['string string:string']),
  sca('gzip_decompress_from_base64_string', ['string string:string']),
  sca('gzip_compress_to_base64_string', ['string string:string']),
  sca('punycode_to_string', ['string string:string']),
  sca('punycode_from_string', ['string string:string']),
  sca('punycode_domain_from_string', ['string string:string']),
  sca('punycode_domain_to_string', ['string string:string']),
  sca('format_bytes', ['string size:numeric precision:numeric? format:string-literal?'], { naming: 'first' }),
  sca('convert_angle', ['real value:real from:string to:string']),
  sca('convert_energy', ['real value:real from:string to:string']),
  sca('convert_force', ['real value:real from:string to:string']),
  sca('convert_length', ['real value:real from:string to:string']),
  sca('convert_mass', ['real value:real from:string to:string']),
  sca('convert_speed', ['real value:real from:string to:string']),
  sca('convert_temperature', ['real value:real from:string to:string']),
  sca('convert_volume', ['real value:real from:string to:string']),
];
