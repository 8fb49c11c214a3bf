// DuckDB templates: IPv4 functions on dotted-quad text with an optional /prefix.
// Invalid addresses give null, as in Kusto.
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg } from './render.js';
import { str } from './string.js';
import { p } from './values.js';

const RE = "'^\\s*([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(?:/([0-9]{1,2}))?\\s*$'";

function group(s: string, i: number): string {
  return `CAST(nullif(regexp_extract(${s}, ${RE}, ${i}), '') AS BIGINT)`;
}

/** The prefix length written after '/', 32 when absent; null when the text isn't an IPv4 address. */
export function ipv4Mask(s: string): string {
  return `(CASE WHEN ${valid(s)} THEN coalesce(${group(s, 5)}, 32) END)`;
}

function valid(s: string): string {
  return `(regexp_matches(${s}, ${RE}) AND ${[1, 2, 3, 4].map((i) => `${group(s, i)} <= 255`).join(' AND ')} AND coalesce(${group(s, 5)}, 32) <= 32)`;
}

/** The 32-bit address as a long (not yet masked). */
function address(s: string): string {
  return `(CASE WHEN ${valid(s)} THEN ${group(s, 1)} * 16777216 + ${group(s, 2)} * 65536 + ${group(s, 3)} * 256 + ${group(s, 4)} END)`;
}

/** The network part of an address under a prefix length. */
function network(addr: string, mask: string): string {
  return `(${addr} // CAST(pow(2, 32 - ${mask}) AS BIGINT))`;
}

export function parseIpv4Sql(s: string): string {
  const mask = ipv4Mask(s);
  return `(${network(address(s), mask)} * CAST(pow(2, 32 - ${mask}) AS BIGINT))`;
}

function compareSql(a: string, b: string, prefix: string | null): string {
  const m = prefix ? `least(${ipv4Mask(a)}, ${ipv4Mask(b)}, ${prefix})` : `least(${ipv4Mask(a)}, ${ipv4Mask(b)})`;
  return `sign(${network(address(a), m)} - ${network(address(b), m)})`;
}

function inRange(ip: string, range: string): string {
  const m = `least(${ipv4Mask(ip)}, ${ipv4Mask(range)})`;
  return `(${network(address(ip), m)} = ${network(address(range), m)} AND ${ipv4Mask(ip)} >= ${ipv4Mask(range)})`;
}

const PRIVATE_BLOCKS: readonly [number, number][] = [
  [10 * 16777216, 8],
  [172 * 16777216 + 16 * 65536, 12],
  [192 * 16777216 + 168 * 65536, 16],
];

/** Octets of dotted text are each at most 255 (empty parts, after a final dot, are skipped). */
const octetsOk = (t: string) =>
  `coalesce(list_bool_and(list_transform(list_filter(string_split(${t}, '.'), o -> o <> ''), o -> TRY_CAST(o AS INTEGER) <= 255)), false)`;

/** IPv4 addresses standing as whole tokens in text: runs of letters, digits and dots that are an address. */
const ipTokens = (s: string) =>
  `list_filter(regexp_extract_all(${s}, '[[:alnum:].]+'), t -> regexp_full_match(t, '[0-9]{1,3}(\\.[0-9]{1,3}){3}') AND ${octetsOk('t')})`;

/** A valid prefix is a complete address or 1-3 octets ending with a dot. */
function prefixMatch(tokens: string, pf: string): string {
  const full = `regexp_full_match(${pf}, '[0-9]{1,3}(\\.[0-9]{1,3}){3}')`;
  const partial = `regexp_full_match(${pf}, '([0-9]{1,3}\\.){1,3}')`;
  return `((${full} OR ${partial}) AND ${octetsOk(pf)} AND coalesce(list_bool_or(list_transform(${tokens}, t -> CASE WHEN ${partial} THEN starts_with(t, ${pf}) ELSE t = ${pf} END)), false))`;
}

const hasPrefix: SqlTemplate = (args) => {
  const src = arg(args, 0);
  if (src.type !== 'string') return 'CAST(NULL AS BOOLEAN)';
  const tokens = ipTokens(str(src));
  const prefixes = args
    .slice(1)
    .map((x) =>
      x.type === 'dynamic'
        ? `coalesce(list_bool_or(list_transform(json_extract_string(${p(x.sql)}, '$[*]'), pf -> ${prefixMatch(tokens, 'pf')})), false)`
        : prefixMatch(tokens, str(x)),
    );
  return `coalesce(${prefixes.join(' OR ')}, false)`;
};

/** has_ipv4 / has_any_ipv4: a valid address standing as a whole token (not next to letters, digits or dots). */
function hasIpv4(source: string, ips: string): string {
  const re = `'(?:^|[^[:alnum:].])' || regexp_escape(ip) || '(?:$|[^[:alnum:].])'`;
  const ok = `regexp_matches(ip, '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$') AND ${octetsOk('ip')}`;
  return `coalesce(list_bool_or(list_transform(list_filter(${ips}, ip -> ${ok}), ip -> regexp_matches(${source}, ${re}))), false)`;
}

/** Values of a variadic-or-array argument list, as VARCHAR[]. */
function textList(args: readonly SqlArg[], from: number): string {
  const parts = args
    .slice(from)
    .map((x) =>
      x.type === 'dynamic'
        ? `coalesce(json_extract_string(${p(x.sql)}, '$[*]'), [json_extract_string(${p(x.sql)}, '$')])`
        : `[${str(x)}]`,
    );
  return `flatten([${parts.join(', ')}])`;
}

