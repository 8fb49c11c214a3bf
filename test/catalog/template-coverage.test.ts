// Which catalog functions have DuckDB templates; every template key names a catalog function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allFunctions, lookupFunction } from '../../src/catalog/index.js';
import { DUCKDB_AGGREGATES, DUCKDB_FUNCTIONS, duckdbTemplate } from '../../src/catalog/duckdb/index.js';

test('every template key is a catalog function of the right kind', () => {
  for (const name of Object.keys(DUCKDB_FUNCTIONS.templates)) {
    const spec = lookupFunction(name, 'scalar');
    assert.ok(spec && spec.kind !== 'aggregate' && spec.name === name, `scalar template ${name}`);
  }
  for (const name of Object.keys(DUCKDB_AGGREGATES.templates)) {
    const spec = lookupFunction(name, 'aggregate');
    assert.ok(spec && spec.kind === 'aggregate' && spec.name === name, `aggregate template ${name}`);
  }
});

const MUST_TRANSLATE =
  `strcat strlen substring split extract extract_all replace_string replace_regex trim tolower toupper
indexof countof parse_url base64_decode_tostring hash_sha256 hash_md5 iff case coalesce prev next row_number
ipv4_is_private ipv4_is_in_range ipv4_compare parse_ipv4 startofday startofweek startofmonth datetime_part
format_datetime format_timespan todatetime parse_json todynamic array_length set_has_element tostring toint tolong
toreal tobool totimespan isempty isnotempty isnull isnotnull ago now bin floor datetime_add datetime_diff dayofweek
pack_array bag_pack bag_keys array_concat isnan count countif dcount dcountif sum sumif avg avgif min max make_set
make_set_if make_list make_list_if make_bag percentile percentiles take_any stdev variance`.split(/\s+/);

test('the functions issue 3 requires have templates', () => {
  const missing = MUST_TRANSLATE.filter((n) => {
    const spec = lookupFunction(n);
    const t = spec ? duckdbTemplate(n, spec.kind === 'aggregate' ? 'aggregate' : 'scalar') : undefined;
    return t === null || t === undefined;
  });
  assert.deepEqual(missing, []);
});

test('template coverage figures', () => {
  const counts = new Map<string, { total: number; template: number; nullTemplate: number }>();
  for (const spec of allFunctions()) {
    if (spec.kind === 'tabular') continue;
    const c = counts.get(spec.family) ?? { total: 0, template: 0, nullTemplate: 0 };
    c.total++;
    const table = spec.kind === 'aggregate' ? DUCKDB_AGGREGATES.templates : DUCKDB_FUNCTIONS.templates;
    if (Object.prototype.hasOwnProperty.call(table, spec.name)) {
      if (table[spec.name] === null) c.nullTemplate++;
      else c.template++;
    }
    counts.set(spec.family, c);
  }
  let total = 0;
  let template = 0;
  let nulls = 0;
  for (const [family, c] of [...counts].sort()) {
    console.log(
      `  ${family.padEnd(16)} ${String(c.template).padStart(3)} templates, ${String(c.nullTemplate).padStart(3)} null, ${String(c.total - c.template - c.nullTemplate).padStart(3)} absent of ${c.total}`,
    );
    total += c.total;
    template += c.template;
    nulls += c.nullTemplate;
  }
  console.log(
    `template coverage: ${template} of ${total} scalar/aggregate/window functions have a DuckDB template; ${nulls} are explicitly null; ${total - template - nulls} absent (unsupported)`,
  );
  assert.ok(template >= 0);
});
