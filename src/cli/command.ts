// Shared CLI plumbing: every command module exports `run(args)` returning an exit code.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandModule {
  run(args: readonly string[]): Promise<number>;
}

/** An expected, user-facing failure: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with errors turned into CliError. */
export function parseCommandArgs<O extends Options>(args: readonly string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

export const DEFAULT_DB = './exfilhunt.duckdb';
