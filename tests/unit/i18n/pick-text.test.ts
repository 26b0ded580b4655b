import { describe, expect, it } from 'vitest';
import { fallbackOrder, pickText, textPicker } from '../../../src/i18n/pick-text.ts';
import { CampaignConfig, LocalizedText } from '../../../src/protocol/index.ts';
import { readFileSync } from 'node:fs';

describe('campaign texts by language', () => {
  it('accepts the old { ja, en } pair and any subset of the languages, and refuses others by name', () => {
    expect(LocalizedText.parse({ ja: '東北', en: 'Tohoku' })).toEqual({ ja: '東北', en: 'Tohoku' });
    expect(LocalizedText.parse({ ko: '도호쿠' })).toEqual({ ko: '도호쿠' });
    const unknown = LocalizedText.safeParse({ ja: '東北', fr: 'Tohoku' });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toMatch(/languages are ja, en, zh-Hant, ko, th, id, vi, fil/);
    expect(LocalizedText.safeParse({}).error?.issues[0]?.message).toMatch(/at least one language/);
    expect(LocalizedText.safeParse({ th: '  ' }).success).toBe(false);
  });

  it('falls back in the declared order, then to any language the text has', () => {
    expect(fallbackOrder('th', ['en', 'ja']).slice(0, 3)).toEqual(['th', 'en', 'ja']);
    expect(pickText({ ja: '東北', en: 'Tohoku' }, fallbackOrder('th', ['ja', 'en']))).toEqual({ text: '東北', language: 'ja' });
    expect(pickText({ vi: 'Đông Bắc' }, fallbackOrder('ko', ['en', 'ja']))).toEqual({ text: 'Đông Bắc', language: 'vi' });
  });

  it('names, once, each text that fell back', () => {
    const warned: string[] = [];
    const pick = textPicker('ko', ['en'], (line) => warned.push(line));
    expect(pick({ ja: '東北', en: 'Tohoku' }, 'name of region tohoku')).toBe('Tohoku');
    pick({ ja: '東北', en: 'Tohoku' }, 'name of region tohoku');
    expect(pick({ ko: '도호쿠' }, 'name of region x')).toBe('도호쿠');
    expect(warned).toEqual([expect.stringContaining('name of region tohoku has no ko text; showing its en text "Tohoku"')]);
  });

  it('the sample campaign carries all eight languages for every text', () => {
    const campaign = CampaignConfig.parse(JSON.parse(readFileSync(new URL('../../../assets/campaigns/local-love.json', import.meta.url), 'utf8')));
    const texts = [
      campaign.name,
      ...campaign.regions.map((region) => region.name),
      ...campaign.markets.map((market) => market.name),
      ...campaign.milestones.map((milestone) => milestone.label),
      ...campaign.roster.map((entry) => entry.title),
    ];
    for (const text of texts) expect(Object.keys(text).sort(), JSON.stringify(text)).toEqual(['en', 'fil', 'id', 'ja', 'ko', 'th', 'vi', 'zh-Hant']);
  });
});
