import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlayPage } from '../../src/feed/http/overlay-page.ts';
import { readTrueType } from '../../src/feed/fonts/truetype-read.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { inlineCampaign, inlineState } from '../../src/overlay/page-data.ts';
import { Aggregator } from '../../src/feed/reactions/aggregator.ts';
import { FONT_MANIFEST_FILE, fontManifestOf } from '../../src/feed/http/font-manifest.ts';
import { DICTIONARY_MANIFEST_FILE } from '../../src/feed/http/dictionary-manifest.ts';
import { loadWords } from '../../src/i18n/words.ts';
import { CAMPAIGN_SCRIPT_ID, PAGE_FONTS_SCRIPT_ID, STATE_SCRIPT_ID, campaignInfoOf, type CampaignInfo, type FeedState, type PageFonts } from '../../src/protocol/index.ts';
import { BUNDLED_WEIGHTS } from '../../src/theme/fonts.ts';
import { BUNDLED_FACES } from '../../src/theme/language-fonts.ts';
import { parseParams } from '../../src/theme/parse-params.ts';

const require = createRequire(import.meta.url);

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const sample = campaignInfoOf(campaign);
// A name that would end the element and run a script, were it written as it is.
const hostile: CampaignInfo = { ...sample, name: { ...sample.name, en: '</script><script>alert(1)</script>' } };

/** The overlay's page through a real HTTP server; what overlayPage passes on answers 404. */
function serve(dir: string, info: () => CampaignInfo, state?: (region: string | null) => FeedState): Promise<{ server: Server; url: string }> {
  const page = overlayPage(dir, { campaign: info, ...(state ? { state } : {}) });
  const server = createServer((request, response) => page(request, response, () => ((response.statusCode = 404), response.end())));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** What the overlay reads (main.ts): an element's text. */
function written(html: string, id: string): string | undefined {
  return new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html)?.[1];
}
const writtenCampaign = (html: string) => written(html, CAMPAIGN_SCRIPT_ID);

describe('the overlay page served with its campaign', () => {
  let dir: string;
  let served: { server: Server; url: string };
  let current = sample;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'overlay-page-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    served = await serve(dir, () => current);
  });
  afterAll(() => {
    served.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the campaign into the head, as the overlay reads it back', async () => {
    const response = await fetch(`${served.url}/?lang=en&region=noto`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('<title>overlay</title>');
    expect(html.indexOf(CAMPAIGN_SCRIPT_ID)).toBeLessThan(html.indexOf('</head>'));
    expect(inlineCampaign(writtenCampaign(html), null)).toEqual(sample);
    expect(await (await fetch(`${served.url}/index.html`)).text()).toBe(html);
  });

  it('writes the campaign as it is at each request, and no text in it can end the element', async () => {
    current = hostile;
    const html = await (await fetch(`${served.url}/`)).text();
    current = sample;
    expect(html).not.toContain('</script><script>');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(inlineCampaign(writtenCampaign(html), null)).toEqual(hostile);
  });

  it('answers HEAD without a body and passes anything else on', async () => {
    const head = await fetch(`${served.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${served.url}/assets/overlay.js`)).status).toBe(404);
    expect((await fetch(`${served.url}/`, { method: 'POST' })).status).toBe(404);
  });

  it('passes on when the build has no page to write into', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'overlay-page-empty-'));
    const other = await serve(empty, () => sample);
    try {
      expect((await fetch(`${other.url}/`)).status).toBe(404);
    } finally {
      other.server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the overlay page served with the state of its region', () => {
  let dir: string;
  let served: { server: Server; url: string };
  const aggregator = new Aggregator(campaign);
  const asked: (string | null)[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'overlay-page-state-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    served = await serve(dir, () => sample, (region) => (asked.push(region), aggregator.state(region)));
  });
  afterAll(() => {
    served.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the state of the URL's region as it is at the request, which the overlay takes for that region only", async () => {
    aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 1_234 });
    const html = await (await fetch(`${served.url}/?lang=en&region=noto`)).text();
    const state = inlineState(written(html, STATE_SCRIPT_ID), null, 'noto') as FeedState;
    expect(state).toEqual({ ...aggregator.state('noto'), serverTime: expect.any(Number) });
    expect(state.donation.raisedMinor).toBe(1_234);
    expect(html.indexOf(STATE_SCRIPT_ID)).toBeLessThan(html.indexOf('</head>'));
    // A region read elsewhere (the URL's hash) is not this one: the overlay waits for its socket.
    expect(inlineState(written(html, STATE_SCRIPT_ID), null, 'tohoku')).toBeNull();
    expect(inlineState(written(html, STATE_SCRIPT_ID), null, null)).toBeNull();
    aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 1 });
    const later = await (await fetch(`${served.url}/?region=noto`)).text();
    expect((inlineState(written(later, STATE_SCRIPT_ID), null, 'noto') as FeedState).donation.raisedMinor).toBe(1_235);
    expect(asked.slice(-2)).toEqual(['noto', 'noto']);
  });

  it("writes the whole campaign's state without a region, and none for an overlay that reads another feed", async () => {
    const html = await (await fetch(`${served.url}/?lang=ja`)).text();
    expect(inlineState(written(html, STATE_SCRIPT_ID), null, null)).toEqual({ ...aggregator.state(null), serverTime: expect.any(Number) });
    const other = await (await fetch(`${served.url}/?feed=${encodeURIComponent('http://127.0.0.1:1')}`)).text();
    expect(other).not.toContain(STATE_SCRIPT_ID);
    expect(writtenCampaign(other)).toBeDefined();
  });

  it('is served without a state, but served, when the state cannot be had', async () => {
    const failing = await serve(dir, () => sample, () => {
      throw new Error('the totals cannot be read');
    });
    try {
      const response = await fetch(`${failing.url}/`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).not.toContain(STATE_SCRIPT_ID);
      expect(inlineCampaign(writtenCampaign(html), null)).toEqual(sample);
    } finally {
      failing.server.close();
    }
  });
});

