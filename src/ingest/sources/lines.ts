// Byte-level line splitting for NDJSON: Buffer.indexOf on '\n' is far faster than readline,
// and a partial line is carried between chunks without decoding it twice.

/** Lines longer than this are rejected rather than held in memory (V8 strings top out near 512 MB). */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface Line {
  readonly text: string;
  readonly line: number;
  /** Set when the line was too long to keep; `text` is then empty. */
  readonly tooLong?: boolean;
}

/** Lines in batches (one batch per input chunk), to keep per-line async overhead off the hot path. */
export async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Line[]> {
  let carry: Buffer[] = [];
  let carryLen = 0;
  let skipping = false;
  let lineNo = 0;
  let first = true;

  const emit = (buf: Buffer, start: number, end: number): Line | undefined => {
    lineNo++;
    if (end > start && buf[end - 1] === 13) end--; // CRLF
    if (first) {
      first = false;
      if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    }
    return { text: buf.toString('utf8', start, end), line: lineNo };
  };

  for await (const chunk of chunks) {
    const batch: Line[] = [];
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) break;
      if (skipping) {
        skipping = false;
        lineNo++;
        first = false;
        batch.push({ text: '', line: lineNo, tooLong: true });
      } else if (carryLen > 0) {
        carry.push(chunk.subarray(pos, nl));
        const whole = Buffer.concat(carry);
        carry = [];
        carryLen = 0;
        const l = emit(whole, 0, whole.length);
        if (l !== undefined) batch.push(l);
      } else {
        const l = emit(chunk, pos, nl);
        if (l !== undefined) batch.push(l);
      }
      pos = nl + 1;
    }
    if (pos < chunk.length && !skipping) {
      carry.push(chunk.subarray(pos));
      carryLen += chunk.length - pos;
      if (carryLen > MAX_LINE_BYTES) {
        carry = [];
        carryLen = 0;
        skipping = true;
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (skipping) {
    lineNo++;
    yield [{ text: '', line: lineNo, tooLong: true }];
  } else if (carryLen > 0) {
    const whole = Buffer.concat(carry);
    const l = emit(whole, 0, whole.length);
    if (l !== undefined) yield [l];
  }
}
