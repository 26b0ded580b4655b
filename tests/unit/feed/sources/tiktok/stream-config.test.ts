import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CampaignConfig, describeZodError } from '../../../../../src/protocol/index.ts';

const sample = JSON.parse(readFileSync(new URL('../../../../../assets/campaigns/local-love.json', import.meta.url), 'utf8'));

function problems(input: unknown): string {
  const result = CampaignConfig.safeParse(input);
  return result.success ? '' : describeZodError(result.error);
}

const withStreams = (streams: unknown[]) => ({ ...sample, streams });

describe('CampaignConfig.streams', () => {
  it('maps the sample’s five regional streams to its regions and markets', () => {
    const campaign = CampaignConfig.parse(sample);
    expect(campaign.streams.map((s) => [s.uniqueId, s.region, s.market])).toEqual([
      ['locallove_tohoku', 'tohoku', 'jp'],
      ['locallove_kumamoto', 'kumamoto', 'tw'],
      ['locallove_noto', 'noto', 'kr'],
      ['locallove_hiroshima', 'hiroshima', 'th'],
      ['locallove_hokkaido', 'hokkaido', 'us'],
    ]);
    expect(new Set(campaign.streams.map((s) => s.region)).size).toBe(campaign.regions.length);
  });

  it('is optional: a campaign without streams has none', () => {
    const { streams: _streams, ...withoutStreams } = sample;
    expect(CampaignConfig.parse(withoutStreams).streams).toEqual([]);
  });

  it('drops a leading @ from the username', () => {
    const campaign = CampaignConfig.parse(withStreams([{ uniqueId: '@sendai.live_2024', region: 'tohoku', market: 'jp' }]));
    expect(campaign.streams[0]!.uniqueId).toBe('sendai.live_2024');
  });

  it('names a stream whose region or market is not in the campaign', () => {
    const text = problems(withStreams([{ uniqueId: 'a_b', region: 'tohoku', market: 'jp' }, { uniqueId: 'c_d', region: 'okinawa', market: 'fr' }]));
    expect(text).toMatch(/^streams\.1\.region: unknown region "okinawa" \(known: tohoku, kumamoto, noto, hiroshima, hokkaido\)$/m);
    expect(text).toMatch(/^streams\.1\.market: unknown market "fr" \(known: jp, tw, hk, kr, th, id, vn, ph, us\)$/m);
    expect(text).not.toMatch(/streams\.0/);
  });

  it('refuses the same TikTok user twice, which would count every reaction twice', () => {
    const text = problems(withStreams([{ uniqueId: 'Sendai_Live', region: 'tohoku', market: 'jp' }, { uniqueId: '@sendai_live', region: 'noto', market: 'kr' }]));
    expect(text).toMatch(/^streams\.1\.uniqueId: @sendai_live is listed more than once$/m);
  });

  it('refuses a username TikTok could not have, and unknown fields', () => {
    expect(problems(withStreams([{ uniqueId: 'https://www.tiktok.com/@x', region: 'tohoku', market: 'jp' }]))).toMatch(/^streams\.0\.uniqueId: must be a TikTok username/m);
    expect(problems(withStreams([{ uniqueId: 'ok_name', region: 'tohoku', market: 'jp', regoin: 'noto' }]))).toMatch(/regoin/);
  });
});
