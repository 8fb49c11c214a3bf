// DuckDB templates: conversions. Kusto conversions return null on failure, never an error,
// so every parse goes through a regex guard or TRY_CAST.
import type { ScalarType } from '../../kql/types.js';
import type { SqlArg, SqlTemplate } from '../types.js';
import { BYTE_UNITS } from '../udf/text-parse.js';
import { arg, constString, Unsupported } from './render.js';
import { CONVERT_FROM_STRING, str } from './string.js';
import {
  EPOCH_DOTNET_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  dtTicks,
  p,
  toStringSql,
} from './values.js';

/** A JSON scalar's text when it is a string or number or bool (the dynamic -> scalar conversions start from it). */
function jsonScalarText(d: string): string {
  return `(CASE json_type(${d}) WHEN 'VARCHAR' THEN json_extract_string(${d}, '$') WHEN 'NULL' THEN NULL WHEN 'ARRAY' THEN NULL WHEN 'OBJECT' THEN NULL ELSE CAST(${d} AS VARCHAR) END)`;
}

function fromStringOrDynamic(a: SqlArg, target: keyof typeof CONVERT_FROM_STRING): string | null {
  const conv = CONVERT_FROM_STRING[target];
  if (!conv) return null;
  if (a.type === 'string') return conv(p(a.sql));
  if (a.type === 'dynamic') return conv(jsonScalarText(p(a.sql)));
  return null;
}

function integral(sqlType: 'INTEGER' | 'BIGINT', target: 'int' | 'long'): SqlTemplate {
  return (args) => {
    const a = arg(args, 0);
    const x = p(a.sql);
    const viaString = fromStringOrDynamic(a, target);
    if (viaString) {
      // "2.7" as a number truncates like a real does.
      const asReal = fromStringOrDynamic(a, 'real') as string;
      return `coalesce(${viaString}, TRY_CAST(trunc(CASE WHEN isfinite(${asReal}) THEN ${asReal} END) AS ${sqlType}))`;
    }
    switch (a.type) {
      case 'int':
      case 'long':
        return `TRY_CAST(${x} AS ${sqlType})`;
      case 'real':
        return `TRY_CAST(trunc(CASE WHEN isfinite(${x}) THEN ${x} END) AS ${sqlType})`;
      case 'decimal':
        return `TRY_CAST(trunc(${x}) AS ${sqlType})`;
      case 'bool':
        return `CAST(${x} AS ${sqlType})`;
      case 'timespan':
        if (target === 'long') return x;
        throw new Unsupported('toint(timespan)');
      case 'datetime':
        if (target === 'long') return `(${dtTicks(x)} + ${EPOCH_DOTNET_TICKS})`;
        throw new Unsupported('toint(datetime)');
      default:
        throw new Unsupported(`to${target}(${a.type})`);
    }
  };
}

const toreal: SqlTemplate = (args) => {
  const a = arg(args, 0);
  const x = p(a.sql);
  const viaString = fromStringOrDynamic(a, 'real');
  if (viaString) return viaString;
  switch (a.type) {
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
    case 'bool':
      return `CAST(${a.type === 'bool' ? `CAST(${x} AS INTEGER)` : x} AS DOUBLE)`;
    default:
      throw new Unsupported(`toreal(${a.type})`);
  }
};

const tobool: SqlTemplate = (args) => {
  const a = arg(args, 0);
  const x = p(a.sql);
  if (a.type === 'dynamic')
    return `(CASE WHEN json_type(${x}) = 'BOOLEAN' THEN CAST(${x} AS BOOLEAN) ELSE ${CONVERT_FROM_STRING.bool?.(jsonScalarText(x))} END)`;
  const viaString = fromStringOrDynamic(a, 'bool');
  if (viaString) return viaString;
  switch (a.type) {
    case 'bool':
      return x;
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return `(${x} <> 0)`;
    default:
      throw new Unsupported(`tobool(${a.type})`);
  }
};

/** Kusto's accepted datetime text: ISO 8601 (with T or space, optional Z/offset), plus a few US/RFC forms. */
export function parseDatetime(s: string): string {
  const t = `trim(${s})`;
  return `coalesce(TRY_CAST(${t} AS TIMESTAMP_NS),
 CAST(try_strptime(${t}, '%m-%d-%Y') AS TIMESTAMP_NS), CAST(try_strptime(${t}, '%m/%d/%Y') AS TIMESTAMP_NS),
 CAST(try_strptime(${t}, '%m/%d/%Y %H:%M:%S') AS TIMESTAMP_NS),
 CAST(try_strptime(${t}, '%a, %d %b %Y %H:%M:%S GMT') AS TIMESTAMP_NS), CAST(try_strptime(${t}, '%d %b %Y %H:%M:%S GMT') AS TIMESTAMP_NS))`;
}

