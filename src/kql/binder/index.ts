// Binder entry point: a parsed Query plus a schema in, a BoundQuery plus diagnostics out.
// Never throws: a defect inside the binder becomes an EXF299 diagnostic.
import type { Query } from '../ast.js';
import type { BoundQuery, BoundTable } from '../bound.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Column, TableSchema } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { Binder, EMPTY_ROW, Env } from './scope.js';
import { bindLet } from './tabular.js';
import { bindValue } from './expr.js';
import type { BagKeys } from './bag-unpack.js';

export interface BindResult {
  readonly bound: BoundQuery | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Span starts of bag_unpack operators whose output columns depend on data not given. */
  readonly pendingBagUnpacks: readonly number[];
}

export function bindQuery(query: Query, tables: ReadonlyMap<string, TableSchema>, bagKeys?: BagKeys): BindResult {
  const b = new Binder(tables, bagKeys);
  try {
    const env = new Env(null);
    const results: BoundTable[] = [];
    const parameters: Column[] = [];
    for (const s of query.statements) {
      switch (s.kind) {
        case 'LetStmt':
          bindLet(b, s, env, EMPTY_ROW);
          break;
        case 'DeclareQueryParametersStmt':
          for (const p of s.params) {
            if (p.type.kind !== 'ScalarTypeRef') continue;
            parameters.push({ name: p.name.name, type: p.type.name });
            env.define({
              kind: 'scalar',
              name: p.name.name,
              value: { kind: 'Literal', type: p.type.name, value: null, span: p.span },
            });
          }
          break;
        case 'SetStmt':
          if (s.value !== null) b.options.set(s.name.name, s.value);
          break;
        case 'DeclarePatternStmt':
          env.define({ kind: 'pattern', name: s.name.name, rules: s.definition?.rules ?? [], env });
          break;
        case 'ExprStmt': {
          const v = bindValue(b, s.expr, EMPTY_ROW, env);
          if (v.kind === 'table') results.push(v.table);
          else {
            // A scalar query statement (`print`-less expression) yields one column, like print.
            const col = { name: 'print_0', type: v.expr.type, expr: v.expr };
            results.push({
              kind: 'Print',
              columns: [col],
              schema: { columns: [{ name: col.name, type: col.type }] },
              span: s.span,
            });
          }
          break;
        }
        default:
          break;
      }
    }
    const bound: BoundQuery = {
      kind: 'BoundQuery',
      result: results[results.length - 1] ?? null,
      results,
      lets: b.lets,
      parameters,
    };
    return { bound, diagnostics: b.diagnostics, pendingBagUnpacks: b.pendingBagUnpacks };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    b.report(codes.INTERNAL_BINDER_ERROR, { detail }, query.span);
    return { bound: null, diagnostics: b.diagnostics, pendingBagUnpacks: b.pendingBagUnpacks };
  }
}
