// Ipv4 functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('ipv4');

export const IPV4_FUNCTIONS: readonly FunctionSpec[] = [
  sca('parse_ipv4', ['long ip:string']),
  sca('parse_ipv4_mask', ['long ip:string prefix:long']),
  sca('parse_ipv6', ['string ip:string']),
  sca('parse_ipv6_mask', ['string ip:string prefix:long']),
  sca('ipv4_compare', ['long ip1:string ip2:string prefix:long?']),
  sca('ipv4_is_match', ['bool ip1:string ip2:string prefix:long?']),
  sca('ipv6_compare', ['long ip1:string ip2:string prefix:long?']),
  sca('ipv4_is_private', ['bool ip:string']),
  sca('ipv6_is_match', ['bool ip1:string ip2:string prefix:long?']),
  sca('ipv6_is_in_range', ['bool ip:string ip_range:string']),
  sca('ipv6_is_in_any_range', [
    'bool ip:string-or-dynamic ranges:string...',
    'bool ip:string-or-dynamic ranges:dynamic',
  ]),
  sca('ipv4_is_in_range', ['bool ip:string ip_range:string']),
  sca('ipv4_is_in_any_range', [
    'bool ip:string-or-dynamic ranges:string...',
    'bool ip:string-or-dynamic ranges:dynamic',
  ]),
  sca('ipv4_netmask_suffix', ['long ip:string']),
  sca('format_ipv4', ['string ip:scalar prefix:long?']),
  sca('format_ipv4_mask', ['string ip:scalar prefix:long']),
  sca('has_ipv4', ['bool source:string-or-dynamic ip:string']),
  sca('has_ipv4_prefix', ['bool source:string-or-dynamic ip_prefix:string']),
  sca('has_any_ipv4', ['bool source:string-or-dynamic ips:string...', 'bool source:string-or-dynamic ips:dynamic']),
  sca('has_any_ipv4_prefix', [
    'bool source:string-or-dynamic ip_prefixes:string...',
    'bool source:string-or-dynamic ip_prefixes:dynamic',
  ]),
  sca('ipv4_range_to_cidr_list', ['dynamic start_ip:string end_ip:string']),
];
