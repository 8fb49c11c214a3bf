// `scan`: the schema (input + declared columns, + the match id column when requested) and the
// steps bound for lowering. `step.col` reads a value from the scan state; it binds as a
// column named `step.col` of the column's type (see BoundScan), so lowering can tell state
// references from the current record's columns.
import { mapChildren } from '../ast-map.js';
import type { Expr } from '../ast.js';
import type { Operator } from '../ast-operators.js';
import { SCAN_REF_SEPARATOR, type BoundColumnDef, type BoundScanStep, type BoundTable } from '../bound.js';
import type { Column } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { schemaOf, type Binder, type Env, type RowScope } from './scope.js';
import { bindScalar } from './expr.js';
import { withColumns } from './expand.js';

type ScanOp = Extract<Operator, { kind: 'Scan' }>;

/** `s1.col` -> the name `s1.col` (a plain name, looked up in the scan's row scope). */
function stateRefs(e: Expr, steps: ReadonlySet<string>): Expr {
  if (e.kind === 'MemberAccess' && e.target.kind === 'NameRef' && steps.has(e.target.name.name)) {
    const name = `${e.target.name.name}${SCAN_REF_SEPARATOR}${e.member.name}`;
    return { kind: 'NameRef', name: { kind: 'Ident', name, quoted: true, span: e.span }, span: e.span };
  }
  return mapChildren(e, (x) => stateRefs(x, steps));
}

export function bindScan(b: Binder, op: ScanOp, input: BoundTable, env: Env): BoundTable {
  const declared = op.declare.map((p) => ({
    name: p.name.name,
    type: p.type.kind === 'ScalarTypeRef' ? p.type.name : ('unknown' as const),
    init: p.defaultValue === null ? null : bindScalar(b, p.defaultValue, { columns: [] }, env),
  }));
  const row = withColumns(
    input.schema.columns,
    declared.map((d) => ({ name: d.name, type: d.type })),
  );
  const names = new Set(op.steps.map((s) => s.name.name));
  const refs: Column[] = op.steps.flatMap((s) =>
    row.map((c) => ({ name: `${s.name.name}${SCAN_REF_SEPARATOR}${c.name}`, type: c.type })),
  );
  const scope: RowScope = { columns: [...row, ...refs] };
  const steps: BoundScanStep[] = op.steps.map((st) => {
    const condition = bindScalar(b, stateRefs(st.condition, names), scope, env);
    const assignments: BoundColumnDef[] = st.assignments.flatMap((a) => {
      const expr = bindScalar(b, stateRefs(a.expr, names), scope, env);
      const target = a.names[0];
      if (target === undefined) return [];
      // A step assigns declared columns or the record's own columns.
      const d = row.find((x) => x.name === target.name);
      if (d === undefined) {
        b.report(codes.UNKNOWN_NAME, { name: target.name, entity: 'column' }, target.span, undefined);
        return [];
      }
      return [{ name: d.name, type: d.type, expr }];
    });
    return { name: st.name.name, output: st.output ?? 'all', condition, assignments };
  });
  const extra: Column[] = op.matchId === null ? [] : [{ name: op.matchId.name, type: 'long' }];
  return {
    kind: 'Opaque',
    op: 'scan',
    input,
    scan: { matchId: op.matchId?.name ?? null, declared, steps },
    schema: schemaOf(withColumns(row, extra)),
    span: op.span,
  };
}
