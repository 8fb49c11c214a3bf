// writeReports: the whole report set for an InvestigationResult. One entity: report.md,
// report.html, report.json, attack-layer.json and the PNGs in outDir. A fleet (--all, or
// several entities): the ranking at the top of outDir and one subfolder per entity.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityResult, InvestigationResult } from '../hunt/result.js';
import { renderFleetHtml, renderFleetMarkdown, type FleetEntry } from './fleet.js';
import { renderEntityHtml } from './html/entity.js';
import { renderJson } from './json.js';
import { renderEntityMarkdown, type MarkdownImages } from './markdown.js';
import { entitySlug, isFleet, rankEntities, resultForEntity } from './model.js';
import { buildEntityLayer, buildFleetLayer, validateLayer } from './navigator.js';
import { sanitizeForTerminal } from '../util/terminal.js';
import { findChromium } from './browser.js';
import { renderPngs, type PngJob } from './png.js';

export { parseInvestigationResult, ResultFormatError } from './json.js';
export { VERDICT_LABEL } from './model.js';

export interface ReportOptions {
  /** Render timeline.png / process-tree.png (default true; skipped with a warning without chromium). */
  readonly png?: boolean;
  /** Result rows shown per investigation step in report.md (default 10). */
  readonly topRows?: number;
  /** Chromium binary; default: EXFILHUNT_CHROMIUM or /usr/bin/chromium. null disables PNGs with a warning. */
  readonly chromiumPath?: string | null;
  /** Called for each warning as it happens (the CLI prints them). */
  readonly onWarning?: (message: string) => void;
}

export interface ReportOutput {
  /** Absolute paths of every file written. */
  readonly files: string[];
  readonly warnings: string[];
}

export interface RenderedFile {
  /** Relative to the output directory, '/'-separated. */
  readonly path: string;
  readonly content: string;
}

export interface RenderOptions {
  readonly topRows?: number;
  /** Which pictures exist for the entity whose reports live in `dir` ('' = top level). */
  readonly imagesFor?: (dir: string, e: EntityResult) => MarkdownImages | undefined;
}

interface Planned {
  readonly dir: string;
  readonly entity: EntityResult;
  readonly rank: number;
}

function plan(result: InvestigationResult): { fleet: boolean; entities: Planned[] } {
  if (!isFleet(result)) {
    const only = result.entities[0] as EntityResult;
    return { fleet: false, entities: [{ dir: '', entity: only, rank: 1 }] };
  }
  return {
    fleet: true,
    entities: rankEntities(result.entities).map((entity, i) => ({
      dir: entitySlug(i + 1, entity.device),
      entity,
      rank: i + 1,
    })),
  };
}

function rel(dir: string, file: string): string {
  return dir === '' ? file : `${dir}/${file}`;
}

/** Every text file of the report set, in memory. Pure: golden tests call this directly. */
export function renderReportSet(result: InvestigationResult, opts: RenderOptions = {}): RenderedFile[] {
  const { fleet, entities } = plan(result);
  const files: RenderedFile[] = [];
  if (fleet) {
    const entries: FleetEntry[] = entities.map((p) => ({ rank: p.rank, entity: p.entity, dir: p.dir }));
    files.push({ path: 'report.md', content: renderFleetMarkdown(result, entries) });
    files.push({ path: 'report.html', content: renderFleetHtml(result, entries) });
    files.push({ path: 'report.json', content: renderJson(result) });
    files.push({ path: 'attack-layer.json', content: layerJson(buildFleetLayer(result)) });
  }
  for (const p of entities) {
    const sub = resultForEntity(result, p.entity);
    const images = opts.imagesFor?.(p.dir, p.entity);
    const fleetLink = fleet ? '../report.md' : undefined;
    files.push({
      path: rel(p.dir, 'report.md'),
      content: renderEntityMarkdown(sub, p.entity, {
        topRows: opts.topRows,
        images,
        ...(fleetLink !== undefined ? { fleetLink } : {}),
      }),
    });
    files.push({
      path: rel(p.dir, 'report.html'),
      content: renderEntityHtml(sub, p.entity, fleet ? { fleetLink: '../report.html' } : {}),
    });
    files.push({ path: rel(p.dir, 'report.json'), content: renderJson(fleet ? sub : result) });
    files.push({ path: rel(p.dir, 'attack-layer.json'), content: layerJson(buildEntityLayer(sub, p.entity)) });
  }
  return files;
}

function layerJson(layer: unknown): string {
  const errs = validateLayer(layer);
  // A layer we build that fails the format is a bug in navigator.ts, not bad input.
  if (errs.length > 0) throw new Error(`internal: invalid ATT&CK Navigator layer: ${errs.join('; ')}`);
  return JSON.stringify(layer, null, 2) + '\n';
}

/** Images assumed present wherever there is something to draw (for previews and golden files). */
export function assumeImages(_dir: string, e: EntityResult): MarkdownImages {
  return {
    timeline: e.timeline.length > 0 ? 'timeline.png' : null,
    processTree: e.processTree.length > 0 ? 'process-tree.png' : null,
  };
}

export async function writeReports(
  result: InvestigationResult,
  outDir: string,
  opts: ReportOptions = {},
): Promise<ReportOutput> {
  const warnings: string[] = [];
  // Warnings go to terminals; they carry paths and browser errors, so they are sanitised here.
  const warn = (raw: string) => {
    const m = sanitizeForTerminal(raw);
    warnings.push(m);
    opts.onWarning?.(m);
  };
  const { entities } = plan(result);
  for (const p of entities) mkdirSync(join(outDir, p.dir), { recursive: true });
  mkdirSync(outDir, { recursive: true });

  const pngWanted = opts.png !== false;
  const written = new Set<string>();
  let missingNote: string | undefined;
  if (pngWanted) {
    const jobs: PngJob[] = entities.map((p) => ({
      entity: p.entity,
      timeline: p.entity.timeline.length > 0 ? join(outDir, p.dir, 'timeline.png') : null,
      processTree: p.entity.processTree.length > 0 ? join(outDir, p.dir, 'process-tree.png') : null,
    }));
    const outcome = await renderPngs(jobs, opts.chromiumPath === undefined ? findChromium() : opts.chromiumPath);
    outcome.written.forEach((f) => written.add(f));
    outcome.warnings.forEach(warn);
    if (outcome.warnings.length > 0)
      missingNote =
        'Picture not rendered (headless chromium unavailable); see report.html for the interactive version.';
  }

  const imagesFor = (dir: string, e: EntityResult): MarkdownImages | undefined => {
    if (!pngWanted) return undefined;
    const has = (f: string) => written.has(join(outDir, dir, f));
    const timeline = e.timeline.length > 0 && has('timeline.png') ? 'timeline.png' : null;
    const processTree = e.processTree.length > 0 && has('process-tree.png') ? 'process-tree.png' : null;
    return missingNote === undefined ? { timeline, processTree } : { timeline, processTree, note: missingNote };
  };

  const files: string[] = [];
  for (const f of renderReportSet(result, { topRows: opts.topRows, imagesFor })) {
    const abs = join(outDir, ...f.path.split('/'));
    writeFileSync(abs, f.content, 'utf8');
    files.push(abs);
  }
  files.push(...written);
  files.sort();
  return { files, warnings };
}
