import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../src/feed/setup/campaign-file.ts';
import { inlineCampaign } from '../../../src/overlay/inline-campaign.ts';
import { campaignInfoOf } from '../../../src/protocol/index.ts';

const info = campaignInfoOf(loadCampaignFile(SAMPLE_CAMPAIGN_PATH));

describe("the page's campaign (written by the feed server)", () => {
  afterEach(() => vi.restoreAllMocks());

  it('is read as the socket would bring it', () => {
    expect(inlineCampaign(JSON.stringify(info), null)).toEqual(info);
  });

  it('is not used for another feed (feed=) or when the page has none', () => {
    expect(inlineCampaign(JSON.stringify(info), 'http://192.168.1.20:8787')).toBeNull();
    expect(inlineCampaign(undefined, null)).toBeNull();
    expect(inlineCampaign('', null)).toBeNull();
  });

  it('is ignored, with a warning naming what is wrong, when it is not JSON or not a campaign', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(inlineCampaign('{"id": ', null)).toBeNull();
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('not JSON'));
    expect(inlineCampaign(JSON.stringify({ ...info, goalMinor: 1.5 }), null)).toBeNull();
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining('goalMinor'));
  });
});
