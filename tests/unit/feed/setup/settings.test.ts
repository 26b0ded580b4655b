import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuildStale } from '../../../../src/feed/setup/build-if-stale.ts';
import { readStartSettings } from '../../../../src/feed/setup/start-settings.ts';
import { SAMPLE_CAMPAIGN_PATH } from '../../../../src/feed/setup/campaign-file.ts';

describe('readStartSettings: the listening, campaign, simulator and TikTok settings', () => {
  it('defaults to 127.0.0.1:8080, the sample campaign, 100 ms ticks and the simulator on', () => {
    expect(readStartSettings({}, [], '/show')).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      campaignPath: SAMPLE_CAMPAIGN_PATH,
      tickMs: 100,
      simulator: true,
      tiktok: false,
      tiktokRecordDir: null,
      tiktokRecordRedacted: false,
      tiktokStallMs: 60_000,
      tiktokGiftList: false,
      overlayDir: null,
    });
  });

  it('honours every variable, resolving paths against the working directory', () => {
    const env = { HOST: '0.0.0.0', PORT: '0', CAMPAIGN: 'c.json', TICK_MS: '250', SIMULATOR: 'off', OVERLAY_DIR: 'out', TIKTOK: 'on', TIKTOK_RECORD: 'rec', TIKTOK_RECORD_REDACT: 'on', TIKTOK_STALL_SECONDS: '90', TIKTOK_GIFT_LIST: 'on' };
    expect(readStartSettings(env, [], '/show')).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      campaignPath: '/show/c.json',
      tickMs: 250,
      simulator: false,
      tiktok: true,
      tiktokRecordDir: '/show/rec',
      tiktokRecordRedacted: true,
      tiktokStallMs: 90_000,
      tiktokGiftList: true,
      overlayDir: '/show/out',
    });
  });

  it('turns the simulator off with --no-simulator', () => {
    expect(readStartSettings({ SIMULATOR: 'on' }, ['--no-simulator']).simulator).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(readStartSettings({ PORT: '' }, []).port).toBe(8080);
    expect(readStartSettings({ HOST: '   ' }, []).host).toBe('127.0.0.1');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: must be a whole number/],
    [{ PORT: '70000' }, /PORT: must be at most 65535/],
    [{ PORT: '-1' }, /PORT: must be a whole number/],
    [{ TICK_MS: '5' }, /TICK_MS: must be at least 10/],
    [{ SIMULATOR: 'maybe' }, /SIMULATOR: must be "on" or "off"/],
    [{ TIKTOK_STALL_SECONDS: '5' }, /TIKTOK_STALL_SECONDS: must be at least 10/],
    [{ TIKTOK_RECORD_REDACT: 'yes' }, /TIKTOK_RECORD_REDACT: must be "on" or "off"/],
    [{ TIKTOK: 'yes' }, /TIKTOK: must be "on" or "off"/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => readStartSettings(env, [])).toThrow(message);
  });

  it('refuses an unknown argument', () => {
    expect(() => readStartSettings({}, ['--simulator=off'])).toThrow(/unknown argument --simulator=off/);
  });
});

describe('isBuildStale', () => {
  const root = mkdtempSync(join(tmpdir(), 'stale-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('is stale without dist, fresh after a build, stale again when a nested source changes', () => {
    mkdirSync(join(root, 'src/overlay'), { recursive: true });
    writeFileSync(join(root, 'src/overlay/main.ts'), '');
    writeFileSync(join(root, 'index.html'), '');
    at(join(root, 'src/overlay/main.ts'), 1000);
    at(join(root, 'src/overlay'), 1000);
    at(join(root, 'src'), 1000);
    at(join(root, 'index.html'), 1000);
    expect(isBuildStale(root)).toBe(true);

    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), '');
    at(join(root, 'dist/index.html'), 2000);
    // The overlay alone is half a build: the producer's pages are built after it.
    expect(isBuildStale(root)).toBe(true);
    for (const page of ['control.html', 'builder.html']) {
      writeFileSync(join(root, 'dist', page), '');
      at(join(root, 'dist', page), 2000);
    }
    expect(isBuildStale(root)).toBe(false);

    at(join(root, 'src/overlay/main.ts'), 3000);
    expect(isBuildStale(root)).toBe(true);
  });

  it('takes --campaign FILE (or --campaign=FILE) over CAMPAIGN, relative to the working directory', () => {
    expect(readStartSettings({ CAMPAIGN: 'env.json' }, ['--campaign', 'show/campaign.json'], '/work').campaignPath).toBe('/work/show/campaign.json');
    expect(readStartSettings({}, ['--no-simulator', '--campaign=/abs/c.json'], '/work')).toMatchObject({ campaignPath: '/abs/c.json', simulator: false });
    expect(readStartSettings({ CAMPAIGN: 'env.json' }, [], '/work').campaignPath).toBe('/work/env.json');
  });

  it('refuses --campaign without a file', () => {
    expect(() => readStartSettings({}, ['--campaign'])).toThrow(/--campaign needs the path of a campaign file/);
    expect(() => readStartSettings({}, ['--campaign', '--no-simulator'])).toThrow(/--campaign needs the path/);
  });
});