describe('the overlay page served with the preload of its dictionary', () => {
  let dir: string;
  let served: { server: Server; url: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'overlay-page-words-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    writeFileSync(join(dir, DICTIONARY_MANIFEST_FILE), JSON.stringify({ ja: '/assets/ja-A1.js', 'zh-Hant': '/assets/zh-Hant-B2.js' }));
    served = await serve(dir, () => sample);
  });
  afterAll(() => {
    served.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const preloaded = async (query: string) => [...(await (await fetch(`${served.url}/?${query}`)).text()).matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);

  it("preloads the dictionary of the language the overlay reads from the URL, as its own parser reads it", async () => {
    expect(await preloaded('lang=ja')).toEqual(['/assets/ja-A1.js']);
    expect(await preloaded('')).toEqual(['/assets/ja-A1.js']); // Japanese unless told otherwise
    expect(await preloaded('lang=zh-Hant-HK')).toEqual(['/assets/zh-Hant-B2.js']);
  });

  it('is served, with its campaign, without fonts or preload when a manifest cannot be read (a build copied half-way)', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'overlay-page-broken-'));
    writeFileSync(join(broken, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    writeFileSync(join(broken, DICTIONARY_MANIFEST_FILE), '{"ja": "/assets/ja-');
    const other = await serve(broken, () => sample);
    try {
      for (let page = 0; page < 2; page++) {
        const response = await fetch(`${other.url}/?lang=ja`);
        expect(response.status).toBe(200);
        const html = await response.text();
        expect(html).not.toContain('modulepreload');
        expect(inlineCampaign(writtenCampaign(html), null)).toEqual(sample);
      }
    } finally {
      other.server.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('preloads nothing for a language whose words are in the overlay itself (English) or that the build lacks', async () => {
    expect(await preloaded('lang=en')).toEqual([]);
    expect(await preloaded('lang=ko')).toEqual([]);
    expect(await preloaded('lang=xx')).toEqual(['/assets/ja-A1.js']); // a bad tag falls back to Japanese, as on screen
  });
});

describe("the overlay page served with its first fonts", () => {
  let dir: string;
  let served: { server: Server; url: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'overlay-page-fonts-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    // The build's manifest, from the stylesheets the overlay bundles (as vite.config.ts writes it).
    const sheets = BUNDLED_FACES.flatMap((face) => BUNDLED_WEIGHTS.map((weight) => readFileSync(require.resolve(`${face.pkg}/${weight}.css`), 'utf8')));
    writeFileSync(join(dir, FONT_MANIFEST_FILE), JSON.stringify(fontManifestOf(sheets)));
    served = await serve(dir, () => sample);
  });
  afterAll(() => {
    served.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pageFonts = (html: string): PageFonts => JSON.parse(new RegExp(`<script type="application/json" id="${PAGE_FONTS_SCRIPT_ID}">(.*?)</script>`).exec(html)![1]!);
  const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((match) => match[1]!);

  it("writes, for the query's language and preset, the preloads and rules of the meter's and sign's glyphs", async () => {
    const html = await (await fetch(`${served.url}/?lang=ko&preset=night&market=tw`)).text();
    const { theme } = parseParams('lang=ko&preset=night&market=tw');
    const fonts = pageFonts(html);
    expect(fonts.faces).toEqual(['Noto Sans KR', 'Noto Sans JP']);
    expect(Object.keys(fonts.glyphs).map(Number).sort()).toEqual([...new Set(Object.values(theme.weights))].sort());
    // The campaign's Korean title in the heavy weight, the market's line and the sign's words in the regular one.
    for (const char of '로컬 러브') expect(fonts.glyphs[String(theme.weights.heavy)]).toContain(char);
    for (const char of (await loadWords('ko')).reconnecting + sample.markets.find((market) => market.id === 'tw')!.name.ko!) expect(fonts.glyphs[String(theme.weights.regular)]).toContain(char);
    const files = preloads(html);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((url) => /noto-sans-kr-.*-(500|700|800)-normal/.test(url))).toBe(true);
    expect(html.match(/@font-face\{/g)).toHaveLength(files.length);
    expect(html.indexOf('</head>')).toBeGreaterThan(html.lastIndexOf('rel="preload"'));
  });

  it('writes fewer files for a Latin language than for Japanese, and none for another feed (feed=)', async () => {
    const ja = preloads(await (await fetch(`${served.url}/?lang=ja`)).text());
    const en = preloads(await (await fetch(`${served.url}/?lang=en`)).text());
    expect(en.length).toBeLessThan(ja.length);
    const other = await (await fetch(`${served.url}/?lang=en&feed=${encodeURIComponent('http://127.0.0.1:1')}`)).text();
    expect(preloads(other)).toEqual([]);
    expect(other).not.toContain(PAGE_FONTS_SCRIPT_ID);
    expect(writtenCampaign(other)).toBeDefined();
  });

  it('writes no fonts for a build without the manifest', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'overlay-page-plain-'));
    writeFileSync(join(plain, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    const other = await serve(plain, () => sample);
    try {
      const html = await (await fetch(`${other.url}/?lang=ja`)).text();
      expect(html).not.toContain(PAGE_FONTS_SCRIPT_ID);
      expect(preloads(html)).toEqual([]);
      expect(inlineCampaign(writtenCampaign(html), null)).toEqual(sample);
    } finally {
      other.server.close();
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('the overlay page with merged fonts', () => {
  const dirs: string[] = [];
  const servers: Server[] = [];
  /** An overlay build with Noto Sans JP's rules, and its files unless `withFiles` is false. */
  async function build(withFiles: boolean, log: (message: string) => void = () => {}): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'overlay-page-merged-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>overlay</title></head><body></body></html>');
    // The stylesheets name their files `./files/…`: the build's files are the package's own.
    const jp = dirname(require.resolve('@fontsource/noto-sans-jp/500.css'));
    if (withFiles) symlinkSync(join(jp, 'files'), join(dir, 'files'));
    writeFileSync(join(dir, FONT_MANIFEST_FILE), JSON.stringify(fontManifestOf(BUNDLED_WEIGHTS.map((weight) => readFileSync(join(jp, `${weight}.css`), 'utf8')))));
    const page = overlayPage(dir, { campaign: () => sample, log });
    const server = createServer((request, response) => page(request, response, () => ((response.statusCode = 404), response.end())));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  afterAll(() => {
    servers.forEach((server) => server.close());
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  const pageFonts = (html: string): PageFonts => JSON.parse(new RegExp(`<script type="application/json" id="${PAGE_FONTS_SCRIPT_ID}">(.*?)</script>`).exec(html)![1]!);
  const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((match) => match[1]!);

  it('takes the kanji slices of each weight as one file, and serves that file', async () => {
    const url = await build(true);
    const logged: string[] = [];
    const unmerged = await (await fetch(`${await build(false, (message) => logged.push(message))}/?lang=ja`)).text();
    const html = await (await fetch(`${url}/?lang=ja`)).text();
    const { merged = [], glyphs } = pageFonts(html);
    expect(merged.map((font) => font.weight).sort()).toEqual(Object.keys(glyphs).map(Number).sort());
    // Far fewer files: the slices that stay are those whose kerning or ligatures reach a character shown.
    expect(preloads(html).length).toBeLessThan(preloads(unmerged).length / 2);
    expect(html.match(/@font-face\{/g)?.length).toBe(preloads(html).length - merged.length);
    for (const font of merged) {
      expect(preloads(html)).toContain(font.url);
      const response = await fetch(`${url}${font.url}`);
      expect(response.headers.get('content-type')).toBe('font/ttf');
      const file = readTrueType(new Uint8Array(await response.arrayBuffer()));
      for (const range of font.unicodeRange.split(',')) {
        const code = parseInt(range.slice(2), 16);
        expect(glyphs[String(font.weight)]).toContain(String.fromCodePoint(code));
        expect(file.glyphOf(code)).toBeGreaterThan(0);
      }
      // And the hinter's references, which the page does not draw from it.
      expect(file.glyphOf('田'.codePointAt(0)!)).toBeGreaterThan(0);
    }
    // The same page again is written from what was made: the same files.
    expect(pageFonts(await (await fetch(`${url}/?lang=ja`)).text()).merged).toEqual(merged);
    expect((await fetch(`${url}/fonts/merged/0123456789abcdef0123.ttf`)).status).toBe(404);
    // A build whose slices cannot be read serves its pages with the slices, and says why.
    expect(pageFonts(unmerged).merged).toBeUndefined();
    expect(preloads(unmerged).length).toBeGreaterThan(0);
    expect(logged.some((message) => /could not be merged/.test(message))).toBe(true);
  });
});
