import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { FeedState } from '../../src/protocol/index.ts';
import { freePort, packAndInstall, startAndTime, stop, type PackedInstall } from '../../scripts/package/packed-install.ts';
import { CHROMIUM_ARGS } from './harness.ts';

const run = promisify(execFile);
let installed: PackedInstall;

beforeAll(async () => {
  installed = await packAndInstall();
}, 180_000);

afterAll(async () => {
  await installed?.cleanup();
});

describe('the npm package, installed from its tarball with --omit=dev', () => {
  it('carries no dev dependency and no TypeScript source', () => {
    const modules = join(installed.dir, 'node_modules');
    for (const name of ['vite', 'tsx', 'typescript', 'vitest', 'pixi.js', 'esbuild', 'rolldown']) expect(existsSync(join(modules, name)), name).toBe(false);
    for (const name of ['socket.io', 'zod', 'tiktok-live-connector', 'sirv', 'ioredis']) expect(existsSync(join(modules, name)), name).toBe(true);
    expect(existsSync(join(modules, 'local-love-overlay/src'))).toBe(false);
    expect(existsSync(join(modules, 'local-love-overlay/dist/index.html'))).toBe(true);
  });

  it('lists the commands, and start --help lists every setting', async () => {
    const { stdout: commands } = await run(installed.bin, ['--help']);
    expect(commands).toMatch(/^ {2}start /m);
    expect(commands).toMatch(/^ {2}init /m);
    expect(commands).toMatch(/^ {2}check /m);
    expect(commands).toMatch(/^ {2}report /m);
    expect(commands).toMatch(/^ {2}recap /m);
    const { stdout: help } = await run(installed.bin, ['start', '--help']);
    for (const setting of ['CHROME_PATH', 'HOST', 'PORT', 'CAMPAIGN', '--campaign', 'TICK_MS', 'SIMULATOR', 'OVERLAY_DIR', 'TIKTOK', 'SIGN_API_KEY', 'DATA_DIR', 'CONTROL_TOKEN', 'INGEST_TOKEN', 'ALLOWED_ORIGINS', 'INGEST_RATE', 'REDIS_URL']) {
      expect(help, setting).toContain(setting);
    }
  });

  it('init writes a campaign that start --campaign then runs', async () => {
    await run(installed.bin, ['init', 'my-show'], { cwd: installed.dir });
    const port = await freePort();
    const own = await startAndTime([installed.bin, 'start', '--campaign', 'my-show/campaign.json'], port, { DATA_DIR: join(installed.dir, 'data-own'), SIMULATOR: 'off' }, installed.dir);
    try {
      const state = FeedState.parse(await (await fetch(`http://127.0.0.1:${port}/api/state`)).json());
      expect(state.campaignId).toBe('my-show');
    } finally {
      expect(await stop(own.child)).toBe(0);
    }
  });

  describe('start, seen by OBS', () => {
    let browser: Browser;
    let started: Awaited<ReturnType<typeof startAndTime>>;
    beforeAll(async () => {
      started = await startAndTime([installed.bin, 'start'], await freePort(), { DATA_DIR: join(installed.dir, 'data'), SIMULATOR: 'on' });
      browser = await chromium.launch({ executablePath: inject('browserPath'), args: CHROMIUM_ARGS, headless: true });
    });
    afterAll(async () => {
      await browser?.close();
      if (started) expect(await stop(started.child)).toBe(0);
    });

    it('draws the overlay over the feed with WebGL, transparent around the widgets', async () => {
      const url = /OBS browser source, 1920x1080:\s+(http:\/\/\S+)\//.exec(started.output())![1]!;
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${url}/?lang=en`);
      await page.waitForFunction('window.__localLove && (window.__localLove.isReady || window.__localLove.error)', undefined, { timeout: 30_000, polling: 50 });
      expect(await page.evaluate('window.__localLove.error')).toBeNull();
      expect(await page.evaluate('window.__localLove.rendererName')).toBe('webgl');
      // The simulator's reactions arrive through the feed: the overlay's state follows the server's.
      await page.waitForFunction('window.__localLove.lastState && window.__localLove.lastState.seq > 0', undefined, { timeout: 15_000, polling: 50 });
      const png = PNG.sync.read(await page.screenshot({ omitBackground: true }));
      const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
      for (const [x, y] of [[0, 0], [1919, 0], [0, 1079], [1919, 1079]] as const) expect(alphaAt(x, y), `alpha at ${x},${y}`).toBe(0);
      expect(alphaAt(300, 150), 'the meter panel').toBeGreaterThan(200);
      expect(errors).toEqual([]);
    });
  });

  it('report writes the audit report from the journal the show above left', async () => {
    const { stdout } = await run(installed.bin, ['report', '--out', 'reports'], { cwd: installed.dir, env: { ...process.env, DATA_DIR: join(installed.dir, 'data') } });
    expect(stdout).toContain('wrote');
    const report = JSON.parse(readFileSync(join(installed.dir, 'reports/local-love-2024-report.json'), 'utf8')) as { donation: { raisedMinor: number } };
    expect(report.donation.raisedMinor).toBeGreaterThan(0);
  });

  it('recap draws the results card from that journal, with the fonts and icons the package carries', async () => {
    const { stdout } = await run(installed.bin, ['recap', '--out', 'recap', '--lang', 'en'], { cwd: installed.dir, env: { ...process.env, DATA_DIR: join(installed.dir, 'data') } });
    expect(stdout).toContain('wrote');
    const png = PNG.sync.read(readFileSync(join(installed.dir, 'recap/local-love-2024-recap-en-1920x1080.png')));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // The installed package has no @fontsource: the card's Noto Sans JP comes from dist-feed/fonts.
    expect(existsSync(join(installed.dir, 'node_modules/@fontsource/noto-sans-jp'))).toBe(false);
    expect(existsSync(join(installed.dir, 'node_modules/local-love-overlay/dist-feed/fonts/900.css'))).toBe(true);
  }, 60_000);
});
