// Column-shaping operators: project family, extend, distinct, serialize, take, count, getschema, print.
import type {
  CountOp,
  DistinctOp,
  ExtendOp,
  GetSchemaOp,
  Ident,
  PrintOp,
  ProjectAwayOp,
  ProjectKeepOp,
  ProjectOp,
  ProjectRenameOp,
  ProjectReorderOp,
  SerializeOp,
  Span,
  TakeOp,
} from '../ast.js';
import type { Parser } from './core.js';
import { parseExpr } from './expressions.js';
import { parseName } from './literals.js';
import { parseColumnPattern, parseColumnPatternList, parseNamedExprList, parseOpParams } from './common.js';

const NO_PARAMS: ReadonlySet<string> = new Set();

// Kusto's grammar allows an empty column list for project / project-away / project-keep.
export function parseProject(p: Parser, start: number): ProjectOp {
  return { kind: 'Project', items: atListEnd(p) ? [] : parseNamedExprList(p), span: p.span(start) };
}

export function parseExtend(p: Parser, start: number): ExtendOp {
  return { kind: 'Extend', items: parseNamedExprList(p), span: p.span(start) };
}

export function parseProjectAway(p: Parser, start: number): ProjectAwayOp {
  return { kind: 'ProjectAway', columns: atListEnd(p) ? [] : parseColumnPatternList(p), span: p.span(start) };
}

export function parseProjectKeep(p: Parser, start: number): ProjectKeepOp {
  return { kind: 'ProjectKeep', columns: atListEnd(p) ? [] : parseColumnPatternList(p), span: p.span(start) };
}

export function parseProjectRename(p: Parser, start: number): ProjectRenameOp {
  const items: { newName: Ident; oldName: Ident; span: Span }[] = [];
  do {
    const s = p.tok.start;
    const newName = parseName(p, 'column name');
    p.expect('=');
    const oldName = parseName(p, 'column name');
    items.push({ newName, oldName, span: p.span(s) });
  } while (p.eat(','));
  return { kind: 'ProjectRename', items, span: p.span(start) };
}

type ReorderOrder = 'asc' | 'desc' | 'granny-asc' | 'granny-desc' | null;

export function parseProjectReorder(p: Parser, start: number): ProjectReorderOp {
  const items: { column: ReturnType<typeof parseColumnPattern>; order: ReorderOrder; span: Span }[] = [];
  do {
    const s = p.tok.start;
    const column = parseColumnPattern(p);
    let order: ReorderOrder = null;
    if (p.at('asc') || p.at('desc')) order = p.next().text === 'asc' ? 'asc' : 'desc';
    else if (p.at('granny') && p.atAt(1, '-') && (p.atAt(2, 'asc') || p.atAt(2, 'desc'))) {
      p.next();
      p.next();
      order = p.next().text === 'asc' ? 'granny-asc' : 'granny-desc';
    }
    items.push({ column, order, span: p.span(s) });
  } while (p.eat(','));
  return { kind: 'ProjectReorder', items, span: p.span(start) };
}

const DISTINCT_PARAMS: ReadonlySet<string> = new Set(['kind']);

export function parseDistinct(p: Parser, start: number): DistinctOp {
  const params = parseOpParams(p, DISTINCT_PARAMS);
  if (p.at('*')) {
    p.next();
    return { kind: 'Distinct', params, items: [], star: true, span: p.span(start) };
  }
  return { kind: 'Distinct', params, items: parseNamedExprList(p), star: false, span: p.span(start) };
}

export function parseSerialize(p: Parser, start: number): SerializeOp {
  const items = atListEnd(p) ? [] : parseNamedExprList(p);
  return { kind: 'Serialize', items, span: p.span(start) };
}

export function parseTake(p: Parser, start: number): TakeOp {
  const params = parseOpParams(p, NO_PARAMS);
  return { kind: 'Take', params, count: parseExpr(p), span: p.span(start) };
}

export function parseCount(p: Parser, start: number): CountOp {
  parseOpParams(p, NO_PARAMS);
  return { kind: 'Count', span: p.span(start) };
}

export function parseGetSchema(p: Parser, start: number): GetSchemaOp {
  return { kind: 'GetSchema', span: p.span(start) };
}

export function parsePrint(p: Parser, start: number): PrintOp {
  return { kind: 'Print', items: parseNamedExprList(p), span: p.span(start) };
}

/** Nothing more belongs to the current operator. */
export function atListEnd(p: Parser): boolean {
  return p.atEof() || p.at('|') || p.at(';') || p.at(')') || p.at('}');
}
