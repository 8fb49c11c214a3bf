// Public front-end API: parse and bind a query against a schema (default: Defender's
// advanced-hunting tables). Never throws.
import type { Query } from './ast.js';
import type { BoundQuery } from './bound.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import type { Column, TableSchema } from './types.js';
import { parse } from './parse.js';
import { bindQuery } from './binder/index.js';
import type { BagKeys } from './binder/bag-unpack.js';
import { mdeSchemaMap } from '../schema/index.js';

export interface CheckOptions {
  readonly schema?: ReadonlyMap<string, TableSchema>;
  /** bag_unpack keys read from the data, by the operator's span start (the engine supplies them). */
  readonly bagKeys?: BagKeys;
}

export interface CheckResult {
  readonly query: Query;
  /** Null only when the binder could not produce a tree (an internal defect, reported as EXF299). */
  readonly bound: BoundQuery | null;
  /** Syntax diagnostics first, then binding diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  /** Result columns of the last tabular statement; null when there is none or the query has errors. */
  readonly columns: readonly Column[] | null;
  /** bag_unpack operators whose columns depend on data (span starts): later names may not bind. */
  readonly pendingBagUnpacks: readonly number[];
}

export function check(text: string, opts: CheckOptions = {}): CheckResult {
  const parsed = parse(text);
  const schema = opts.schema ?? mdeSchemaMap();
  const { bound, diagnostics, pendingBagUnpacks } = bindQuery(parsed.query, schema, opts.bagKeys);
  // Binding a tree with syntax errors still helps (unknown names are reported), but only
  // binding diagnostics outside the broken region would be trustworthy; keep them all.
  const all = [...parsed.diagnostics, ...diagnostics];
  const columns = hasErrors(all) || bound === null || bound.result === null ? null : bound.result.schema.columns;
  return { query: parsed.query, bound, diagnostics: all, columns, pendingBagUnpacks };
}
