/**
 * `npm run bench`: the overlay's cost in headless Chromium drawing WebGL in software (SwiftShader), as OBS
 * does without hardware acceleration. One run, one table, scenarios side by side:
 *
 *   baseline   a bare transparent 1920x1080 pixi canvas drawing as many particles as the storm, with MSAA
 *   base no-AA the same bare canvas with antialias off: what the canvas itself can do (the goal's yardstick)
 *   idle       the overlay with no reactions: it should draw nothing at all
 *   steady     200 likes/s, 5 comments/s, 1 gift/s
 *   storm      10,000 likes/s, 100 comments/s, 20 gifts/s, the meter counting all the while
 *   reconnect  the storm, with the feed server restarted in the middle of the measurement
 *
 * Steady, storm and reconnect run with a lower third on screen (the roster's first person), as on air.
 * The overlay draws each widget on a canvas of its own; the GL probe (tests/e2e/gl-probe.ts) counts a frame
 * per animation frame in which any canvas drew, and times that frame's callbacks together, so fps is what
 * the viewer sees. "main ms/frame" is the main thread's own time in those callbacks
 * (frame-thread-time.ts); "wall ms/frame" the same callbacks by the wall clock, which also counts the time
 * the thread waited for a core. Each row ends with the machine's load average: on a shared
 * machine, compare rows only when their loads are alike.
 *
 * Then "on air": five fresh page loads, each timed from navigation to the first frame with the meter drawn
 * from the feed (median printed), and the JavaScript (gzip) and font bytes the overlay loaded.
 *
 * `--soak` adds a 5-minute storm and reports heap growth and texture count change.
 * A benchmark, not a test: it prints figures and judges nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { PAGE_PREPARED_AFTER_MS, startFeedServer, type FeedServer, type FeedServerOptions } from '../../src/feed/server.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../src/feed/recap/find-browser.ts';
import { buildPages } from '../../src/feed/setup/build-if-stale.ts';
import { startFrameThreadTimer } from './frame-thread-time.ts';
import { GL_PROBE_SCRIPT, READ_GL_PROBE, readFramesSince, type GlProbeReading, type ProbeFrames } from '../../tests/e2e/gl-probe.ts';
import { OBS_BROWSER_TARGET } from '../../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SOAK = process.argv.includes('--soak');
/** `--query=widgets=bursts` adds URL parameters to the overlay (to measure one widget alone, say). */
const QUERY = process.argv.find((arg) => arg.startsWith('--query='))?.slice('--query='.length) ?? '';
const WARM_UP_MS = 3000;
/** The producer's token of the bench's feed: steady, storm and reconnect run with a lower third on screen. */
const CONTROL_TOKEN = 'bench-producer-token-0123456789';
const CAMPAIGN = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const MEASURE_MS = 6000;
const SOAK_MS = 5 * 60_000;

interface Rates {
  likesPerSecond: number;
  commentsPerSecond: number;
  giftsPerSecond: number;
}
const STEADY: Rates = { likesPerSecond: 200, commentsPerSecond: 5, giftsPerSecond: 1 };
const STORM: Rates = { likesPerSecond: 10_000, commentsPerSecond: 100, giftsPerSecond: 20 };

interface Row {
  scenario: string;
  renderer: string;
  fps: number;
  frameIntervalP95: number;
  /** The main thread's own (CPU) time per drawn frame (frame-thread-time.ts), and the same frames by the wall clock. */
  mainMsP95: number;
  wallMsP95: number;
  drawsPerSecond: number;
  mainThreadShare: number;
  live: number;
  liveMax: number;
  heapStartMb: number;
  heapEndMb: number;
  texturesStart: number;
  texturesEnd: number;
  /** The machine's 1-minute load average at the start and the end of the measurement. */
  loadStart: number;
  loadEnd: number;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The pages, built for OBS's Chromium into a directory of their own: the overlay exactly as the package
 * ships it (the project's Vite config: the overlay alone, then the producer's pages beside it), then the
 * baseline page in a build of its own, so that it changes nothing in the overlay's chunks (its top-level
 * await alone would turn off Rolldown's chunk optimisation for the whole build).
 */
async function buildBenchPages(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'local-love-bench-'));
  await buildPages(ROOT, { outDir, logLevel: 'error' });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: {
      target: OBS_BROWSER_TARGET,
      outDir,
      emptyOutDir: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { baseline: join(ROOT, 'scripts/bench/baseline.html') } },
    },
  });
  return outDir;
}

