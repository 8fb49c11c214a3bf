// Canonical KQL text for a tree. For any tree produced by `parse`, reparsing the
// output yields the same tree up to spans and `raw` texts (tested over the corpora).
import type { FunctionDef, PatternDefinition, Query, Statement } from '../ast.js';
import { printExpr, printIdent } from './expr.js';
import { printParam } from './ops.js';

export { printExpr, printIdent, printLiteral } from './expr.js';
export { printOperator, printPipeline } from './ops.js';

export function printQuery(q: Query): string {
  return q.statements.map((s) => printStatement(s, '')).join(';\n');
}

export function printStatement(s: Statement, indent: string): string {
  switch (s.kind) {
    case 'LetStmt':
      return `let ${printIdent(s.name)} = ${s.value.kind === 'FunctionDef' ? printFunction(s.value, indent) : printExpr(s.value, 0, indent)}`;
    case 'SetStmt':
      return `set ${s.name.name}${s.value === null ? '' : ` = ${printExpr(s.value, 0, indent)}`}`;
    case 'DeclareQueryParametersStmt':
      return `declare query_parameters(${s.params.map((p) => printParam(p, indent)).join(', ')})`;
    case 'DeclarePatternStmt':
      return `declare pattern ${printIdent(s.name)}${s.definition === undefined ? '' : printPatternDefinition(s.definition, indent)}`;
    case 'ExprStmt':
      return printExpr(s.expr, 0, indent);
  }
}

function printFunction(f: FunctionDef, indent: string): string {
  const inner = `${indent}    `;
  const body = f.body.map((s) => `${inner}${printStatement(s, inner)};`).join('\n');
  return `(${f.params.map((p) => printParam(p, indent)).join(', ')}) {\n${body}\n${indent}}`;
}

function printPatternDefinition(d: PatternDefinition, indent: string): string {
  const inner = `${indent}    `;
  const path = d.pathParam === null ? '' : `[${printParam(d.pathParam, indent)}]`;
  const rules = d.rules
    .map((r) => {
      const p = r.path === null ? '' : `.[${printExpr(r.path, 0, inner)}]`;
      return `${inner}(${r.args.map((a) => printExpr(a, 0, inner)).join(', ')})${p} = { ${printExpr(r.body, 0, inner)} };`;
    })
    .join('\n');
  return ` = (${d.params.map((p) => printParam(p, indent)).join(', ')})${path} {\n${rules}\n${indent}}`;
}
