// report.html in real headless Chromium (Debian chromium driven by playwright-core):
// renders, shows the verdict, no console errors, no requests other than the file itself,
// interactive parts work, and hostile telemetry shows as text and never runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { findChromium, launchChromium, type Browser } from '../../src/report/browser.js';
import { VERDICT_LABEL, parseInvestigationResult, writeReports } from '../../src/report/index.js';

const CHROMIUM = findChromium();
const SKIP =
  CHROMIUM === null
    ? 'chromium not installed (scripts/setup.sh installs Debian chromium); browser tests skipped'
    : false;
if (SKIP !== false) console.log(`# SKIP: ${SKIP}`);

const FIXTURES = join(import.meta.dirname, 'fixtures');
const load = (name: string) => parseInvestigationResult(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
// Screenshots are kept for humans under .tmp/ (gitignored).
const SHOTS = join(process.cwd(), '.tmp', 'report-screenshots');

let browser: Browser | undefined;
let work = '';

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'exfilhunt-report-test-'));
  if (CHROMIUM !== null) browser = await launchChromium(CHROMIUM);
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  dialogs: string[];
  cspViolations: () => Promise<number>;
  pwned: () => Promise<unknown[]>;
}

async function open(file: string): Promise<Opened> {
  assert.ok(browser !== undefined);
  const page = await browser.context.newPage();
  const url = pathToFileURL(file).href;
  const o: Opened = {
    page,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    dialogs: [],
    cspViolations: async () => Number(await page.evaluate('window.__csp')),
    pwned: async () => {
      const v: unknown = await page.evaluate('window.__pwned');
      return Array.isArray(v) ? v : ['trap missing'];
    },
  };
  // Traps installed before any page script: any executed payload calls alert() or
  // sets window.__pwned; CSP violations are counted (our own code must cause none).
  // (A string, not a function: the test tsconfig has no DOM types.)
  await page.addInitScript(`
    window.__pwned = [];
    window.__csp = 0;
    window.alert = function (m) { window.__pwned.push(String(m)); };
    document.addEventListener('securitypolicyviolation', function () { window.__csp++; });
  `);
  page.on('console', (m) => {
    if (m.type() === 'error') o.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => o.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    o.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => o.requests.push(r.url()));
  // Nothing but the report itself may load; anything else is aborted (and recorded above).
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  // A payload that breaks the page must fail on the traps below, not on a timeout here.
  await page.waitForSelector('html[data-ready="1"]', { timeout: 10_000 }).catch(() => undefined);
  return o;
}

async function assertClean(o: Opened, file: string): Promise<void> {
  assert.deepEqual(o.consoleErrors, [], 'console errors');
  assert.deepEqual(o.pageErrors, [], 'page errors');
  assert.deepEqual(o.requests, [pathToFileURL(file).href], 'only the report itself is requested');
  assert.deepEqual(o.dialogs, [], 'no dialogs');
  assert.deepEqual(await o.pwned(), [], 'no payload ran');
  assert.equal(await o.cspViolations(), 0, 'no CSP violations (inline script and style hashes match)');
  assert.equal(await o.page.locator('html[data-ready="1"]').count(), 1, 'the report script ran');
}

async function screenshot(o: Opened, name: string): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await o.page.screenshot({ path, fullPage: true });
  const buf = readFileSync(path);
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(statSync(path).size > 5_000, 'screenshot has content');
}

test('trap self-check: an unescaped payload is caught', { skip: SKIP }, async () => {
  assert.ok(browser !== undefined);
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setContent('<img src=x onerror=alert(1)>');
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, ['1'], 'the dialog listener sees an executed payload');
  await page.close();
});