/** format_ipv4(ip, mask) / format_ipv4_mask: the network address (with '/bits'); '' when invalid. */
function formatIpv4(withMask: boolean): SqlTemplate {
  return (args) => {
    const a0 = arg(args, 0);
    const numeric = a0.type === 'long' || a0.type === 'int';
    const ip = str(a0);
    // A number is the 32-bit address itself.
    const addr = numeric
      ? `(CASE WHEN ${p(a0.sql)} BETWEEN 0 AND 4294967295 THEN CAST(${p(a0.sql)} AS BIGINT) END)`
      : address(ip);
    const given = args[1] ? `CAST(${p(arg(args, 1).sql)} AS BIGINT)` : '32';
    const m = numeric ? given : `least(${ipv4Mask(ip)}, ${given})`;
    const n = `(${network(addr, m)} * CAST(pow(2, 32 - ${m}) AS BIGINT))`;
    const dotted = `concat(${n} // 16777216, '.', (${n} // 65536) % 256, '.', (${n} // 256) % 256, '.', ${n} % 256${withMask ? `, '/', ${m}` : ''})`;
    return `coalesce(CASE WHEN ${given} BETWEEN 0 AND 32 THEN ${dotted} END, '')`;
  };
}

export const IPV4_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  parse_ipv4: (args) => parseIpv4Sql(str(arg(args, 0))),
  parse_ipv4_mask: null,
  ipv4_is_in_range: (args) => inRange(str(arg(args, 0)), str(arg(args, 1))),
  ipv4_is_in_any_range: (args) => {
    const ip = str(arg(args, 0));
    const tests = args
      .slice(1)
      .map((r) =>
        r.type === 'dynamic'
          ? `coalesce(len(list_filter(json_extract_string(${p(r.sql)}, '$[*]'), rng -> ${inRange(ip, 'rng')})) > 0, false)`
          : inRange(ip, str(r)),
      );
    return `(CASE WHEN ${address(ip)} IS NULL THEN NULL ELSE (${tests.join(' OR ')}) END)`;
  },
  ipv4_is_private: (args) => {
    const ip = str(arg(args, 0));
    const a = address(ip);
    const m = ipv4Mask(ip);
    const tests = PRIVATE_BLOCKS.map(
      ([base, bits]) => `(${m} >= ${bits} AND ${network(a, String(bits))} = ${base / 2 ** (32 - bits)})`,
    );
    return `(CASE WHEN ${a} IS NULL THEN NULL ELSE (${tests.join(' OR ')}) END)`;
  },
  ipv4_compare: (args) =>
    `CAST(${compareSql(str(arg(args, 0)), str(arg(args, 1)), args[2] ? p(arg(args, 2).sql) : null)} AS BIGINT)`,
  ipv4_is_match: (args) =>
    `(${compareSql(str(arg(args, 0)), str(arg(args, 1)), args[2] ? p(arg(args, 2).sql) : null)} = 0)`,
  ipv4_netmask_suffix: (args) => `CAST(${ipv4Mask(str(arg(args, 0)))} AS INTEGER)`,
  format_ipv4: formatIpv4(false),
  format_ipv4_mask: formatIpv4(true),
  // JavaScript (src/catalog/udf/search.ts): the fewest blocks covering the range; a start
  // after the end, or an invalid address, gives null.
  ipv4_range_to_cidr_list: (args) =>
    `CAST(kql_ipv4_range_to_cidr_list(${parseIpv4Sql(str(arg(args, 0)))}, ${parseIpv4Sql(str(arg(args, 1)))}) AS JSON)`,
  has_ipv4: (args) => hasIpv4(str(arg(args, 0)), `[${str(arg(args, 1))}]`),
  has_ipv4_prefix: hasPrefix,
  has_any_ipv4: (args) => hasIpv4(str(arg(args, 0)), textList(args, 1)),
  has_any_ipv4_prefix: hasPrefix,
  // IPv6 in JavaScript (src/catalog/udf/ipv6.ts): 128-bit values, IPv4 mapped to ::ffff:0:0/96.
  parse_ipv6: (a) => `kql_parse_ipv6(${str(arg(a, 0))})`,
  parse_ipv6_mask: (a) => `kql_parse_ipv6_mask(${str(arg(a, 0))}, ${arg(a, 1).sql})`,
  ipv6_compare: (a) =>
    `kql_ipv6_compare(${str(arg(a, 0))}, ${str(arg(a, 1))}, ${a[2] === undefined ? '128' : a[2].sql})`,
  ipv6_is_match: (a) =>
    `(kql_ipv6_compare(${str(arg(a, 0))}, ${str(arg(a, 1))}, ${a[2] === undefined ? '128' : a[2].sql}) = 0)`,
  ipv6_is_in_range: (a) => `kql_ipv6_in_range(${str(arg(a, 0))}, ${str(arg(a, 1))})`,
  ipv6_is_in_any_range: (a) => {
    const ranges =
      a.length === 2 && a[1]?.type === 'dynamic'
        ? `CAST(${a[1].sql} AS VARCHAR)`
        : `CAST(to_json([${a
            .slice(1)
            .map((x) => str(x))
            .join(', ')}]) AS VARCHAR)`;
    return `kql_ipv6_in_any_range(${str(arg(a, 0))}, ${ranges})`;
  },
};
