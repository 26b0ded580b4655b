import { readFileSync } from 'node:fs';
import { CampaignConfig } from '../../../src/protocol/index.ts';
import type { CardContent } from '../../../src/lower-third/index.ts';

export const campaign: CampaignConfig = CampaignConfig.parse(
  JSON.parse(readFileSync(new URL('../../../assets/campaigns/local-love.json', import.meta.url), 'utf8')),
);

export function card(nameJa: string, nameLatin = 'Someone'): CardContent {
  return {
    rosterId: null,
    nameJa,
    nameLatin,
    title: { ja: '歌手', en: 'Singer' },
    region: { id: 'tohoku', name: { ja: '東北', en: 'Tohoku' } },
    photo: null,
  };
}
