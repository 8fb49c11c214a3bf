// Operator dispatch. Operator names are contextual words; hyphenated ones
// (`project-away`, `mv-expand`) are separate tokens in the lexer and are joined
// here only when written with no whitespace, so `a-b` in an expression is untouched.
import type { Expr, Operator } from '../ast.js';
import { OPERATOR_EXPECTED } from '../diagnostics/syntax-codes.js';
import { describe, PIPE_STOPS, type Parser } from './core.js';
import { headPipeline } from './expressions.js';
import { OPERATOR_PARSERS, HEAD_OPERATORS } from './operator-table.js';

/** The (possibly hyphenated) word at the cursor and how many tokens it spans. */
export function peekOperatorName(p: Parser): { name: string; tokens: number } | null {
  const t = p.tok;
  if (t.kind !== 'ident') return null;
  let name = t.text;
  let k = 1;
  for (;;) {
    const dash = p.peek(k);
    const word = p.peek(k + 1);
    if (dash.kind === 'punct' && dash.text === '-' && !dash.spaceBefore && word.kind === 'ident' && !word.spaceBefore) {
      name += `-${word.text}`;
      k += 2;
    } else break;
  }
  return { name, tokens: k };
}

/** After `|`. Reports KS176 and skips to the next `|`/`;` when no operator is recognised. */
export function parseOperator(p: Parser): Operator | null {
  const start = p.tok.start;
  const op = peekOperatorName(p);
  // Hyphenated names take precedence; else try the first word alone (`project` vs `project-x`).
  let parser = op === null ? undefined : OPERATOR_PARSERS.get(op.name);
  let tokens = op?.tokens ?? 0;
  // An unknown hyphenated name close to a known one (`project-awy`) is a typo, not `project` minus `awy`.
  const typo = parser === undefined && op !== null && op.tokens > 1 ? suggest(op.name) : undefined;
  if (parser === undefined && op !== null && op.tokens > 1 && (typo === undefined || !typo.includes('-'))) {
    parser = OPERATOR_PARSERS.get(p.tok.text);
    tokens = 1;
  }
  if (parser === undefined || op === null) {
    const found = op === null ? describe(p.tok) : `'${op.name}'`;
    const guess = op === null ? undefined : suggest(op.name);
    p.error(
      OPERATOR_EXPECTED,
      { found },
      { start, end: op === null ? p.tok.end : p.peek(op.tokens - 1).end },
      guess === undefined ? undefined : `did you mean \`${guess}\`?`,
    );
    p.syncTo(PIPE_STOPS);
    return null;
  }
  for (let i = 0; i < tokens; i++) p.next();
  return parser(p, start);
}

/** Source-less operators that begin a pipeline in expression position (`print 1`, `union T1, T2`). */
export function parseHeadOperator(p: Parser): Expr | null {
  const t = p.tok;
  const head = HEAD_OPERATORS.get(t.text);
  if (head === undefined || !head.starts(p)) return null;
  p.next();
  const r = head.parse(p, t.start);
  return r.kind === 'Datatable' || r.kind === 'ExternalData' ? r : headPipeline(r);
}

function suggest(name: string): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of OPERATOR_PARSERS.keys()) {
    const d = editDistance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}
