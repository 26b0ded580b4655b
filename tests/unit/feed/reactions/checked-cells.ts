import { ReactionCheck, type CheckedCells } from '../../../../src/feed/reactions/checked-cells.ts';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';
import { placesOf } from '../../../../src/protocol/index.ts';

const sampleCheck = new ReactionCheck(placesOf(loadCampaignFile(SAMPLE_CAMPAIGN_PATH)));

/** Deltas as a boundary of the feed hands them to a store: checked against the sample campaign, merged per cell. */
export function checkedCells(deltas: readonly unknown[]): CheckedCells {
  return sampleCheck.cells(deltas);
}
