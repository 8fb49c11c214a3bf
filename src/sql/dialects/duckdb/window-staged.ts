// Window functions that SQL can't write as one window expression: the `restart` forms of
// row_number/row_cumsum, row_rank_dense, row_rank_min (they need windows over windows:
// restart groups, then runs of equal terms) and row_window_session (sequential: a session
// start depends on the previous one, so it is a recursive CTE over the row order).
// The node's input is numbered once (`__w0`, its serialized order); every argument of a
// staged call is evaluated as a column in that same select (so `prev(x)` in a restart
// condition sees the input order), later stages order their windows by `__w0` explicitly,
// and the result is re-sorted by `__w0` for the node's own `OVER ()` windows.
import { diagnostic } from '../../../kql/diagnostics/diagnostic.js';
import { TranslationError, UNSUPPORTED_FUNCTION } from '../../diagnostics.js';
import { sqlIdent } from '../../escape.js';
import type { Sx } from '../../plan.js';
import { duckType } from './literals.js';

const STAGED = new Set(['row_rank_dense', 'row_rank_min', 'row_window_session']);
const RESTARTABLE = new Set(['row_number', 'row_cumsum']);

function isStaged(e: Sx): boolean {
  if (e.k !== 'fn') return false;
  if (STAGED.has(e.name)) return true;
  return RESTARTABLE.has(e.name) && e.args.length >= 2;
}

export function hasStaged(e: Sx): boolean {
  if (isStaged(e)) return true;
  switch (e.k) {
    case 'fn':
    case 'op':
      return e.args.some(hasStaged);
    case 'path':
      return hasStaged(e.target) || e.steps.some(hasStaged);
    case 'inq':
      return hasStaged(e.left);
    default:
      return false;
  }
}

export interface StagedSource {
  /** The FROM source (a parenthesised subquery) with the staged values as columns. */
  readonly from: string;
  /** The node's expressions with every staged call replaced by its column. */
  readonly exprs: readonly Sx[];
}

interface Call {
  readonly fn: Extract<Sx, { k: 'fn' }>;
  readonly out: string;
  /** Hoisted argument columns, in argument order. */
  readonly args: readonly string[];
}

const ORDER = '"__w0"';
const q = sqlIdent;

/**
 * Computes the staged calls of `exprs` over `inputSql`. `scalar` emits an expression over the
 * input's columns (it may contain ordinary `OVER ()` windows); `fresh` gives a unique prefix.
 */
export function stageWindows(
  exprs: readonly Sx[],
  inputSql: string,
  scalar: (e: Sx) => string,
  fresh: () => string,
): StagedSource {
  const prefix = fresh();
  const calls: Call[] = [];
  const rewrite = (e: Sx): Sx => {
    if (e.k === 'fn' && isStaged(e)) {
      const n = calls.length;
      const inner = { ...e, args: e.args.map(rewrite) };
      const args = inner.args.map((_a, i) => `__${prefix}_a${n}_${i}`);
      const out = `__${prefix}_v${n}`;
      calls.push({ fn: inner, out, args });
      return { k: 'col', name: out, type: e.type };
    }
    switch (e.k) {
      case 'fn':
      case 'op':
        return { ...e, args: e.args.map(rewrite) };
      case 'path':
        return { ...e, target: rewrite(e.target), steps: e.steps.map(rewrite) };
      case 'inq':
        return { ...e, left: rewrite(e.left) };
      default:
        return e;
    }
  };
  const rewritten = exprs.map(rewrite);
  // A staged call inside another's argument would need its own numbering stage first.
  const hoisted = calls.flatMap((c) =>
    c.fn.args.map((a, i) => {
      if (hasStagedCol(a, calls))
        throw new TranslationError(
          diagnostic(
            UNSUPPORTED_FUNCTION,
            { name: c.fn.name, dialect: 'DuckDB' },
            c.fn.span,
            'nested in another window function',
          ),
        );
      return `${scalar(a)} AS ${q(c.args[i] ?? '')}`;
    }),
  );
  let sql = `SELECT *, row_number() OVER () AS ${ORDER}${hoisted.map((h) => `, ${h}`).join('')} FROM (${inputSql})`;

  const groups = calls
    .filter((c) => restartArg(c) !== null)
    .map(
      (c) =>
        `sum(CASE WHEN ${q(restartArg(c) ?? '')} THEN 1 ELSE 0 END) OVER (ORDER BY ${ORDER} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${q(`${c.out}_g`)}`,
    );
  if (groups.length > 0) sql = `SELECT *, ${groups.join(', ')} FROM (${sql})`;

  const over = (c: Call, rows = false) =>
    `OVER (${restartArg(c) === null ? '' : `PARTITION BY ${q(`${c.out}_g`)} `}ORDER BY ${ORDER}${rows ? ' ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW' : ''})`;
  const third: string[] = [];
  const fourth: string[] = [];
  const sessions: Call[] = [];
  for (const c of calls) {
    const a0 = q(c.args[0] ?? '');
    const cast = duckType(c.fn.type);
    switch (c.fn.name) {
      case 'row_number': {
        third.push(`CAST(row_number() ${over(c)} + ${a0} - 1 AS ${cast}) AS ${q(c.out)}`);
        break;
      }
      case 'row_cumsum':
        third.push(`CAST(sum(${a0}) ${over(c, true)} AS ${cast}) AS ${q(c.out)}`);
        break;
      case 'row_rank_dense':
      case 'row_rank_min': {
        const n = q(`${c.out}_n`);
        const chg = q(`${c.out}_c`);
        third.push(`row_number() ${over(c)} AS ${n}`);
        third.push(
          `CASE WHEN row_number() ${over(c)} = 1 OR ${a0} IS DISTINCT FROM lag(${a0}) ${over(c)} THEN 1 ELSE 0 END AS ${chg}`,
        );
        const v =
          c.fn.name === 'row_rank_dense'
            ? `sum(${chg}) ${over(c, true)}`
            : `max(CASE WHEN ${chg} = 1 THEN ${n} END) ${over(c, true)}`;
        fourth.push(`CAST(${v} AS ${cast}) AS ${q(c.out)}`);
        break;
      }
      case 'row_window_session':
        sessions.push(c);
        break;
    }
  }
  if (third.length > 0) sql = `SELECT *, ${third.join(', ')} FROM (${sql})`;
  if (fourth.length > 0) sql = `SELECT *, ${fourth.join(', ')} FROM (${sql})`;
  for (const c of sessions) sql = session(c, sql, fresh());
  return { from: `(SELECT * FROM (${sql}) ORDER BY ${ORDER})`, exprs: rewritten };
}

