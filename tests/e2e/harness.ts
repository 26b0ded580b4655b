import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../src/feed/server.ts';
import type { CampaignConfig } from '../../src/protocol/index.ts';

import { CHROMIUM_ARGS } from '../../src/feed/recap/find-browser.ts';

export { CHROMIUM_ARGS };

export interface OverlayHarness {
  readonly feed: FeedServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page, for assertions and for failure messages. */
  readonly pageErrors: string[];
  /** Evaluates an expression in the page (a string: functions break under tsx with `__name`). */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until `expression` is truthy in the page. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OverlayHarnessOptions {
  /** URL query of the overlay, e.g. `clock=test&lang=en`. */
  query?: string;
  campaign?: CampaignConfig;
  viewport?: { width: number; height: number };
  /** Runs before the page opens (e.g. reactions the first snapshot should already hold). */
  beforeOpen?: (feed: FeedServer) => void;
  /** Producer control (lower thirds, goal) with this token; off when absent. */
  control?: FeedServerOptions['control'];
  /** The ingest API (POST /api/ingest) for these tokens; off when absent. */
  ingest?: FeedServerOptions['ingest'];
  /** Runs in the page before the overlay's scripts (e.g. the WebGL draw-call probe, gl-probe.ts). */
  initScript?: string;
  /** Chromium flags beyond the usual ones (e.g. `--disable-3d-apis`: a browser without WebGL). */
  browserArgs?: readonly string[];
}

/**
 * A real feed server (simulator off, serving the overlay built by global-setup) and a real headless
 * Chromium showing the overlay, ready: fonts loaded, widgets drawn with the first snapshot.
 */
export async function startOverlay(options: OverlayHarnessOptions = {}): Promise<OverlayHarness> {
  const feed = await startFeedServer({
    campaign: options.campaign ?? loadCampaignFile(SAMPLE_CAMPAIGN_PATH),
    port: 0,
    simulator: false,
    staticDir: inject('overlayDir'),
    ...(options.control ? { control: options.control } : {}),
    ...(options.ingest ? { ingest: options.ingest } : {}),
    log: () => {},
  });
  let browser: Browser | undefined;
  try {
    options.beforeOpen?.(feed);
    browser = await chromium.launch({ executablePath: inject('browserPath'), args: [...CHROMIUM_ARGS, ...(options.browserArgs ?? [])], headless: true });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    if (options.initScript) await page.addInitScript(options.initScript);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
    });
    const harness: OverlayHarness = {
      feed,
      browser,
      page,
      pageErrors,
      evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
      waitFor: async (expression, timeoutMs = 30_000) => {
        await page.waitForFunction(expression, undefined, { timeout: timeoutMs, polling: 50 });
      },
      close: async () => {
        await browser?.close();
        await feed.close();
      },
    };
    await page.goto(`${feed.url}/?${options.query ?? ''}`);
    await harness.waitFor('window.__localLove && (window.__localLove.isReady || window.__localLove.error)');
    const error = await harness.evaluate<string | null>('window.__localLove.error');
    if (error) throw new Error(`the overlay failed to start: ${error}\n${pageErrors.join('\n')}`);
    return harness;
  } catch (error) {
    await browser?.close();
    await feed.close();
    throw error;
  }
}