const todatetime: SqlTemplate = (args) => {
  const a = arg(args, 0);
  const x = p(a.sql);
  if (a.type === 'datetime') return x;
  if (a.type === 'string') return parseDatetime(x);
  if (a.type === 'dynamic') return parseDatetime(jsonScalarText(x));
  throw new Unsupported(`todatetime(${a.type})`);
};

/** `[-][d.]hh:mm[:ss[.fffffff]]` -> ticks, null when the text doesn't have that shape. */
export function parseTimespan(s: string): string {
  const re = `'^\\s*(-?)(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?\\s*$'`;
  const g = (i: number) => `regexp_extract(${s}, ${re}, ${i})`;
  const n = (i: number) => `coalesce(TRY_CAST(nullif(${g(i)}, '') AS BIGINT), 0)`;
  return `(CASE WHEN regexp_matches(${s}, ${re}) AND CAST(${n(3)} AS BIGINT) < 24 AND ${n(4)} < 60 AND ${n(5)} < 60 THEN
 (CASE WHEN ${g(1)} = '-' THEN -1 ELSE 1 END) * (${n(2)} * ${TICKS_PER_DAY} + ${n(3)} * ${TICKS_PER_HOUR} + ${n(4)} * ${TICKS_PER_MINUTE} + ${n(5)} * ${TICKS_PER_SECOND}
 + coalesce(TRY_CAST(nullif(rpad(${g(6)}, 7, '0'), '0000000') AS BIGINT), 0)) END)`;
}

const totimespan: SqlTemplate = (args) => {
  const a = arg(args, 0);
  const x = p(a.sql);
  if (a.type === 'timespan') return x;
  if (a.type === 'string') return parseTimespan(x);
  if (a.type === 'dynamic') return parseTimespan(jsonScalarText(x));
  throw new Unsupported(`totimespan(${a.type})`);
};

const STATIC_TYPE_NAME: Readonly<Partial<Record<ScalarType, string>>> = {
  string: 'string',
  int: 'int',
  long: 'long',
  real: 'real',
  bool: 'bool',
  datetime: 'datetime',
  timespan: 'timespan',
  guid: 'guid',
  decimal: 'decimal',
};

/** HttpUtility.UrlEncode: unreserved characters kept, others as lower-case %xx of their UTF-8 bytes. */
function urlEncode(s: string, space: string): string {
  return `array_to_string(list_transform(string_split(${s}, ''), c -> CASE WHEN regexp_full_match(c, '[A-Za-z0-9_.!*()-]') THEN c WHEN c = ' ' THEN ${space} ELSE regexp_replace(lower(hex(encode(c))), '(..)', '%\\1', 'g') END), '')`;
}

