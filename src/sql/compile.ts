// KQL text -> bound tree (front end) -> relational plan -> dialect SQL.
import { graphInputs } from './plan-graph.js';
import { check } from '../kql/check.js';
import { diagnostic, hasErrors, type Diagnostic } from '../kql/diagnostics/diagnostic.js';
import type { Column, TableSchema } from '../kql/types.js';
import type { Dialect } from './dialect.js';
import { TranslationError, UNSUPPORTED_CONSTRUCT } from './diagnostics.js';
import { lowerQuery, NeedsBagKeys } from './lower.js';
import { bagUnpackProbe, checkBagUnpacks } from './lower-bag-unpack.js';
import type { Plan } from './plan.js';
import type { BagKeys } from '../kql/binder/bag-unpack.js';

export interface CompileOptions {
  readonly schema: ReadonlyMap<string, TableSchema>;
  readonly dialect: Dialect;
  readonly nowNs: bigint;
  /** Which tabular statement's result to compile (default: the first). */
  readonly resultIndex?: number;
  /** Keys found by earlier discovery rounds (see `discover`). */
  readonly bagKeys?: BagKeys;
}

export type CompileResult =
  | {
      readonly ok: true;
      readonly plan: Plan;
      readonly sql: string;
      readonly columns: readonly Column[];
      readonly warnings: readonly Diagnostic[];
      /** How many tabular statements (results) the query has. */
      readonly results: number;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  /** bag_unpack needs its keys: run `sql` (one VARCHAR column of keys), then compile again with them. */
  | { readonly ok: 'discover'; readonly at: number; readonly sql: string };

/** Every table a plan scans (to check the workspace has them). */
export function scannedTables(p: Plan, out = new Set<string>()): Set<string> {
  switch (p.kind) {
    case 'Scan':
      out.add(p.table);
      break;
    case 'Values':
    case 'Range':
      break;
    case 'Join':
      scannedTables(p.left, out);
      scannedTables(p.right, out);
      break;
    case 'Union':
      p.inputs.forEach((i) => scannedTables(i, out));
      break;
    case 'Ref':
      scannedTables(p.plan, out);
      break;
    case 'GraphMatch':
    case 'GraphTable':
      graphInputs(p.graph).forEach((i) => scannedTables(i, out));
      break;
    default:
      scannedTables(p.input, out);
  }
  return out;
}

export function compileKql(text: string, opts: CompileOptions): CompileResult {
  let res;
  try {
    res = check(text, { schema: opts.schema, ...(opts.bagKeys === undefined ? {} : { bagKeys: opts.bagKeys }) });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          UNSUPPORTED_CONSTRUCT,
          { what: `this query (front end failed: ${msg})` },
          { start: 0, end: text.length },
        ),
      ],
    };
  }
  if (res.bound === null) return { ok: false, diagnostics: res.diagnostics };
  // A bag_unpack's columns come from the data: its input alone is lowered to read the keys, then
  // the query binds again with them (names after it don't bind before). Errors in that input are
  // reported as they are; so are errors that remain once every bag_unpack has its keys.
  const failed = hasErrors(res.diagnostics);
  if (failed && res.pendingBagUnpacks.length === 0) return { ok: false, diagnostics: res.diagnostics };
  try {
    checkBagUnpacks(res.bound);
    // Only the first pending bag_unpack's input is lowered: what follows it may not have bound,
    // and some operators (getschema) never lower their input at all.
    const pending = res.pendingBagUnpacks[0];
    const probe = pending === undefined ? null : bagUnpackProbe(res.bound, pending, opts.bagKeys);
    if (probe !== null) throw probe;
    if (failed) return { ok: false, diagnostics: res.diagnostics };
    const plan = lowerQuery(res.bound, opts.bagKeys, opts.resultIndex ?? 0);
    const sql = opts.dialect.toSql(plan, { nowNs: opts.nowNs });
    return { ok: true, plan, sql, columns: plan.columns, warnings: res.diagnostics, results: res.bound.results.length };
  } catch (err) {
    if (err instanceof TranslationError) return { ok: false, diagnostics: failed ? res.diagnostics : [err.diagnostic] };
    if (err instanceof NeedsBagKeys && err.what === 'values') {
      const cols = [{ name: '__bag', type: 'string' as const }];
      const probe: Plan = {
        kind: 'Distinct',
        input: { kind: 'Project', input: err.input, items: [{ name: '__bag', expr: err.bag }], columns: cols },
        columns: cols,
      };
      return { ok: 'discover', at: err.at, sql: opts.dialect.toSql(probe, { nowNs: opts.nowNs }) };
    }
    if (err instanceof NeedsBagKeys) {
      const probe: Plan = {
        kind: 'Project',
        input: err.input,
        items: [{ name: '__bag', expr: err.bag }],
        columns: [{ name: '__bag', type: 'dynamic' }],
      };
      return {
        ok: 'discover',
        at: err.at,
        sql: opts.dialect.bagKeysSql(opts.dialect.toSql(probe, { nowNs: opts.nowNs }), '__bag'),
      };
    }
    if (failed) return { ok: false, diagnostics: res.diagnostics };
    throw err;
  }
}
