// Bound expansion and parsing operators (mv-expand, mv-apply, parse, parse-where, parse-kv);
// re-exported by bound.ts, where the other tabular nodes and the BoundTable union live.
import type { BoundExpr } from './bound-expr.js';
import type { BoundTable, OpBase } from './bound.js';
import type { Column, ScalarType } from './types.js';

export interface BoundMvExpandItem {
  readonly name: string;
  readonly expr: BoundExpr;
  /** Element type: dynamic unless `to typeof(T)`. */
  readonly type: ScalarType;
}

export interface BoundMvExpand extends OpBase {
  readonly kind: 'MvExpand';
  readonly bagExpansion: 'bag' | 'array';
  readonly items: readonly BoundMvExpandItem[];
  readonly withItemIndex: string | null;
  readonly limit: BoundExpr | null;
}

export interface BoundMvApply extends OpBase {
  readonly kind: 'MvApply';
  readonly items: readonly BoundMvExpandItem[];
  readonly withItemIndex: string | null;
  readonly limit: BoundExpr | null;
  /** Fed by an ImplicitInput with the input columns plus the expanded items. */
  readonly body: BoundTable;
}

export type BoundParsePart =
  | { readonly kind: 'Text'; readonly text: string }
  | { readonly kind: 'Capture'; readonly name: string; readonly type: ScalarType }
  | { readonly kind: 'Skip' };

export interface BoundParse extends OpBase {
  readonly kind: 'Parse';
  readonly parseKind: 'simple' | 'regex' | 'relaxed';
  /** parse-where: drop rows that don't match. */
  readonly where: boolean;
  readonly flags: string | null;
  readonly source: BoundExpr;
  readonly parts: readonly BoundParsePart[];
}

export interface BoundParseKv extends OpBase {
  readonly kind: 'ParseKv';
  readonly source: BoundExpr;
  readonly columns: readonly Column[];
  readonly options: Readonly<Record<string, string>>;
}