export const CONVERSION_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  tostring: (args) => `coalesce(${toStringSql(arg(args, 0))}, '')`,
  toint: integral('INTEGER', 'int'),
  tolong: integral('BIGINT', 'long'),
  toreal,
  tobool,
  todatetime,
  totimespan,
  toguid: (args) => {
    const a = arg(args, 0);
    if (a.type === 'guid') return p(a.sql);
    return `TRY_CAST(${a.type === 'dynamic' ? jsonScalarText(p(a.sql)) : str(a)} AS UUID)`;
  },
  todecimal: (args) => {
    const a = arg(args, 0);
    const viaString = fromStringOrDynamic(a, 'decimal');
    if (viaString) return viaString;
    if (a.type === 'int' || a.type === 'long' || a.type === 'real' || a.type === 'decimal')
      return `TRY_CAST(${p(a.sql)} AS DECIMAL(38,18))`;
    throw new Unsupported(`todecimal(${a.type})`);
  },
  tohex: (args) => {
    const a = arg(args, 0);
    const x = p(a.sql);
    // Negative values print as two's complement of the argument's width.
    const hex =
      a.type === 'int'
        ? `lower(to_hex(CASE WHEN ${x} < 0 THEN CAST(${x} AS BIGINT) + 4294967296 ELSE CAST(${x} AS BIGINT) END))`
        : `lower(to_hex(CAST(${x} AS BIGINT)))`;
    const trimmed = `ltrim(${hex}, '0')`;
    const base = `(CASE WHEN ${x} = 0 THEN '0' ELSE ${trimmed} END)`;
    return args[1] ? `lpad(${base}, CAST(greatest(length(${base}), ${p(arg(args, 1).sql)}) AS INTEGER), '0')` : base;
  },
  gettype: (args) => {
    const a = arg(args, 0);
    const fixed = STATIC_TYPE_NAME[a.type];
    if (fixed) return `'${fixed}'`;
    if (a.type !== 'dynamic') throw new Unsupported('gettype of an unknown type');
    const x = p(a.sql);
    return `(CASE json_type(${x}) WHEN 'VARCHAR' THEN 'string' WHEN 'OBJECT' THEN 'dictionary' WHEN 'ARRAY' THEN 'array' WHEN 'BOOLEAN' THEN 'bool'
 WHEN 'DOUBLE' THEN 'real' WHEN 'BIGINT' THEN CASE WHEN CAST(${x} AS BIGINT) BETWEEN -2147483648 AND 2147483647 THEN 'int' ELSE 'long' END
 WHEN 'UBIGINT' THEN CASE WHEN TRY_CAST(${x} AS BIGINT) <= 2147483647 THEN 'int' ELSE 'long' END ELSE 'null' END)`;
  },
  base64_encode_tostring: (args) => `to_base64(encode(coalesce(${str(arg(args, 0))}, '')))`,
  base64_decode_tostring: (args) => `try(decode(from_base64(${str(arg(args, 0))})))`,
  base64_decode_toarray: (args) => {
    const b = `from_base64(${str(arg(args, 0))})`;
    return `try(CAST(to_json(list_transform(range(octet_length(${b})), i -> CAST('0x' || substring(hex(${b}), 2 * i + 1, 2) AS BIGINT))) AS JSON))`;
  },
  base64_encode_fromarray: (a) => `kql_base64_from_bytes(CAST(${arg(a, 0).sql} AS VARCHAR))`,
  // .NET byte order (src/catalog/udf/dynamic.ts).
  base64_decode_toguid: (a) => `TRY_CAST(kql_base64_to_guid(${str(arg(a, 0))}) AS UUID)`,
  base64_encode_fromguid: (a) => `kql_guid_to_base64(CAST(${arg(a, 0).sql} AS VARCHAR))`,
  // .NET HttpUtility.UrlEncode: UTF-8 bytes as lowercase %xx, space as '+', letters, digits and -_.!*() kept.
  url_encode: (args) => urlEncode(str(arg(args, 0)), "'+'"),
  // The same with a space as %20 (the page: "Differs from url_encode by encoding spaces as '%20'").
  url_encode_component: (args) => urlEncode(str(arg(args, 0)), "'%20'"),
  // HttpUtility.UrlDecode: '+' is a space (an encoded %2B stays '+'); invalid UTF-8 raises a query error.
  url_decode: (args) => `url_decode(replace(${str(arg(args, 0))}, '+', ' '))`,
  // JavaScript UDFs (src/catalog/udf/core.ts): DuckDB has no zlib.
  zlib_decompress_from_base64_string: (a) => `kql_zlib_decompress_b64(${str(arg(a, 0))})`,
  zlib_compress_to_base64_string: (a) => `kql_zlib_compress_b64(${str(arg(a, 0))})`,
  gzip_decompress_from_base64_string: (a) => `kql_gzip_decompress_b64(${str(arg(a, 0))})`,
  gzip_compress_to_base64_string: (a) => `kql_gzip_compress_b64(${str(arg(a, 0))})`,
  // RFC 3492 in JavaScript (src/catalog/udf/punycode.ts).
  punycode_from_string: (a) => `kql_punycode_encode(${str(arg(a, 0))})`,
  punycode_to_string: (a) => `kql_punycode_decode(${str(arg(a, 0))})`,
  punycode_domain_to_string: (a) => `kql_punycode_domain_to(${str(arg(a, 0))})`,
  punycode_domain_from_string: (a) => `kql_punycode_domain_from(${str(arg(a, 0))})`,
  // JavaScript (src/catalog/udf/text-parse.ts); units other than the documented names are refused.
  format_bytes: (args, ctx) => {
    const units = args[2] ? constString(args, 2, 'format_bytes units') : '';
    if (units !== '' && !(BYTE_UNITS as readonly string[]).includes(units))
      throw new Unsupported(`format_bytes units '${units}'`);
    const prec = args[1] ? `CAST(${p(arg(args, 1).sql)} AS BIGINT)` : '0';
    return `kql_format_bytes(CAST(${p(arg(args, 0).sql)} AS DOUBLE), ${prec}, ${ctx.stringLiteral(units)})`;
  },
};
