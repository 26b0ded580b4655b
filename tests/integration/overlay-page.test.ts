import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlayPage } from '../../src/feed/http/overlay-page.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { inlineCampaign } from '../../src/overlay/inline-campaign.ts';
import { CAMPAIGN_SCRIPT_ID, campaignInfoOf, type CampaignInfo } from '../../src/protocol/index.ts';

const sample = campaignInfoOf(loadCampaignFile(SAMPLE_CAMPAIGN_PATH));
// A name that would end the element and run a script, were it written as it is.
const hostile: CampaignInfo = { ...sample, name: { ...sample.name, en: '</script><script>alert(1)</script>' } };

/** The overlay's page through a real HTTP server; what overlayPage passes on answers 404. */
function serve(dir: string, info: () => CampaignInfo): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => overlayPage(dir, info)(request, response, () => ((response.statusCode = 404), response.end())));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** What the overlay reads (main.ts): the element's text. */
function writtenCampaign(html: string): string | undefined {
  return new RegExp(`<script type="application/json" id="${CAMPAIGN_SCRIPT_ID}">(.*?)</script>`, 's').exec(html)?.[1];
}

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
