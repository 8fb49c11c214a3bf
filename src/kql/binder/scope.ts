// Binding context and scopes. Two kinds of names live side by side, as in Kusto:
// the row scope (columns of the operator's input, plus $left/$right inside joins) and
// the let scope (scalar and tabular lets, function parameters, user functions).
import type { BagKeys } from './bag-unpack.js';
import type { Expr, FunctionDef, PatternRule, Span } from '../ast.js';
import type { BoundExpr, BoundLetTable, BoundTable } from '../bound.js';
import type { Column, TableSchema } from '../types.js';
import { diagnostic, type Diagnostic, type DiagnosticDef } from '../diagnostics/diagnostic.js';

export type LetSymbol =
  | { readonly kind: 'scalar'; readonly name: string; readonly value: BoundExpr }
  | { readonly kind: 'table'; readonly name: string; readonly table: BoundTable }
  | { readonly kind: 'function'; readonly name: string; readonly def: FunctionDef; readonly env: Env }
  | { readonly kind: 'pattern'; readonly name: string; readonly rules: readonly PatternRule[]; readonly env: Env };

/** Lexical let scope; Kusto names are case-sensitive. */
export class Env {
  private readonly vars = new Map<string, LetSymbol>();
  constructor(readonly parent: Env | null) {}

  lookup(name: string): LetSymbol | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  define(sym: LetSymbol): void {
    this.vars.set(sym.name, sym);
  }

  names(): string[] {
    return [...this.vars.keys(), ...(this.parent?.names() ?? [])];
  }

  child(): Env {
    return new Env(this);
  }
}

/** The columns visible to an expression. */
export interface RowScope {
  readonly columns: readonly Column[];
  /** Set inside join/lookup conditions. */
  readonly left?: readonly Column[];
  readonly right?: readonly Column[];
  /** Aggregate functions are allowed (summarize aggregates, make-series, top-nested ...). */
  readonly aggregates?: boolean;
}

export const EMPTY_ROW: RowScope = { columns: [] };

export function findColumn(cols: readonly Column[], name: string): Column | undefined {
  return cols.find((c) => c.name === name);
}

export class Binder {
  readonly diagnostics: Diagnostic[] = [];
  readonly lets: BoundLetTable[] = [];
  /** `set` statement values by option name (bin_auto reads query_bin_auto_size/_at). */
  readonly options = new Map<string, Expr>();
  private nextLetId = 1;
  /** Guards runaway recursion through user functions. */
  depth = 0;

  /** bag_unpack operators (by span start) whose columns could not be known without data. */
  readonly pendingBagUnpacks: number[] = [];

  constructor(
    readonly tables: ReadonlyMap<string, TableSchema>,
    /** bag_unpack keys read from the data by the engine, by the operator's span start. */
    readonly bagKeys: BagKeys = new Map(),
  ) {}

  report<P>(def: DiagnosticDef<P>, params: P, span: Span, hint?: string): void {
    this.diagnostics.push(diagnostic(def, params, span, hint));
  }

  letId(): number {
    return this.nextLetId++;
  }
}

export function schemaOf(columns: readonly Column[]): TableSchema {
  return { columns };
}

/** Unique name: `base`, else `base1`, `base2`, ... (Kusto's rule for duplicate output names). */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) {
    const n = `${base}${i}`;
    if (!taken.has(n)) return n;
  }
}