test('exfil report: renders, verdict visible, clean, interactive', { skip: SKIP }, async () => {
  const r = load('exfil-success');
  const dir = join(work, 'exfil');
  await writeReports(r, dir, { png: false });
  const file = join(dir, 'report.html');
  const o = await open(file);
  const e = r.entities[0];
  assert.ok(e !== undefined);
  const verdict = o.page.locator('#verdict');
  assert.ok(await verdict.isVisible());
  assert.match(await verdict.innerText(), new RegExp(VERDICT_LABEL[e.verdict].replace(/[()]/g, '\\$&')));
  await assertClean(o, file);
  await screenshot(o, 'exfil-success');

  // Timeline chart: one point per event; lane filter and zoom redraw; hover shows details.
  const circles = o.page.locator('#eh-timeline circle');
  assert.equal(await circles.count(), e.timeline.length);
  const network = e.timeline.filter((t) => t.table === 'DeviceNetworkEvents').length;
  await o.page.locator('#eh-timeline-tools input[data-table="DeviceNetworkEvents"]').uncheck();
  assert.equal(await circles.count(), e.timeline.length - network);
  await o.page.locator('#eh-timeline-tools input[data-table="DeviceNetworkEvents"]').check();
  await o.page.locator('#eh-timeline-tools button', { hasText: 'Zoom in' }).click();
  await o.page.locator('#eh-timeline-tools button', { hasText: 'Zoom in' }).click();
  const zoomed = await circles.count();
  assert.ok(zoomed < e.timeline.length, `zoom hides out-of-range points (${zoomed})`);
  await o.page.locator('#eh-timeline-tools button', { hasText: 'Reset' }).click();
  await circles.last().hover();
  const tip = o.page.locator('#eh-timeline .eh-tip');
  assert.ok(await tip.isVisible());
  assert.match(await tip.innerText(), /ReportId/);

  // Evidence table: sort by ReportId (numeric) and filter.
  const ids = () => o.page.locator('#evidence-table tbody tr:not(.eh-hidden) td:nth-child(3)').allInnerTexts();
  await o.page.locator('#evidence-table th', { hasText: 'ReportId' }).click();
  const asc = (await ids()).map(Number);
  assert.deepEqual(
    asc,
    [...asc].sort((a, b) => a - b),
  );
  await o.page.locator('#evidence-table th', { hasText: 'ReportId' }).click();
  const desc = (await ids()).map(Number);
  assert.deepEqual(desc, [...asc].reverse());
  await o.page.locator('input.eh-filter[data-for="evidence-table"]').fill('DeviceNetworkEvents');
  assert.equal((await ids()).length, e.evidence.filter((x) => x.table === 'DeviceNetworkEvents').length);
  assert.match(await o.page.locator('#evidence-table-count').innerText(), /of 7 rows/);

  // Process tree and every hunt's KQL are on the page.
  assert.equal(await o.page.locator('#eh-process-tree .proc').count(), 4);
  assert.equal(await o.page.locator('#steps pre code.language-kql').count(), e.hunts.length);

  // Print stylesheet: controls hidden, filtered rows shown again.
  await o.page.emulateMedia({ media: 'print' });
  assert.equal(await o.page.locator('.tools').first().isVisible(), false);
  assert.equal(await o.page.locator('#evidence-table tbody tr').first().isVisible(), true);
  await o.page.close();
});

test('hostile report: every payload shows as text and nothing runs', { skip: SKIP }, async () => {
  const r = load('hostile');
  const dir = join(work, 'hostile');
  await writeReports(r, dir, { png: false });
  const file = join(dir, 'report.html');
  const o = await open(file);
  await o.page.waitForTimeout(300);
  await assertClean(o, file);
  // No element came from the payloads: no <img>, <svg onload>, or extra <script>.
  assert.equal(await o.page.locator('img').count(), 0);
  assert.equal(await o.page.locator('[onerror], [onload]').count(), 0);
  assert.equal(await o.page.locator('script:not([type="application/json"])').count(), 1);
  assert.equal(await o.page.locator('a[href^="javascript:"]').count(), 0);
  // The payloads are visible as literal text.
  const body = await o.page.locator('body').innerText();
  for (const s of [
    '<img src=x onerror=alert(1)>.zip',
    '"><script>alert(1)</script>',
    '[link](javascript:alert(1))',
    '\\x1b[31mRED',
    '\\x1b]0;title\\x07',
  ]) {
    assert.ok(body.includes(s), `visible as text: ${s}`);
  }
  assert.ok(!body.includes('\u001b'), 'raw ESC never reaches the page');
  // The JSON data block survived intact (timeline points) and the tooltip shows payloads as text.
  const circles = o.page.locator('#eh-timeline circle');
  assert.ok((await circles.count()) >= 3);
  await circles.first().hover();
  assert.match(await o.page.locator('#eh-timeline .eh-tip').innerText(), /<img src=x onerror=alert\(1\)>\.zip/);
  await o.page.locator('input.eh-filter[data-for="evidence-table"]').fill('<script>');
  await o.page.locator('#evidence-table th').first().click();
  await assertClean(o, file);
  await screenshot(o, 'hostile');
  await o.page.close();
});

test('fleet report: ranking links open each entity report, all clean', { skip: SKIP }, async () => {
  const r = load('fleet');
  const dir = join(work, 'fleet');
  await writeReports(r, dir, { png: false });
  const file = join(dir, 'report.html');
  const o = await open(file);
  await assertClean(o, file);
  const links = await o.page
    .locator('#ranking-table a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.equal(links.length, r.entities.length);
  assert.match(await o.page.locator('#ranking-table tbody tr').first().innerText(), /endpoint-za/);
  await screenshot(o, 'fleet');
  await o.page.close();
  for (const href of links) {
    const sub = join(dir, ...href.split('/'));
    const so = await open(sub);
    await assertClean(so, sub);
    assert.match(await so.page.locator('#verdict').innerText(), /Verdict: /);
    await so.page.close();
  }
});

test('hostile fleet: ranking with hostile names is inert, subfolders stay inside outDir', { skip: SKIP }, async () => {
  const h = load('hostile');
  const e = h.entities[0];
  assert.ok(e !== undefined);
  const r = { ...h, scope: { ...h.scope, all: true }, entities: [e, { ...e, device: '..', riskScore: 10 }] };
  const dir = join(work, 'hostile-fleet');
  const out = await writeReports(r, dir, { png: false });
  assert.ok(out.files.every((f) => f.startsWith(dir + '/')));
  const file = join(dir, 'report.html');
  const o = await open(file);
  await assertClean(o, file);
  assert.equal(await o.page.locator('img, [onerror], [onload]').count(), 0);
  assert.ok((await o.page.locator('#ranking-table').innerText()).includes('<img src=x onerror=alert(1)>.zip'));
  await o.page.close();
});
