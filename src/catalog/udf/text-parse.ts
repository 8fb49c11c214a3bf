// indexof_regex, parse_path, parse_command_line, format_bytes: string scans whose rules
// (match windows, Windows argv quoting, path parts, unit choice) SQL can't state exactly.
import { num, str, UdfError, type UdfSpec, type UdfValue } from './types.js';

const integer = (v: UdfValue): number => {
  const n = num(v);
  if (!Number.isInteger(n)) throw new UdfError('expected an integer argument');
  return n;
};

/**
 * Kusto regexes are RE2; JavaScript's engine agrees on the common syntax. RE2's `(?P<name>`
 * becomes `(?<name>` and a leading `(?flags)` group becomes RegExp flags; a pattern JavaScript
 * can't compile is a query error, never a silently different match.
 */
export function re2ToJs(pattern: string): RegExp {
  let src = pattern.replace(/\(\?P</g, '(?<');
  let flags = 'g';
  const lead = /^\(\?([ims]+)\)/.exec(src);
  if (lead !== null) {
    for (const f of lead[1] ?? '') if (!flags.includes(f)) flags += f;
    src = src.slice(lead[0].length);
  }
  try {
    return new RegExp(src, flags);
  } catch {
    throw new UdfError(`regular expression '${pattern}' is not supported`);
  }
}

/**
 * indexof_regex(s, re, start, length, occurrence) (indexof-regex-function.md): the search
 * examines s[start, start+length) (-1: to the end); occurrences don't overlap, each one
 * searched after the end of the previous match. A negative start, occurrence or a length
 * below -1 gives null.
 */
export function indexOfRegex(s: string, re: RegExp, start: number, length: number, occurrence: number): number | null {
  if (start < 0 || occurrence < 0 || length < -1) return null;
  if (start > s.length) return -1;
  const end = length === -1 ? s.length : Math.min(start + length, s.length);
  const window = s.slice(0, end);
  re.lastIndex = start;
  let found = -1;
  for (let k = 0; k < Math.max(occurrence, 1); k++) {
    const m = re.exec(window);
    if (m === null) return -1;
    found = m.index;
    // An empty match would find itself again; step past it.
    if (m[0] === '') re.lastIndex = m.index + 1;
  }
  return found;
}

/** The parts of a file path, with the keys and order of parse-path-function.md. */
export function parsePath(path: string): Record<string, string> {
  let rest = path;
  let scheme = '';
  // A scheme needs two letters or more, so a drive letter (C:) is never one.
  const sm = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//.exec(rest);
  if (sm !== null) {
    scheme = sm[1] ?? '';
    rest = rest.slice(sm[0].length);
  }
  const root = /^[A-Za-z]:/.exec(rest)?.[0] ?? '';
  const cut = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\'));
  const dir = cut < 0 ? '' : rest.slice(0, cut);
  let name = cut < 0 ? rest.slice(root.length) : rest.slice(cut + 1);
  let stream = '';
  const colon = name.indexOf(':');
  if (colon >= 0) {
    stream = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const dot = name.lastIndexOf('.');
  const dirCut = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\'));
  const dirName = dir.slice(dirCut + 1);
  return {
    Scheme: scheme,
    RootPath: root,
    DirectoryPath: dir,
    DirectoryName: dirName === root ? '' : dirName,
    Filename: name,
    Extension: dot < 0 ? '' : name.slice(dot + 1),
    AlternateDataStreamName: stream,
  };
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * CommandLineToArgvW's rules (the ones Wine documents): the program name ends at the closing
 * quote or the first blank, backslashes are literal; in the arguments, 2n backslashes before
 * a quote give n backslashes and toggle quoting, 2n+1 give n and a literal quote, and inside
 * quotes every third consecutive quote is a literal one.
 */
export function parseWindowsCommandLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  if (line.length === 0) return out;
  let first = '';
  if (line[0] === '"') {
    i = 1;
    while (i < line.length && line[i] !== '"') first += line[i++];
    if (i < line.length) i++;
  } else while (i < line.length && !isBlank(line[i])) first += line[i++];
  out.push(first);
  while (isBlank(line[i])) i++;
  if (i >= line.length) return out;
  let cur = '';
  let bcount = 0;
  let qcount = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (isBlank(c) && qcount === 0) {
      out.push(cur);
      cur = '';
      bcount = 0;
      while (isBlank(line[i])) i++;
      if (i >= line.length) return out;
      continue;
    }
    if (c === '\\') {
      cur += c;
      bcount++;
      i++;
      continue;
    }
    if (c === '"') {
      if (bcount % 2 === 0) {
        cur = cur.slice(0, cur.length - bcount / 2);
        qcount++;
      } else cur = cur.slice(0, cur.length - (bcount + 1) / 2) + '"';
      i++;
      bcount = 0;
      while (line[i] === '"') {
        if (++qcount === 3) {
          cur += '"';
          qcount = 0;
        }
        i++;
      }
      if (qcount === 2) qcount = 0;
      continue;
    }
    cur += c;
    bcount = 0;
    i++;
  }
  out.push(cur);
  return out;
}

export const BYTE_UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/**
 * format_bytes(size, precision, units): size in 1024-based `units`, or the largest unit the
 * size reaches, rounded to `precision` decimals and printed without trailing zeros
 * (format-bytes-function.md: 10332 with precision 1 is "10.1 KB", 20010332 is "19 MB").
 */
export function formatBytes(size: number, precision: number, units: string): string {
  if (!Number.isFinite(size)) throw new UdfError('format_bytes: size must be finite');
  if (precision < 0 || precision > 100) throw new UdfError('format_bytes: precision must be 0..100');
  let k = BYTE_UNITS.findIndex((u) => u === units);
  if (k < 0) {
    if (units !== '') throw new UdfError(`format_bytes: unknown units '${units}'`);
    k = 0;
    while (k < BYTE_UNITS.length - 1 && Math.abs(size) >= 1024 ** (k + 1)) k++;
  }
  const v = size / 1024 ** k;
  return `${Number(v.toFixed(precision))} ${BYTE_UNITS[k] ?? ''}`;
}

export const TEXT_PARSE_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_indexof_regex',
    params: ['VARCHAR', 'VARCHAR', 'BIGINT', 'BIGINT', 'BIGINT'],
    returns: 'BIGINT',
    fn: ([s, re, st, len, occ]) => {
      const r = indexOfRegex(
        str(s ?? null),
        re2ToJs(str(re ?? null)),
        integer(st ?? null),
        integer(len ?? null),
        integer(occ ?? null),
      );
      return r === null ? null : BigInt(r);
    },
  },
  {
    name: 'kql_parse_path',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => JSON.stringify(parsePath(str(s ?? null))),
  },
  {
    name: 'kql_parse_command_line_windows',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => JSON.stringify(parseWindowsCommandLine(str(s ?? null))),
  },
  {
    name: 'kql_format_bytes',
    params: ['DOUBLE', 'BIGINT', 'VARCHAR'],
    returns: 'VARCHAR',
    fn: ([v, prec, units]) => formatBytes(num(v ?? null), integer(prec ?? null), str(units ?? null)),
  },
];
