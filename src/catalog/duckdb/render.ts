// Expands a catalog SQL template with compiled argument SQL.
import type { SqlArg, SqlContext, SqlTemplate } from '../types.js';

/**
 * Thrown by a function template when a particular call has no exact translation (for
 * example a non-constant format string). Callers turn it into a coded "unsupported"
 * diagnostic; `renderTemplate` returns it as a failure.
 */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unsupported';
  }
}

export type RenderResult =
  { readonly ok: true; readonly sql: string } | { readonly ok: false; readonly reason: string };

/** `$0`, `$1`, ... become the argument SQL (parenthesised); `$*` all of them comma-joined. */
export function substitute(pattern: string, args: readonly SqlArg[]): string {
  return pattern.replace(/\$(\d+|\*)/g, (_, which: string) => {
    if (which === '*') return args.map((a) => `(${a.sql})`).join(', ');
    const arg = args[Number(which)];
    if (!arg) throw new Unsupported(`missing argument ${which}`);
    return `(${arg.sql})`;
  });
}

export function renderTemplate(
  template: SqlTemplate | undefined,
  args: readonly SqlArg[],
  ctx: SqlContext,
): RenderResult {
  if (template === null || template === undefined) return { ok: false, reason: 'no exact translation' };
  try {
    const sql = typeof template === 'string' ? substitute(template, args) : template(args, ctx);
    return { ok: true, sql };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.reason };
    throw e;
  }
}

export function arg(args: readonly SqlArg[], i: number): SqlArg {
  const a = args[i];
  if (!a) throw new Unsupported(`missing argument ${i}`);
  return a;
}

/** The constant string value of an argument, or Unsupported (regexes, formats and units must be constant). */
export function constString(args: readonly SqlArg[], i: number, what: string): string {
  const c = arg(args, i).constant;
  if (typeof c !== 'string') throw new Unsupported(`${what} must be a constant string`);
  return c;
}

export function constNumber(args: readonly SqlArg[], i: number, what: string): number {
  const c = arg(args, i).constant;
  if (typeof c !== 'number') throw new Unsupported(`${what} must be a constant number`);
  return c;
}
