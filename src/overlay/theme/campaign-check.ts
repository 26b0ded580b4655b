import type { CampaignInfo } from '../../protocol/index.ts';
import { displayText } from './display-text.ts';
import type { ParamProblem } from './parse-params.ts';
import type { OverlayParams } from './params-schema.ts';

/**
 * The parameters that can only be checked once the feed has said which campaign it serves: a `region`
 * the campaign does not have (the feed would refuse the subscription and the meter would never fill),
 * and a `campaign` other than the one served (most likely the wrong feed URL in OBS).
 */
export function campaignProblems(params: Pick<OverlayParams, 'campaign' | 'region'>, campaign: CampaignInfo): ParamProblem[] {
  const problems: ParamProblem[] = [];
  if (params.campaign !== null && params.campaign !== campaign.id) {
    problems.push({
      param: 'campaign',
      value: displayText(params.campaign),
      reason: `is not the campaign this feed serves (${displayText(campaign.id)})`,
      allowed: `${displayText(campaign.id)}, or any`,
      fallback: `the feed's campaign, ${displayText(campaign.id)}`,
    });
  }
  if (params.region !== null && !campaign.regions.some((region) => region.id === params.region)) {
    problems.push({
      param: 'region',
      value: displayText(params.region),
      reason: 'is not a region of this campaign',
      allowed: [...campaign.regions.map((region) => region.id), 'all'].join(', '),
      fallback: 'all (the whole campaign)',
    });
  }
  return problems;
}
