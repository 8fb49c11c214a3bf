// Every built-in function called in the shared corpora, and every function issue 3 names,
// is in the catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lookupFunction } from '../../src/catalog/index.js';
import { officialFunctionNames } from './oracle.js';

const CORPORA = ['../shared/corpus/hunting-queries/m365d.jsonl', '../shared/corpus/kql-docs/examples.jsonl'];

function calledNames(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of CORPORA) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { kql } = JSON.parse(line) as { kql: string };
      const code = kql.replace(/\/\/[^\n]*/g, '').replace(/@"[^"]*"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
      for (const m of code.matchAll(/(?<![.\w$])([A-Za-z_]\w*)\s*\(/g)) {
        const name = m[1] as string;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return counts;
}

const ISSUE_3 = `strcat strlen substring split extract extract_all replace_string replace_regex trim tolower toupper
indexof countof parse_url parse_path base64_decode_tostring hash_sha256 iff iif case coalesce prev next row_number
ipv4_is_private ipv4_is_in_range startofday startofweek startofmonth datetime_part format_datetime format_timespan
todatetime parse_json todynamic array_length set_has_element tostring toint tolong toreal todouble tobool totimespan
isempty isnotempty isnull isnotnull ago now bin count countif dcount dcountif sum sumif avg min max make_set
make_set_if make_list make_list_if make_bag percentile percentiles take_any arg_max arg_min stdev variance
toscalar materialize pack bag_pack pack_array bag_keys array_concat ipv4_compare parse_ipv4 hash_md5 isnan
datetime_add datetime_diff dayofweek floor replace_string`.split(/\s+/);

test('every function issue 3 names is in the catalog', () => {
  const missing = ISSUE_3.filter((n) => lookupFunction(n) === undefined);
  assert.deepEqual(missing, []);
});

test('every built-in function called in the corpora is in the catalog', () => {
  const official = officialFunctionNames();
  const called = calledNames();
  const builtins = [...called.keys()].filter((n) => official.has(n));
  const missing = builtins.filter((n) => lookupFunction(n) === undefined);
  console.log(
    `corpus coverage: ${builtins.length - missing.length}/${builtins.length} built-in functions called in the corpora are catalogued`,
  );
  assert.deepEqual(missing, []);
});
