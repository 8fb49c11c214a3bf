// Headless Debian chromium through playwright-core, shared by the PNG renderer and the
// browser tests. Launched with a fresh profile and with every background fetch turned
// off; pages additionally get a route that aborts any request that is not the page itself.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The chromium binary to use (EXFILHUNT_CHROMIUM overrides), or null when none is installed. */
export function findChromium(): string | null {
  const env = process.env['EXFILHUNT_CHROMIUM'];
  if (env !== undefined && env !== '') return existsSync(env) ? env : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  // playwright-core is loaded lazily so that Markdown/HTML rendering never pays for it.
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('the playwright-core package is not installed');
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'exfilhunt-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
      timeout: 60_000,
    });
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