function startFeed(staticDir: string, rates: Rates | null, extra: Partial<FeedServerOptions> = {}): Promise<FeedServer> {
  return startFeedServer({
    campaign: CAMPAIGN,
    port: 0,
    control: { token: CONTROL_TOKEN },
    staticDir,
    simulator: rates ? { ...rates, sharesPerSecond: 0, surges: false } : false,
    log: () => {},
    ...extra,
  });
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

interface OpenPage {
  page: Page;
  cdp: CDPSession;
  rendererName(): Promise<string>;
  /** An expression for the live particles now (0 where the page has none to report). */
  liveExpression: string;
  close(): Promise<void>;
}

async function openPage(browser: Browser, url: string, kind: 'overlay' | 'baseline'): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(GL_PROBE_SCRIPT);
  await page.goto(url);
  if (kind === 'overlay') {
    await page.waitForFunction('window.__localLove && (window.__localLove.isReady || window.__localLove.error)', undefined, { timeout: 60_000 });
    const error = await page.evaluate('window.__localLove.error');
    if (error) throw new Error(`the overlay failed to start: ${String(error)}`);
  } else {
    await page.waitForFunction('window.__baseline', undefined, { timeout: 60_000 });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    page,
    cdp,
    rendererName: () => page.evaluate<string>(kind === 'overlay' ? 'window.__localLove.rendererName' : 'window.__baseline.rendererName'),
    liveExpression: kind === 'overlay' ? "(window.__localLove.widget('reaction-burst')?.live ?? 0)" : 'window.__baseline.count',
    close: () => context.close(),
  };
}

/** Measures an open page for `durationMs`; `during` runs alongside (the reconnect's restart). */
async function measure(scenario: string, open: OpenPage, durationMs: number, during?: () => Promise<void>): Promise<Row> {
  const { page, cdp } = open;
  const loadStart = loadavg()[0]!;
  const heapStartMb = await heapMb(cdp);
  const threadTimer = await startFrameThreadTimer(page, cdp);
  const start = await page.evaluate<GlProbeReading>(READ_GL_PROBE);
  const mainStart = await mainThreadMs(cdp);
  const wallStart = Date.now();
  // Sampled inside the page: a round trip per sample would itself cost main-thread time.
  await page.evaluate(`window.__liveSamples = []; window.__liveSampler = setInterval(() => window.__liveSamples.push(${open.liveExpression}), 250)`);
  await Promise.all([page.waitForTimeout(durationMs), during?.()]);
  const liveSamples = await page.evaluate<number[]>('(clearInterval(window.__liveSampler), window.__liveSamples)');
  const wallMs = Date.now() - wallStart;
  const end = await page.evaluate<GlProbeReading>(READ_GL_PROBE);
  const mainEnd = await mainThreadMs(cdp);
  const frames = await page.evaluate<ProbeFrames>(readFramesSince(start.frames));
  const threadMs = await threadTimer.finish(frames);
  const intervals = frames.starts.slice(1).map((at, index) => at - frames.starts[index]!);
  const heapEndMb = await heapMb(cdp);
  return {
    scenario,
    renderer: await open.rendererName(),
    fps: ((end.frames - start.frames) * 1000) / wallMs,
    frameIntervalP95: percentile(intervals, 95),
    mainMsP95: percentile(threadMs, 95),
    wallMsP95: percentile(frames.work, 95),
    drawsPerSecond: ((end.draws - start.draws) * 1000) / wallMs,
    mainThreadShare: (mainEnd - mainStart) / wallMs,
    live: liveSamples.length ? liveSamples.reduce((sum, n) => sum + n, 0) / liveSamples.length : 0,
    liveMax: Math.max(0, ...liveSamples),
    heapStartMb,
    heapEndMb,
    texturesStart: start.textures,
    texturesEnd: end.textures,
    loadStart,
    loadEnd: loadavg()[0]!,
  };
}

/** Takes the roster's first person on air as a lower third (it stays: no auto-out). */
async function showLowerThird(feed: FeedServer): Promise<void> {
  const rosterId = CAMPAIGN.roster[0]?.id;
  if (!rosterId) throw new Error('the sample campaign has no roster entry to show as a lower third');
  const response = await fetch(`${feed.url}/api/control/lower-third/show`, {
    method: 'POST',
    headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rosterId }),
  });
  if (!response.ok) throw new Error(`the lower third could not be shown: ${response.status} ${await response.text()}`);
}