function hasStagedCol(e: Sx, calls: readonly Call[]): boolean {
  if (e.k === 'col') return calls.some((c) => c.out === e.name);
  if (e.k === 'fn' || e.k === 'op') return e.args.some((a) => hasStagedCol(a, calls));
  if (e.k === 'path') return hasStagedCol(e.target, calls) || e.steps.some((s) => hasStagedCol(s, calls));
  return false;
}

/** The restart argument's column: argument 1 of row_number/row_rank_*, 3 of row_window_session, 1 of row_cumsum. */
function restartArg(c: Call): string | null {
  const i = c.fn.name === 'row_window_session' ? 3 : 1;
  return c.args[i] ?? null;
}

/**
 * row_window_session(t, maxFromFirst, maxBetweenNeighbors, restart): a new session starts
 * when there is no previous session value (first row, or the previous value was null), when
 * t >= session start + maxFromFirst, when t >= previous t + maxBetweenNeighbors, or on
 * restart. Timespans are ticks (100 ns).
 */
function session(c: Call, input: string, name: string): string {
  const src = q(`${name}_src`);
  const res = q(`${name}_res`);
  const [t, d1, d2] = [0, 1, 2].map((i) => q(c.args[i] ?? ''));
  const r = restartArg(c);
  // The sequence goes to JavaScript as one text (a recursive query took ~70 s for 50k rows):
  // per row `ns,d1,d2,restart` (ns empty for null), rows in order, joined by ';'.
  const row =
    `concat_ws(',', coalesce(CAST(epoch_ns(${t}) AS VARCHAR), ''), coalesce(CAST(${d1} AS VARCHAR), ''), ` +
    `coalesce(CAST(${d2} AS VARCHAR), ''), CASE WHEN ${r === null ? 'false' : `coalesce(${q(r)}, false)`} THEN '1' ELSE '0' END)`;
  const starts = `string_split(kql_row_window_session(string_agg(${row}, ';' ORDER BY ${ORDER})), ';')`;
  return (
    `WITH ${src} AS MATERIALIZED (${input}), ` +
    `${res} AS (SELECT unnest(range(1, len(l) + 1)) AS i, unnest(l) AS v FROM (SELECT ${starts} AS l FROM ${src})) ` +
    `SELECT ${src}.*, CASE WHEN ${res}.v = '' THEN NULL ELSE make_timestamp_ns(CAST(${res}.v AS BIGINT)) END AS ${q(c.out)} ` +
    `FROM ${src} JOIN ${res} ON ${res}.i = ${src}.${ORDER}`
  );
}
