// THE escaping function. User text reaches SQL only through these two functions or
// through bound parameters; test/sql/escape.test.ts runs them over a hostile corpus.

/**
 * A DuckDB string literal. Single quotes are doubled; DuckDB treats backslashes
 * literally in standard strings, so they need no escaping. NUL cannot be stored in
 * a DuckDB VARCHAR literal, so it is rejected rather than silently truncated.
 */
export function sqlString(s: string): string {
  if (s.includes('\u0000')) {
    // chr(0) concatenation keeps the exact value where DuckDB accepts it.
    return s
      .split('\u0000')
      .map((part) => `'${part.replace(/'/g, "''")}'`)
      .join(' || chr(0) || ');
  }
  return `'${s.replace(/'/g, "''")}'`;
}

/** A DuckDB quoted identifier: wrapped in double quotes, embedded double quotes doubled. */
export function sqlIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains NUL');
  return `"${name.replace(/"/g, '""')}"`;
}
