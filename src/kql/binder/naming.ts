// Kusto's names for unnamed expressions (mirrors Binder.GetExpressionResultName in the
// official analyser): a column keeps its name, `d.a` on a dynamic column is `d_a`,
// name-preserving functions (tostring(x), bin(x, 1h)) keep their argument's name,
// aggregates get `prefix_arg` (count_, sum_X), everything else gets ColumnN / print_N.
import type { Expr } from '../ast.js';
import { RESULT_NAMES } from './naming-data.js';

/** Name of `e` when it has one by Kusto's rules, or `fallback`. */
export function resultName(e: Expr, fallback: string | null = null): string | null {
  switch (e.kind) {
    case 'Paren':
      return resultName(e.expr, fallback);
    case 'NameRef':
      return e.name.name;
    case 'JoinSideRef':
      return e.name.name;
    case 'NamedArg':
      return e.name.name;
    case 'MemberAccess': {
      const left = e.target.kind === 'NameRef' ? e.target.name.name : null;
      return left !== null ? `${left}_${e.member.name}` : e.member.name;
    }
    case 'IndexAccess': {
      const sel = e.index;
      const right =
        sel.kind === 'Literal' &&
        (sel.type === 'string' || sel.type === 'long' || sel.type === 'int') &&
        sel.value !== null
          ? String(sel.value)
          : null;
      if (right === null) return fallback;
      const left = e.target.kind === 'NameRef' ? e.target.name.name : null;
      return left !== null ? `${left}_${right}` : right;
    }
    case 'Call':
      return callResultName(e.callee.name, e.args, fallback);
    default:
      return fallback;
  }
}

function callResultName(fn: string, args: readonly Expr[], fallback: string | null): string | null {
  const entry = RESULT_NAMES[fn] ?? RESULT_NAMES[fn.toLowerCase()];
  if (entry === undefined) return fallback;
  const [kind, prefix] = entry;
  const first = args[0];
  const firstName = first === undefined ? null : resultName(first, null);
  switch (kind) {
    case 'FirstArgument':
      return firstName ?? fallback;
    case 'OnlyArgument':
      return args.length === 1 ? (firstName ?? fallback) : fallback;
    case 'FirstArgumentValueIfColumn':
      return first !== undefined && first.kind === 'NameRef' ? first.name.name : fallback;
    case 'NameAndFirstArgument':
      return `${fn}_${firstName ?? ''}`;
    case 'NameAndOnlyArgument':
      return args.length === 1 ? `${fn}_${firstName ?? ''}` : fn;
    case 'PrefixAndFirstArgument':
      return `${prefix ?? fn}_${firstName ?? ''}`;
    case 'PrefixAndOnlyArgument':
      return args.length === 1 ? `${prefix ?? fn}_${firstName ?? ''}` : (prefix ?? fn);
    case 'PrefixOnly':
      return prefix ?? fn;
    default:
      return prefix !== null ? `${prefix}_${firstName ?? ''}` : fallback;
  }
}

/** Hands out Column1, Column2 ... (or print_0, print_1 ...) for unnamed expressions. */
export class UnnamedNames {
  private n: number;
  constructor(
    private readonly prefix: string,
    start: number,
  ) {
    this.n = start;
  }
  next(taken: ReadonlySet<string>): string {
    for (;;) {
      const name = `${this.prefix}${this.n++}`;
      if (!taken.has(name)) return name;
    }
  }
}
