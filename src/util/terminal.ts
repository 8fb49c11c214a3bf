// Telemetry is attacker-controlled: a command line can carry ANSI escapes that rewrite
// an analyst's terminal. Everything printed to a TTY from data goes through here.

// C0 controls except tab/newline, DEL, C1 controls, and the Unicode bidi overrides
// used to visually reorder file names (e.g. "exe.txt" spoofing).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replace control characters with visible escapes such as `\x1b`, keeping tabs and newlines. */
export function sanitizeForTerminal(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** As sanitizeForTerminal, and also flattens newlines, for single-line table cells. */
export function sanitizeCell(s: string): string {
  return sanitizeForTerminal(s)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, '\\t');
}
