// Streaming splitter for whole-document JSON (pretty-printed Event Hub messages, hunting API
// responses, Log Analytics arrays). It never holds the document: it yields the elements of a
// top-level array, or of the top-level object's array members, one at a time, as text.

export type ScanItem =
  /** An element of the top-level array (`key` undefined) or of top-level member `key`. */
  | { readonly kind: 'element'; readonly key: string | undefined; readonly text: string; readonly line: number }
  /** A top-level value that had no array members to stream (e.g. one pretty-printed row). */
  | { readonly kind: 'value'; readonly text: string; readonly line: number };

const WS = new Set([32, 9, 10, 13]);

export async function* scanJson(chunks: AsyncIterable<string>): AsyncGenerator<ScanItem> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let line = 1;
  let first = true;

  // Top-level value being read.
  let topIsArray = false;
  let topStreamed = false;
  let topBuf = '';
  let topLine = 0;
  let topCapturing = false;
  // Key tracking at depth 1 of a top-level object.
  let expectKey = false;
  let keyBuf: string | undefined;
  let lastKey: string | undefined;
  // The array whose elements we stream: depth at which its elements live.
  let streamDepth = -1;
  let streamKey: string | undefined;
  let elBuf = '';
  let elLine = 0;
  let inElement = false;

  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const n = chunk.length;
    let segStart = 0; // start of the not-yet-copied slice for the active capture buffer
    const flush = (to: number): void => {
      const s = chunk.slice(segStart, to);
      if (keyBuf !== undefined) keyBuf += s;
      if (inElement) elBuf += s;
      else if (topCapturing) topBuf += s;
      segStart = to;
    };
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) {
          inString = false;
          if (keyBuf !== undefined) {
            flush(i);
            lastKey = JSON.parse(`"${keyBuf}"`) as string;
            keyBuf = undefined;
          }
        }
        continue;
      }
      if (WS.has(c)) continue;
      // Start of an element of the streamed array.
      if (streamDepth >= 0 && depth === streamDepth && !inElement && c !== 44 && c !== 93) {
        flush(i);
        inElement = true;
        elBuf = '';
        elLine = line;
      }
      if (depth === 0) {
        // Start of a top-level value.
        if (c !== 123 && c !== 91) throw new Error(`line ${line}: expected a JSON object or array`);
        topIsArray = c === 91;
        topStreamed = topIsArray;
        topLine = line;
        topBuf = '';
        topCapturing = !topIsArray;
        segStart = i;
        if (topIsArray) {
          streamDepth = 1;
          streamKey = undefined;
        } else expectKey = true;
        depth = 1;
        continue;
      }
      if (c === 34) {
        inString = true;
        if (depth === 1 && !topIsArray && expectKey) {
          flush(i + 1);
          keyBuf = '';
          expectKey = false;
        }
        continue;
      }
      if (c === 123 || c === 91) {
        if (depth === 1 && !topIsArray && c === 91 && streamDepth < 0) {
          // An array member of the top-level object: stream its elements.
          flush(i + 1);
          topStreamed = true;
          topCapturing = false;
          streamDepth = 2;
          streamKey = lastKey;
          depth++;
          segStart = i + 1;
          continue;
        }
        depth++;
        continue;
      }
      if (c === 44 || c === 125 || c === 93) {
        // ',' or a closer ends an element when it is at the element's own depth.
        if (inElement && depth === streamDepth && c === 44) {
          flush(i);
          inElement = false;
          yield { kind: 'element', key: streamKey, text: elBuf, line: elLine };
          segStart = i + 1;
          continue;
        }
        if (c === 44) {
          if (depth === 1 && !topIsArray) expectKey = true;
          continue;
        }
        depth--;
        if (inElement && depth === streamDepth - 1) {
          flush(i);
          inElement = false;
          yield { kind: 'element', key: streamKey, text: elBuf, line: elLine };
          segStart = i;
        }
        if (streamDepth >= 0 && depth === streamDepth - 1) {
          // End of the streamed array.
          streamDepth = -1;
          segStart = i + 1;
          if (!topIsArray) topCapturing = false;
        }
        if (depth === 0) {
          if (topCapturing) {
            flush(i + 1);
            if (!topStreamed) yield { kind: 'value', text: topBuf, line: topLine };
          }
          topCapturing = false;
          topBuf = '';
          segStart = i + 1;
        }
        continue;
      }
    }
    flush(n);
  }
  if (depth !== 0 || inString) throw new Error(`line ${line}: JSON document ends early (truncated?)`);
}
