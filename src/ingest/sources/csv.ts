// A streaming RFC 4180 CSV parser: quoted cells may hold commas, doubled quotes and line
// breaks (the portal puts JSON in quoted cells); CRLF or LF; a leading BOM is dropped.

export interface CsvRecord {
  readonly cells: string[];
  /** 1-based physical line where the record starts. */
  readonly line: number;
}

export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteSeen = false; // just saw a closing-or-doubled quote inside a quoted field
  let line = 1;
  let recordLine = 1;
  let atStart = true;
  let fieldStarted = false;
  let pendingCR = false;

  const endRecord = (): CsvRecord | undefined => {
    cells.push(field);
    const rec = { cells, line: recordLine };
    cells = [];
    field = '';
    fieldStarted = false;
    // A blank line is not a record.
    if (rec.cells.length === 1 && rec.cells[0] === '') return undefined;
    return rec;
  };

  for await (let chunk of chunks) {
    if (atStart) {
      if (chunk.length === 0) continue;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      atStart = false;
    }
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (chunk.charCodeAt(i) === 34) {
            field += '"';
            i++;
            continue;
          }
          inQuotes = false;
          continue; // re-read this char unquoted
        }
        const q = chunk.indexOf('"', i);
        const end = q === -1 ? n : q;
        const part = chunk.slice(i, end);
        for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) line++;
        field += part;
        if (q === -1) {
          i = n;
        } else {
          quoteSeen = true;
          i = q + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === 10) {
          i++;
          continue;
        }
      }
      if (c === 44) {
        cells.push(field);
        field = '';
        fieldStarted = false;
        i++;
      } else if (c === 10 || c === 13) {
        line++;
        const rec = endRecord();
        recordLine = line;
        if (rec !== undefined) yield rec;
        if (c === 13) pendingCR = true;
        i++;
      } else if (c === 34 && !fieldStarted) {
        inQuotes = true;
        fieldStarted = true;
        i++;
      } else {
        // Plain run up to the next delimiter, line end or quote.
        let j = i;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === 44 || d === 10 || d === 13) break;
          j++;
        }
        field += chunk.slice(i, j);
        fieldStarted = true;
        i = j;
      }
    }
  }
  if (inQuotes && !quoteSeen) throw new Error(`unterminated quoted cell starting in the record at line ${recordLine}`);
  if (field !== '' || cells.length > 0) {
    const rec = endRecord();
    if (rec !== undefined) yield rec;
  }
}
