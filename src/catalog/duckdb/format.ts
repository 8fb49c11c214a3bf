// format_datetime / format_timespan: Kusto's (.NET-style) format strings compiled at
// translation time into SQL concatenations. Only the documented specifiers and delimiters
// are accepted; anything else is reported unsupported rather than guessed.
import { Unsupported } from './render.js';
import { TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND } from './values.js';

const DELIMITERS = new Set([' ', '/', '-', ':', ',', '.', '_', '[', ']']);

interface Token {
  readonly kind: 'spec' | 'text';
  readonly text: string;
}

function tokenize(fmt: string, letters: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < fmt.length;) {
    const ch = fmt[i] as string;
    if (letters.includes(ch)) {
      let j = i;
      while (fmt[j] === ch) j++;
      out.push({ kind: 'spec', text: fmt.slice(i, j) });
      i = j;
    } else if (DELIMITERS.has(ch)) {
      out.push({ kind: 'text', text: ch });
      i++;
    } else {
      throw new Unsupported(`format specifier '${ch}'`);
    }
  }
  return out;
}

/** 7-digit fraction text, and the f/F specifiers over it. */
function fraction(spec: string, frac7: string): string {
  const n = spec.length;
  if (n > 7) throw new Unsupported(`format specifier ${spec}`);
  const digits = `left(${frac7}, ${n})`;
  return spec[0] === 'f' ? digits : `rtrim(${digits}, '0')`;
}

function assemble(
  tokens: readonly Token[],
  render: (spec: string) => string,
  lit: (s: string) => string,
  frac7: string,
): string {
  const parts: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'text') {
      // .NET drops the '.' before an F specifier that prints nothing.
      const next = tokens[i + 1];
      if (t.text === '.' && next?.kind === 'spec' && next.text.startsWith('F')) {
        parts.push(`(CASE WHEN ${fraction(next.text, frac7)} = '' THEN '' ELSE '.' END)`);
      } else parts.push(lit(t.text));
      return;
    }
    parts.push(render(t.text));
  });
  return parts.length === 0 ? "''" : `(${parts.join(' || ')})`;
}

function num(x: string, pad: number): string {
  return pad <= 1 ? `CAST(${x} AS VARCHAR)` : `lpad(CAST(${x} AS VARCHAR), ${pad}, '0')`;
}

export function formatDatetimeSql(dt: string, fmt: string, lit: (s: string) => string): string {
  const tokens = tokenize(fmt, 'dfFhHmMsyt');
  const frac7 = `lpad(CAST(((epoch_ns(${dt}) % 1000000000 + 1000000000) % 1000000000) // 100 AS VARCHAR), 7, '0')`;
  const render = (spec: string): string => {
    const c = spec[0];
    const n = spec.length;
    switch (c) {
      case 'd':
        if (n > 2) break;
        return num(`day(${dt})`, n);
      case 'M':
        if (n > 2) break;
        return num(`month(${dt})`, n);
      case 'y':
        if (n === 1 || n === 2) return num(`year(${dt}) % 100`, n);
        if (n === 4) return num(`year(${dt})`, 4);
        break;
      case 'H':
        if (n > 2) break;
        return num(`hour(${dt})`, n);
      case 'h':
        if (n > 2) break;
        return num(`(CASE WHEN hour(${dt}) % 12 = 0 THEN 12 ELSE hour(${dt}) % 12 END)`, n);
      case 'm':
        if (n > 2) break;
        return num(`minute(${dt})`, n);
      case 's':
        if (n > 2) break;
        return num(`second(${dt})`, n);
      case 'f':
      case 'F':
        return fraction(spec, frac7);
      case 't':
        if (n === 2) return `(CASE WHEN hour(${dt}) < 12 THEN 'AM' ELSE 'PM' END)`;
        break;
      default:
        break;
    }
    throw new Unsupported(`format specifier ${spec}`);
  };
  const body = assemble(tokens, render, lit, frac7);
  return `(CASE WHEN ${dt} IS NULL THEN '' ELSE ${body} END)`;
}

export function formatTimespanSql(ts: string, fmt: string, lit: (s: string) => string): string {
  // The documented examples also use h/hh for the hours of a timespan.
  const tokens = tokenize(fmt, 'dfFhHms');
  const a = `abs(${ts})`;
  const frac7 = `lpad(CAST(${a} % ${TICKS_PER_SECOND} AS VARCHAR), 7, '0')`;
  const render = (spec: string): string => {
    const n = spec.length;
    switch (spec[0]) {
      case 'd':
        if (n > 8) break;
        return num(`${a} // ${TICKS_PER_DAY}`, n);
      case 'H':
      case 'h':
        if (n > 2) break;
        return num(`(${a} // ${TICKS_PER_HOUR}) % 24`, n);
      case 'm':
        if (n > 2) break;
        return num(`(${a} // ${TICKS_PER_MINUTE}) % 60`, n);
      case 's':
        if (n > 2) break;
        return num(`(${a} // ${TICKS_PER_SECOND}) % 60`, n);
      case 'f':
      case 'F':
        return fraction(spec, frac7);
      default:
        break;
    }
    throw new Unsupported(`format specifier ${spec}`);
  };
  const body = assemble(tokens, render, lit, frac7);
  return `(CASE WHEN ${ts} IS NULL THEN '' ELSE ${body} END)`;
}
