import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInvestigationResult, renderReportSet } from '../../src/report/index.js';
import { renderEntityMarkdown } from '../../src/report/markdown.js';
import { entitySlug, markdownColumns, parseKustoTime, rankEntities } from '../../src/report/model.js';

const load = (name: string) =>
  parseInvestigationResult(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8'));

test('entitySlug: attacker-controlled device names cannot escape the output folder', () => {
  for (const name of [
    '../../etc/passwd',
    '..',
    '.hidden',
    'a/b\\c',
    '<img src=x onerror=alert(1)>.zip',
    '\u001b[31m',
    '',
    'CON',
    'x'.repeat(500),
  ]) {
    const slug = entitySlug(3, name);
    assert.match(slug, /^03-[a-z0-9][a-z0-9._-]*$|^03-entity$/, `${JSON.stringify(name)} -> ${slug}`);
    assert.ok(!slug.includes('/') && !slug.includes('\\') && !slug.startsWith('.'), slug);
    assert.ok(slug.length <= 63);
  }
  assert.equal(entitySlug(1, 'ENDPOINT-ZA'), '01-endpoint-za');
});

test('fleet ranking: risk, then verdict severity, then name; links point at the slugs', () => {
  const r = load('fleet');
  const ranked = rankEntities(r.entities);
  for (let i = 1; i < ranked.length; i++) assert.ok((ranked[i - 1]?.riskScore ?? 0) >= (ranked[i]?.riskScore ?? 0));
  const md = renderReportSet(r).find((f) => f.path === 'report.md')?.content ?? '';
  ranked.forEach((e, i) => assert.ok(md.includes(`[report](${entitySlug(i + 1, e.device)}/report.md)`), e.device));
  const paths = renderReportSet(r).map((f) => f.path);
  assert.ok(paths.includes('01-endpoint-za/report.html'));
});

test('markdown: top N rows with "and M more", every hunt KQL verbatim in a fence', () => {
  const r = load('exfil-success');
  const e = r.entities[0];
  assert.ok(e !== undefined);
  const md = renderEntityMarkdown(r, e, { topRows: 5 });
  assert.match(md, /_…and 9 more rows \(14 rows in total\)\._/);
  for (const h of e.hunts) assert.ok(md.includes(`\`\`\`kql\n${h.kql}\n\`\`\``), h.hunt);
  assert.match(md, /^> \*\*Verdict: Data Exfiltration \(Confirmed\)\*\* · confidence 92% · risk score 91\/100 — /m);
  for (const heading of [
    'Scenario and scope',
    'Key outcome',
    'Timeline',
    'Process tree',
    'Investigation steps',
    'MITRE ATT&CK mapping',
    'Response plan',
    'Evidence',
    'Input provenance',
  ])
    assert.match(md, new RegExp(`^## ${heading}$`, 'm'));
});

test('parseKustoTime handles 7 fractional digits and rejects junk', () => {
  assert.equal(parseKustoTime('2025-11-20T00:48:57.6034636Z'), Date.UTC(2025, 10, 20, 0, 48, 57, 603));
  assert.equal(parseKustoTime('2025-11-20 00:48:57Z'), Date.UTC(2025, 10, 20, 0, 48, 57));
  assert.equal(parseKustoTime('"><script>'), null);
});

test('markdownColumns: wide result tables keep the key columns, in order', () => {
  const names = ['Timestamp', 'DeviceId', 'DeviceName', 'A', 'B', 'C', 'D', 'E', 'F', 'FileName', 'G', 'ReportId'];
  assert.deepEqual(markdownColumns(names.slice(0, 5), 10), [0, 1, 2, 3, 4]);
  const cols = markdownColumns(names, 6);
  assert.deepEqual(
    cols.map((i) => names[i]),
    ['Timestamp', 'DeviceId', 'DeviceName', 'A', 'FileName', 'ReportId'],
  );
});

test('a result with no entities renders a fleet overview saying so', () => {
  const r = { ...load('benign'), entities: [] };
  const files = renderReportSet(r);
  assert.deepEqual(files.map((f) => f.path).sort(), ['attack-layer.json', 'report.html', 'report.json', 'report.md']);
  assert.match(files.find((f) => f.path === 'report.md')?.content ?? '', /No entities matched the scope/);
});