/** With the show clock on the overlay (`--query=widgets=…,clock`), it runs, as it does on air: a countdown of an hour. */
async function startShowClock(feed: FeedServer): Promise<void> {
  for (const [path, body] of [['/clock/set', { mode: 'countdown', durationMs: 3_600_000 }], ['/clock/start', {}]] as const) {
    const response = await fetch(`${feed.url}/api/control${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`the show clock could not be started: ${response.status} ${await response.text()}`);
  }
}

async function overlayScenario(browser: Browser, staticDir: string, scenario: string, rates: Rates | null, durationMs = MEASURE_MS): Promise<Row> {
  const feed = await startFeed(staticDir, rates);
  const open = await openPage(browser, `${feed.url}/?${QUERY}`, 'overlay');
  try {
    if (/\bclock\b/.test(new URLSearchParams(QUERY).get('widgets') ?? '')) await startShowClock(feed);
    if (rates) await showLowerThird(feed);
    await open.page.waitForTimeout(WARM_UP_MS);
    return await measure(scenario, open, durationMs);
  } finally {
    await open.close();
    await feed.close();
  }
}

/** The storm, with the feed server stopped and started again on the same port (and journal) mid-way. */
async function reconnectScenario(browser: Browser, staticDir: string): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), 'local-love-bench-journal-'));
  let feed = await startFeed(staticDir, STORM, { dataDir });
  const port = feed.port;
  const open = await openPage(browser, `${feed.url}/?${QUERY}`, 'overlay');
  try {
    await showLowerThird(feed); // kept in the journal: it is back after the restart
    await open.page.waitForTimeout(WARM_UP_MS);
    return await measure('reconnect', open, MEASURE_MS + 2000, async () => {
      await open.page.waitForTimeout(1500);
      await feed.close();
      await open.page.waitForTimeout(1000);
      feed = await startFeed(staticDir, STORM, { dataDir, port });
    });
  } finally {
    await open.close();
    await feed.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function baselineScenario(browser: Browser, staticDir: string, count: number, antialias: boolean): Promise<Row> {
  const feed = await startFeed(staticDir, null);
  const query = `count=${Math.max(1, Math.round(count))}${antialias ? '' : '&antialias=0'}`;
  const open = await openPage(browser, `${feed.url}/scripts/bench/baseline.html?${query}`, 'baseline');
  try {
    await open.page.waitForTimeout(WARM_UP_MS);
    return await measure(antialias ? 'baseline' : 'base no-AA', open, MEASURE_MS);
  } finally {
    await open.close();
    await feed.close();
  }
}

interface OnAir {
  /** Navigation to the first frame with the meter drawn from the feed, one per fresh page load. */
  meterMs: number[];
  /** Navigation to ready (every widget drawn with the first state). */
  readyMs: number[];
  /** JavaScript the overlay loaded, each file gzipped as a server would send it. */
  jsGzipBytes: number;
  jsFiles: number;
  fontBytes: number;
  fontFiles: number;
  loadStart: number;
  loadEnd: number;
}

const ON_AIR_LOADS = 5;

/** Fresh page loads (a new context each: no cache), as OBS loads a source at a scene cut with "refresh" ticked. */
async function onAirScenario(browser: Browser, staticDir: string): Promise<OnAir> {
  const feed = await startFeed(staticDir, null);
  // On a show the feed server has been running for a while when OBS loads the page: it has made the page's
  // font and dictionary writers (a second after its start). The first load here must not be the one that
  // waits for them (140-300 ms), or it measures the server's start rather than the page.
  await new Promise((resolve) => setTimeout(resolve, PAGE_PREPARED_AFTER_MS + 500));
  const result: OnAir = { meterMs: [], readyMs: [], jsGzipBytes: 0, jsFiles: 0, fontBytes: 0, fontFiles: 0, loadStart: loadavg()[0]!, loadEnd: 0 };
  try {
    for (let load = 0; load < ON_AIR_LOADS; load++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const bodies: Promise<void>[] = [];
      if (load === 0) {
        page.on('response', (response) => {
          const type = response.request().resourceType();
          if (type !== 'script' && type !== 'font') return;
          bodies.push(
            response.body().then((body) => {
              if (type === 'script') {
                result.jsGzipBytes += gzipSync(body, { level: 9 }).length;
                result.jsFiles++;
              } else {
                result.fontBytes += body.length;
                result.fontFiles++;
              }
            }),
          );
        });
      }
      await page.goto(`${feed.url}/?${QUERY}`);
      await page.waitForFunction('window.__localLove && (window.__localLove.isReady || window.__localLove.error)', undefined, { timeout: 60_000 });
      const times = await page.evaluate<{ meter: number | null; ready: number | null }>('({ meter: window.__localLove.meterOnAirAtMs, ready: window.__localLove.firstDrawAtMs })');
      if (times.meter !== null) result.meterMs.push(times.meter);
      if (times.ready !== null) result.readyMs.push(times.ready);
      await Promise.all(bodies);
      await context.close();
    }
    result.loadEnd = loadavg()[0]!;
    return result;
  } finally {
    await feed.close();
  }
}

function printOnAir(onAir: OnAir): void {
  const list = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(' / ');
  const median = (values: number[]) => percentile(values, 50).toFixed(0);
  console.log(`on air (load ${onAir.loadStart.toFixed(1)}→${onAir.loadEnd.toFixed(1)}): first meter frame ${list(onAir.meterMs)} ms, median ${median(onAir.meterMs)} ms (ready ${list(onAir.readyMs)} ms, median ${median(onAir.readyMs)} ms)`);
  console.log(
    `loaded: JavaScript ${(onAir.jsGzipBytes / 1024).toFixed(1)} KiB gzip in ${onAir.jsFiles} files, fonts ${(onAir.fontBytes / 1024).toFixed(1)} KiB in ${onAir.fontFiles} files`,
  );
}

const COLUMNS: readonly [string, number, (row: Row, baseline: Row, plain: Row) => string][] = [
  ['scenario', 10, (row) => row.scenario],
  ['renderer', 8, (row) => row.renderer],
  ['fps', 6, (row) => row.fps.toFixed(1)],
  ['frame p95 ms', 12, (row) => (row.fps > 0 ? row.frameIntervalP95.toFixed(1) : '-')],
  ['main ms/frame p95', 17, (row) => (row.fps > 0 ? row.mainMsP95.toFixed(2) : '-')],
  ['wall ms/frame p95', 17, (row) => (row.fps > 0 ? row.wallMsP95.toFixed(2) : '-')],
  ['draws/s', 8, (row) => row.drawsPerSecond.toFixed(0)],
  ['main %', 6, (row) => (100 * row.mainThreadShare).toFixed(1)],
  ['live (max)', 11, (row) => `${row.live.toFixed(0)} (${row.liveMax})`],
  ['heap MB start→end', 17, (row) => `${row.heapStartMb.toFixed(1)}→${row.heapEndMb.toFixed(1)}`],
  ['textures', 8, (row) => (row.texturesStart === row.texturesEnd ? String(row.texturesEnd) : `${row.texturesStart}→${row.texturesEnd}`)],
  ['fps/baseline', 12, (row, baseline) => (baseline.fps > 0 ? (row.fps / baseline.fps).toFixed(2) : '-')],
  ['fps/no-AA', 9, (row, _baseline, plain) => (plain.fps > 0 ? (row.fps / plain.fps).toFixed(2) : '-')],
  ['load', 9, (row) => `${row.loadStart.toFixed(1)}→${row.loadEnd.toFixed(1)}`],
];

function printTable(rows: readonly Row[], baseline: Row, plain: Row): void {
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(COLUMNS[index]![1])).join(' | ')} |`;
  console.log(line(COLUMNS.map(([title]) => title)));
  console.log(`|${COLUMNS.map(([, width]) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(COLUMNS.map(([, , cell]) => cell(row, baseline, plain))));
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log('building the overlay and the baseline page...');
  const staticDir = await buildBenchPages();
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS, headless: true });
  try {
    const log = (row: Row) => console.log(`  ${row.scenario}: ${row.fps.toFixed(1)} fps, ${row.live.toFixed(0)} particles`);
    const idle = await overlayScenario(browser, staticDir, 'idle', null);
    log(idle);
    const steady = await overlayScenario(browser, staticDir, 'steady', STEADY);
    log(steady);
    const storm = await overlayScenario(browser, staticDir, 'storm', STORM);
    log(storm);
    const reconnect = await reconnectScenario(browser, staticDir);
    log(reconnect);
    const baseline = await baselineScenario(browser, staticDir, storm.live, true);
    log(baseline);
    const plain = await baselineScenario(browser, staticDir, storm.live, false);
    log(plain);
    const onAir = await onAirScenario(browser, staticDir);
    console.log();
    printTable([baseline, plain, idle, steady, storm, reconnect], baseline, plain);
    console.log();
    printOnAir(onAir);
    if (SOAK) {
      console.log(`\nsoak: ${SOAK_MS / 60_000} minutes of storm...`);
      const soak = await overlayScenario(browser, staticDir, 'soak', STORM, SOAK_MS);
      printTable([soak], baseline, plain);
      console.log(`soak: heap ${(soak.heapEndMb - soak.heapStartMb).toFixed(2)} MB over ${SOAK_MS / 60_000} min (after GC), textures ${soak.texturesStart}→${soak.texturesEnd}`);
    }
    console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all (headless Chromium, software WebGL: ${CHROMIUM_ARGS.join(' ')})`);
  } finally {
    await browser.close();
    await rm(staticDir, { recursive: true, force: true });
  }
}

await main();
