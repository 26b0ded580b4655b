import type { CampaignInfo } from '../../protocol/index.ts';
import { displayText } from './display-text.ts';
import { paramProblem, type ParamProblem } from './parse-params.ts';
import type { OverlayParams } from './params-schema.ts';

const ids = (list: readonly { id: string }[], word: string) => ({ id: 'values', args: { values: [...list.map((item) => item.id), word].join(', ') } }) as const;

/**
 * The parameters that can only be checked once the feed has said which campaign it serves: a `region` or
 * `market` the campaign does not have (the feed would refuse the subscription and the meter would never
 * fill), and a `campaign` other than the one served (most likely the wrong feed URL in OBS).
 */
export function campaignProblems(params: Pick<OverlayParams, 'campaign' | 'region' | 'market'>, campaign: CampaignInfo): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const served = displayText(campaign.id);
  if (params.campaign !== null && params.campaign !== campaign.id) {
    problems.push(
      paramProblem('campaign', displayText(params.campaign), {
        reason: { id: 'otherCampaign', args: { served } },
        allowed: { id: 'orAny', args: { id: served } },
        fallback: { id: 'feedCampaign', args: { id: served } },
      }),
    );
  }
  if (params.region !== null && !campaign.regions.some((region) => region.id === params.region)) {
    problems.push(
      paramProblem('region', displayText(params.region), { reason: { id: 'unknownRegion' }, allowed: ids(campaign.regions, 'all'), fallback: { id: 'wholeCampaign' } }),
    );
  }
  if (params.market !== null && !campaign.markets.some((market) => market.id === params.market)) {
    problems.push(
      paramProblem('market', displayText(params.market), { reason: { id: 'unknownMarket' }, allowed: ids(campaign.markets, 'none'), fallback: { id: 'noMarketLine' } }),
    );
  }
  return problems;
}
