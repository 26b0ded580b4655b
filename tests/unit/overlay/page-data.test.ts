import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../src/feed/setup/campaign-file.ts';
import { inlineCampaign, inlineState } from '../../../src/overlay/page-data.ts';
import { Aggregator } from '../../../src/feed/reactions/aggregator.ts';
import { campaignInfoOf } from '../../../src/protocol/index.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const info = campaignInfoOf(campaign);

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

describe("the page's state (written by the feed server)", () => {
  afterEach(() => vi.restoreAllMocks());
  const aggregator = new Aggregator(campaign);
  aggregator.apply({ region: 'tohoku', market: 'jp', likes: 100 });

  it('is taken for the scope the overlay watches only', () => {
    // Each state() call stamps its own serverTime: compare against the one state that was written.
    const tohokuState = aggregator.state('tohoku');
    const tohoku = JSON.stringify(tohokuState);
    expect(inlineState(tohoku, null, 'tohoku')).toEqual(tohokuState);
    expect(inlineState(tohoku, null, 'noto')).toBeNull();
    expect(inlineState(tohoku, null, null)).toBeNull();
    const everywhere = aggregator.state(null);
    expect(inlineState(JSON.stringify(everywhere), null, null)).toEqual(everywhere);
  });

  it('is not used for another feed (feed=), nor when it is missing, not JSON or not an object', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(inlineState(JSON.stringify(aggregator.state(null)), 'http://192.168.1.20:8787', null)).toBeNull();
    expect(inlineState(undefined, null, null)).toBeNull();
    expect(inlineState('null', null, null)).toBeNull();
    expect(inlineState('42', null, null)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    expect(inlineState('{"seq": ', null, null)).toBeNull();
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining("ignored the page's state, which is not JSON"));
  });
});
