// What a parsed JSON value means: a streaming-API record (Event Hub or storage), an Event Hub
// message holding many, a hunting-API response, or a plain row (NDJSON, Log Analytics export).

export interface SourceRow {
  readonly kind: 'row';
  readonly line: number;
  /** Table named by the data itself (streaming category, Log Analytics `Type`), if any. */
  readonly table: string | undefined;
  readonly values: Readonly<Record<string, unknown>>;
  /** Values are strings from a text format (CSV), so types of new columns cannot be inferred. */
  readonly text: boolean;
  /** Source text, to recover integers beyond 2^53 exactly. */
  readonly raw: string | undefined;
  /** All column names of the source (a CSV header), for table inference; default: the row's keys. */
  readonly columns?: readonly string[];
}

export interface SourceReject {
  readonly kind: 'reject';
  readonly line: number;
  readonly reason: string;
  readonly table?: string | undefined;
  readonly sample?: string | undefined;
}

export type SourceItem = SourceRow | SourceReject;

const CATEGORY_PREFIX = 'AdvancedHunting-';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function sampleOf(s: string): string {
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

/** One streaming-API record `{time, tenantId, category, properties}`. */
export function fromStreamingRecord(rec: Record<string, unknown>, line: number, raw: string): SourceItem {
  const cat = rec['category'];
  const props = rec['properties'];
  if (typeof cat !== 'string' || !cat.startsWith(CATEGORY_PREFIX)) {
    return { kind: 'reject', line, reason: `unknown table: category ${JSON.stringify(cat)}`, sample: sampleOf(raw) };
  }
  const table = cat.slice(CATEGORY_PREFIX.length);
  if (!isObject(props))
    return {
      kind: 'reject',
      line,
      reason: 'streaming record without a properties object',
      table,
      sample: sampleOf(raw),
    };
  // The envelope's tenant and publish time fill the Sentinel columns when the row lacks them.
  const values: Record<string, unknown> = props;
  if (values['TenantId'] == null && typeof rec['tenantId'] === 'string') values['TenantId'] = rec['tenantId'];
  if (values['TimeGenerated'] == null && typeof rec['time'] === 'string') values['TimeGenerated'] = rec['time'];
  return { kind: 'row', line, table, values, text: false, raw };
}

function isStreamingRecord(o: Record<string, unknown>): boolean {
  return 'category' in o && 'properties' in o;
}

/** A plain row: the table comes from a Log Analytics `Type` column when present. */
export function fromRow(o: unknown, line: number, raw: string): SourceItem {
  if (!isObject(o)) return { kind: 'reject', line, reason: 'bad JSON: a row must be an object', sample: sampleOf(raw) };
  if (isStreamingRecord(o)) return fromStreamingRecord(o, line, raw);
  const type = o['Type'];
  return {
    kind: 'row',
    line,
    table: typeof type === 'string' && type !== '' ? type : undefined,
    values: o,
    text: false,
    raw,
  };
}

/** Everything one parsed NDJSON line (or one top-level JSON value) holds. */
export function* fromJsonValue(v: unknown, line: number, raw: string): Generator<SourceItem> {
  if (Array.isArray(v)) {
    for (const el of v) yield fromRow(el, line, raw);
    return;
  }
  if (!isObject(v)) {
    yield { kind: 'reject', line, reason: 'bad JSON: expected an object', sample: sampleOf(raw) };
    return;
  }
  const records = v['records'];
  if (Array.isArray(records)) {
    for (const r of records) {
      yield isObject(r)
        ? fromStreamingRecord(r, line, raw)
        : { kind: 'reject', line, reason: 'bad JSON: record is not an object', sample: sampleOf(raw) };
    }
    return;
  }
  const results = v['Results'] ?? v['results'];
  if (Array.isArray(results) && ('Schema' in v || 'schema' in v)) {
    for (const r of results) yield fromRow(r, line, raw);
    return;
  }
  yield fromRow(v, line, raw);
}

/** Members of a whole-document JSON object whose array elements are rows or records. */
export const ROW_MEMBERS = new Set(['records', 'Results', 'results']);
/** Members that describe rather than hold data. */
export const META_MEMBERS = new Set(['Schema', 'schema', 'Stats', 'stats']);
