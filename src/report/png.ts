// timeline.png and process-tree.png: the same chart and tree as report.html, rendered
// without controls in headless chromium and screenshotted. If chromium is missing or
// fails, the pictures are skipped with a warning; the reports never depend on them.
import type { Page } from 'playwright-core';
import type { EntityResult } from '../hunt/result.js';
import { findChromium, launchChromium, type Browser } from './browser.js';
import { processTreeHtml, timelineChart, timelineData, TIMELINE_DATA_ID } from './html/entity.js';
import { renderPage } from './html/template.js';

export interface PngJob {
  readonly entity: EntityResult;
  /** Absolute output paths; null skips that picture. */
  readonly timeline: string | null;
  readonly processTree: string | null;
}

export interface PngOutcome {
  readonly written: string[];
  readonly warnings: string[];
}

export async function renderPngs(
  jobs: readonly PngJob[],
  chromiumPath: string | null = findChromium(),
): Promise<PngOutcome> {
  const wanted = jobs.filter((j) => j.timeline !== null || j.processTree !== null);
  if (wanted.length === 0) return { written: [], warnings: [] };
  if (chromiumPath === null) {
    return {
      written: [],
      warnings: [
        'chromium not found (install Debian `chromium` or set EXFILHUNT_CHROMIUM): timeline.png and process-tree.png were not rendered',
      ],
    };
  }
  let browser: Browser;
  try {
    browser = await launchChromium(chromiumPath);
  } catch (err) {
    return {
      written: [],
      warnings: [
        `chromium failed to start, PNGs not rendered: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      ],
    };
  }
  const written: string[] = [];
  const warnings: string[] = [];
  try {
    // One page for every picture: opening pages is the slow part on a busy machine.
    const page = await browser.context.newPage();
    await page.route('**/*', (route) => route.abort());
    for (const job of wanted) {
      if (job.timeline !== null)
        await shoot(page, timelinePage(job.entity), '#eh-timeline-figure', 1100, job.timeline, written, warnings);
      if (job.processTree !== null)
        await shoot(page, treePage(job.entity), '#eh-process-tree', 1000, job.processTree, written, warnings);
    }
  } catch (err) {
    warnings.push(`PNG rendering failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  } finally {
    await browser.close();
  }
  return { written, warnings };
}

function timelinePage(e: EntityResult): string {
  return renderPage({
    title: 'timeline',
    bodyClass: 'figure-page',
    body: `<main>${timelineChart(false, timelineCaption(e))}</main>`,
    data: { [TIMELINE_DATA_ID]: timelineData(e) },
  });
}

function timelineCaption(e: EntityResult): string {
  const first = e.timeline[0]?.timestamp ?? '';
  const last = e.timeline[e.timeline.length - 1]?.timestamp ?? '';
  return `Timeline of ${e.device}, ${e.timeline.length} events (UTC) ${first.slice(0, 19)} – ${last.slice(0, 19)}`;
}

function treePage(e: EntityResult): string {
  return renderPage({
    title: 'process tree',
    bodyClass: 'figure-page',
    body: `<main>${processTreeHtml(e.processTree)}</main>`,
  });
}

async function shoot(
  page: Page,
  html: string,
  selector: string,
  width: number,
  out: string,
  written: string[],
  warnings: string[],
): Promise<void> {
  try {
    await page.setViewportSize({ width, height: 400 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="1"]', { timeout: 10_000 });
    await page.locator(selector).screenshot({ path: out, timeout: 20_000 });
    written.push(out);
  } catch (err) {
    warnings.push(`could not render ${out}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}
