// assert(condition, message) (assert-function.md): the condition must be a constant at
// analysis; true binds as `true`, false is a semantic error with the message. Conditions the
// binder can't fold (anything but literals, comparisons, and/or/not) are left to the catalog,
// which refuses them: a runtime check would pass silently on an empty table.
import type { BoundExpr } from '../bound.js';

type Const = number | boolean | string | null;

function fold(e: BoundExpr): Const | undefined {
  switch (e.kind) {
    case 'Literal': {
      if (typeof e.value === 'boolean' || e.value === null) return e.value;
      if (e.type === 'int' || e.type === 'long' || e.type === 'real') {
        const n = Number(e.value);
        return Number.isNaN(n) ? undefined : n;
      }
      return e.type === 'string' ? e.value : undefined;
    }
    case 'Unary': {
      const v = fold(e.operand);
      return typeof v === 'number' ? (e.op === '-' ? -v : v) : undefined;
    }
    case 'LetScalar':
      return fold(e.value);
    case 'Convert':
      return e.type === 'int' || e.type === 'long' || e.type === 'real' ? numeric(fold(e.operand)) : undefined;
    case 'Binary':
      return foldBinary(e.op, fold(e.left), fold(e.right));
    case 'Call':
      if (e.name === 'not' && e.args.length === 1) {
        const v = fold(e.args[0] as BoundExpr);
        return typeof v === 'boolean' ? !v : undefined;
      }
      return undefined;
    default:
      return undefined;
  }
}

const numeric = (v: Const | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

function foldBinary(op: string, l: Const | undefined, r: Const | undefined): Const | undefined {
  if (op === 'and' || op === 'or') {
    if (typeof l !== 'boolean' || typeof r !== 'boolean') return undefined;
    return op === 'and' ? l && r : l || r;
  }
  const same = (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string');
  if (!same) return undefined;
  const a = l as number | string;
  const b = r as number | string;
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return undefined;
  }
}

/** The folded condition: true, false, or undefined when it isn't a foldable constant. */
export function assertCondition(e: BoundExpr): boolean | undefined {
  const v = fold(e);
  return typeof v === 'boolean' ? v : undefined;
}
