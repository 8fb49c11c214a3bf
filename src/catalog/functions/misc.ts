// Misc functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const logical = builders('logical');
const misc = builders('misc');
const graph = builders('graph');
const tabular = builders('tabular');

export const MISC_FUNCTIONS: readonly FunctionSpec[] = [
  logical.sca('iff', ['@common-nondyn if:bool then:scalar~ else:scalar~'], { aliases: ['iif'] }),
  logical.sca('case', ['@common-nondyn predicate:bool... then:scalar~... else:scalar~']),
  logical.sca('assert', ['bool predicate:bool message:string']),
  logical.sca('not', ['bool expression:bool']),
  logical.sca('isnotnull', ['bool expression:scalar'], { aliases: ['notnull'] }),
  logical.sca('isnull', ['bool expression:scalar']),
  logical.sca('iscolumnexists', ['bool column_name:string-literal']),
  logical.sca('isnotempty', ['bool value:scalar'], { aliases: ['notempty'] }),
  logical.sca('isempty', ['bool value:scalar']),
  logical.sca('column_ifexists', ['@p1 column_name:string-literal defaultValue:scalar'], {
    naming: 'first-if-column',
    aliases: ['columnifexists'],
  }),
  logical.sca('coalesce', ['@common arg:scalar~...']),
  logical.sca('estimate_data_size', ['long column:scalar...', 'long column:star']),
  logical.sca('new_guid', ['guid'], { volatile: true }),
  misc.sca('current_cluster_endpoint', ['string'], { volatile: true }),
  misc.sca('current_database', ['string'], { volatile: true }),
  misc.sca('current_principal', ['string'], { volatile: true }),
  misc.sca('current_principal_details', ['dynamic'], { volatile: true }),
  misc.sca('current_principal_is_member_of', ['bool group:string-or-array...'], { volatile: true }),
  misc.sca('extent_id', ['guid'], { aliases: ['extentid'] }),
  misc.sca('extent_tags', ['dynamic']),
  misc.sca('current_node_id', ['string'], { volatile: true }),
  misc.sca('ingestion_time', ['datetime'], { naming: 'prefix', prefix: '$IngestionTime' }),
  misc.sca('row_id', ['string']),
  misc.sca('cursor_after', ['bool cursor:string']),
  misc.sca('cursor_before_or_at', ['bool cursor:string']),
  misc.sca('cursor_current', ['string'], { aliases: ['current_cursor'], volatile: true }),
  misc.sca('rowstore_ordinal_range', ['dynamic']),
  // Graph-match predicates (graph-match ... where all(edges, ...)); the aggregate any() is a different spec.
  graph.sca('all', ['bool pattern_element:scalar expression:bool']),
  graph.sca('any', ['bool pattern_element:scalar expression:bool']),
  graph.sca('map', ['dynamic pattern_element:scalar expression:scalar']),
  graph.sca('inner_nodes', ['dynamic edge:scalar']),
  graph.sca('node_id', ['string node:scalar?']),
  graph.sca('node_degree_in', ['long node:scalar?']),
  graph.sca('node_degree_out', ['long node:scalar?']),
  graph.sca('labels', ['dynamic pattern_element:scalar?']),
  tabular.tab('cluster', ['unknown name:string']),
  tabular.tab('database', ['unknown name:string?']),
  tabular.tab('table', ['unknown name:string query_data_scope:string?']),
  tabular.tab('external_table', ['unknown name:string mapping:string?', 'unknown name:string max_age:timespan']),
  tabular.tab('materialized_view', ['unknown name:string max_age:timespan?']),
  tabular.tab('entity_group', ['unknown name:string']),
  tabular.tab('stored_query_result', [
    'unknown name:string',
    'unknown name:string index:long',
    'unknown name:string table_name:string',
  ]),
  tabular.tab('graph', ['unknown name:string snapshot:string?', 'unknown name:string volatile:bool']),
  tabular.tab('column_names_of', ['dynamic table:tabular']),
  tabular.tab('toscalar', ['unknown query:tabular']),
  tabular.tab('materialize', ['unknown query:tabular']),
];
