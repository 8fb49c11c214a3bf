// Payloads of operators bound as Opaque that the engine can still run exactly (scan,
// top-nested); re-exported by bound.ts.
import type { BoundColumnDef, BoundExpr } from './bound-expr.js';
import type { ScalarType } from './types.js';

/**
 * `scan`: a reference `step.col` in a condition or assignment binds as a Column named
 * `step.col` (SCAN_REF_SEPARATOR between them); bare names are the current record's columns.
 */
export interface BoundScan {
  readonly matchId: string | null;
  readonly declared: readonly { readonly name: string; readonly type: ScalarType; readonly init: BoundExpr | null }[];
  readonly steps: readonly BoundScanStep[];
}

export interface BoundScanStep {
  readonly name: string;
  readonly output: 'all' | 'last' | 'none';
  readonly condition: BoundExpr;
  readonly assignments: readonly BoundColumnDef[];
}

export const SCAN_REF_SEPARATOR = '.';

export interface BoundTopNestedLevel {
  readonly count: BoundExpr | null;
  readonly of: BoundColumnDef;
  readonly by: BoundColumnDef;
  readonly direction: 'asc' | 'desc';
  readonly withOthers: boolean;
}
