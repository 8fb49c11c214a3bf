// Which word starts which operator. Kept apart from dispatch so adding an operator is one line.
import type { Datatable, ExternalData, Operator } from '../ast.js';
import type { Parser } from './core.js';
import {
  parseCount,
  parseDistinct,
  parseExtend,
  parseGetSchema,
  parsePrint,
  parseProject,
  parseProjectAway,
  parseProjectKeep,
  parseProjectRename,
  parseProjectReorder,
  parseSerialize,
  parseTake,
} from './ops-project.js';
import {
  parseMakeSeries,
  parseSort,
  parseSummarize,
  parseTop,
  parseTopHitters,
  parseTopNested,
} from './ops-summarize.js';
import { parseAs, parseJoin, parseLookup, parseUnion } from './ops-join.js';
import {
  parseConsume,
  parseEvaluate,
  parseInvoke,
  parseMvApply,
  parseMvExpand,
  parseParse,
  parseParseKv,
  parseReduce,
  parseRender,
  parseSample,
  parseSampleDistinct,
  parseWhere,
} from './ops-misc.js';
import {
  parseDatatable,
  parseExternalData,
  parseFacet,
  parseFind,
  parseFork,
  parsePartition,
  parseRange,
  parseScan,
  parseSearch,
} from './ops-control.js';

import {
  parseGraphMarkComponents,
  parseGraphMatch,
  parseGraphToTable,
  parseMakeGraph,
  parseProjectByNames,
} from './ops-graph.js';

export type OperatorParser = (p: Parser, start: number) => Operator;

export const OPERATOR_PARSERS: ReadonlyMap<string, OperatorParser> = new Map<string, OperatorParser>([
  ['where', parseWhere],
  ['filter', parseWhere],
  ['project', parseProject],
  ['project-away', parseProjectAway],
  ['project-keep', parseProjectKeep],
  ['project-rename', parseProjectRename],
  ['project-reorder', parseProjectReorder],
  ['extend', parseExtend],
  ['summarize', parseSummarize],
  ['order', parseSort],
  ['sort', parseSort],
  ['top', parseTop],
  ['top-nested', parseTopNested],
  ['top-hitters', parseTopHitters],
  ['take', parseTake],
  ['limit', parseTake],
  ['count', parseCount],
  ['distinct', parseDistinct],
  ['join', parseJoin],
  ['lookup', parseLookup],
  ['union', parseUnion],
  ['mv-expand', parseMvExpand],
  ['mvexpand', parseMvExpand],
  ['mv-apply', parseMvApply],
  ['mvapply', parseMvApply],
  ['parse', (p, s) => parseParse(p, s, false)],
  ['parse-where', (p, s) => parseParse(p, s, true)],
  ['parse-kv', parseParseKv],
  ['make-series', parseMakeSeries],
  ['render', parseRender],
  ['evaluate', parseEvaluate],
  ['search', parseSearch],
  ['find', parseFind],
  ['invoke', parseInvoke],
  ['as', parseAs],
  ['sample', parseSample],
  ['sample-distinct', parseSampleDistinct],
  ['serialize', parseSerialize],
  ['getschema', parseGetSchema],
  ['consume', parseConsume],
  ['scan', parseScan],
  ['partition', parsePartition],
  ['fork', parseFork],
  ['facet', parseFacet],
  ['reduce', parseReduce],
  ['make-graph', parseMakeGraph],
  ['graph-match', (p, s) => parseGraphMatch(p, s, false)],
  ['graph-shortest-paths', (p, s) => parseGraphMatch(p, s, true)],
  ['graph-to-table', parseGraphToTable],
  ['graph-mark-components', parseGraphMarkComponents],
  ['project-by-names', parseProjectByNames],
]);

export interface HeadOperator {
  /** Lookahead deciding whether the word really starts the operator here (vs. a column of that name). */
  readonly starts: (p: Parser) => boolean;
  readonly parse: (p: Parser, start: number) => Operator | Datatable | ExternalData;
}

const notAssignment = (p: Parser): boolean => !p.atAt(1, '=') && !p.atAt(1, '(') && !p.atAt(1, '.');

export const HEAD_OPERATORS: ReadonlyMap<string, HeadOperator> = new Map<string, HeadOperator>([
  ['print', { starts: (p) => !p.atAt(1, '='), parse: parsePrint }],
  ['range', { starts: (p) => p.peek().kind === 'ident' && p.atAt(2, 'from'), parse: parseRange }],
  ['union', { starts: (p) => !p.atAt(1, '=') && !p.atAt(1, '.'), parse: parseUnion }],
  ['search', { starts: notAssignment, parse: parseSearch }],
  ['find', { starts: notAssignment, parse: parseFind }],
  ['evaluate', { starts: (p) => p.peek().kind === 'ident', parse: parseEvaluate }],
  ['datatable', { starts: (p) => p.atAt(1, '('), parse: parseDatatable }],
  ['externaldata', { starts: (p) => p.atAt(1, '('), parse: parseExternalData }],
]);
