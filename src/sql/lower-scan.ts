// `scan` -> the SeqScan plan node. Refused (coded diagnostic) where the meaning isn't pinned
// down by scan-operator.md: output=last (its output depends on later records), a bare
// reference to a declared column (the docs only read declared values through a step),
// declared names that shadow input columns, and window functions inside steps.
import { lookupFunction } from '../catalog/index.js';
import { SCAN_REF_SEPARATOR, type BoundExpr, type BoundScan } from '../kql/bound.js';
import type { Span } from '../kql/ast.js';
import { unsupported } from './lower-scalar.js';
import type { Plan, ScanStepPlan, Sx } from './plan.js';

function check(e: Sx, declared: ReadonlySet<string>, span: Span): void {
  switch (e.k) {
    case 'col':
      if (declared.has(e.name)) unsupported(`a declared scan column read without a step name ('${e.name}')`, span);
      return;
    case 'fn':
      if (lookupFunction(e.name, 'window')?.kind === 'window') unsupported(`window function '${e.name}' in scan`, span);
      e.args.forEach((a) => check(a, declared, span));
      return;
    case 'op':
      e.args.forEach((a) => check(a, declared, span));
      return;
    case 'path':
      check(e.target, declared, span);
      e.steps.forEach((a) => check(a, declared, span));
      return;
    case 'scalarq':
    case 'inq':
      unsupported('a subquery in a scan step', span);
      return;
    default:
      return;
  }
}

export function lowerScan(
  scan: BoundScan,
  input: Plan,
  columns: Plan['columns'],
  span: Span,
  scalar: (e: BoundExpr) => Sx,
): Plan {
  if (scan.steps.length === 0) unsupported('a scan without steps', span);
  const declared = new Set(scan.declared.map((d) => d.name));
  for (const c of input.columns) {
    if (declared.has(c.name)) unsupported(`a scan declaring input column '${c.name}'`, span);
    if (c.name.includes(SCAN_REF_SEPARATOR) || c.name.startsWith('__'))
      unsupported(`scan over column '${c.name}'`, span);
  }
  if (scan.matchId !== null && (declared.has(scan.matchId) || input.columns.some((c) => c.name === scan.matchId)))
    unsupported(`scan match id '${scan.matchId}' naming an existing column`, span);
  const steps: ScanStepPlan[] = scan.steps.map((s) => {
    if (s.output === 'last') unsupported('scan step output=last', span);
    const condition = scalar(s.condition);
    check(condition, declared, span);
    const assignments = s.assignments.map((a) => {
      const expr = scalar(a.expr);
      check(expr, declared, span);
      return { name: a.name, expr };
    });
    return { name: s.name, output: s.output === 'none' ? 'none' : 'all', condition, assignments };
  });
  return {
    kind: 'SeqScan',
    input,
    declared: scan.declared.map((d) => ({ name: d.name, type: d.type, init: d.init === null ? null : scalar(d.init) })),
    steps,
    matchId: scan.matchId,
    columns,
  };
}
