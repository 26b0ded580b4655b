import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CampaignConfig, campaignInfoOf } from '../../../src/protocol/index.ts';
import { campaignProblems } from '../../../src/overlay/theme/campaign-check.ts';

const campaign = campaignInfoOf(
  CampaignConfig.parse(JSON.parse(readFileSync(new URL('../../../assets/campaigns/local-love.json', import.meta.url), 'utf8'))),
);

describe('campaignProblems', () => {
  it('accepts any campaign and the whole campaign by default, and a known region', () => {
    expect(campaignProblems({ campaign: null, region: null, market: null }, campaign)).toEqual([]);
    expect(campaignProblems({ campaign: campaign.id, region: 'tohoku', market: 'tw' }, campaign)).toEqual([]);
  });

  it('names a campaign the feed does not serve', () => {
    const [problem] = campaignProblems({ campaign: 'other-show', region: null, market: null }, campaign);
    expect(problem).toMatchObject({ param: 'campaign', value: 'other-show', allowed: `${campaign.id}, or any` });
  });

  it('names an unknown region, lists the known ones, and falls back to the whole campaign', () => {
    const [problem] = campaignProblems({ campaign: null, region: 'atlantis', market: null }, campaign);
    expect(problem).toMatchObject({ param: 'region', value: 'atlantis', fallback: 'all (the whole campaign)' });
    expect(problem?.allowed).toBe('tohoku, kumamoto, noto, hiroshima, hokkaido, all');
  });

  it('names a market the campaign lacks, lists the known ones, and drops the market line', () => {
    const [problem] = campaignProblems({ campaign: null, region: null, market: 'fr' }, campaign);
    expect(problem).toMatchObject({ param: 'market', value: 'fr', reason: 'is not a market of this campaign', fallback: 'none (no market line)' });
    expect(problem?.allowed).toBe('jp, tw, hk, kr, th, id, vn, ph, us, none');
  });
});
