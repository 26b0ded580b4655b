import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CampaignConfig, describeZodError } from '../../../src/protocol/index.ts';

const sample = JSON.parse(readFileSync(new URL('../../../assets/campaigns/local-love.json', import.meta.url), 'utf8'));

function problems(input: unknown): string {
  const result = CampaignConfig.safeParse(input);
  return result.success ? '' : describeZodError(result.error);
}

describe('CampaignConfig', () => {
  it('accepts the sample Local Love campaign: five regions, nine markets', () => {
    const campaign = CampaignConfig.parse(sample);
    expect(campaign.regions.map((r) => r.id)).toContain('tohoku');
    expect(campaign.regions).toHaveLength(5);
    expect(campaign.markets).toHaveLength(9);
  });

  it('names the field of a fractional rate', () => {
    expect(problems({ ...sample, rates: { ...sample.rates, likes: { amountMinor: 0.5, per: 1 } } })).toMatch(
      /^rates\.likes\.amountMinor: must be a whole number/m,
    );
  });

  it('refuses a goal above the cap', () => {
    expect(problems({ ...sample, goalMinor: sample.capMinor + 1 })).toMatch(/^goalMinor: must not exceed capMinor/m);
  });

  it('refuses stretch goals above the cap, not above the goal, or out of order, naming each', () => {
    const label = { ja: '次', en: 'Next' };
    const stretchGoals = [{ atMinor: 22_000_000, label }, { atMinor: 21_000_000, label }, { atMinor: sample.capMinor + 1 }, { atMinor: sample.goalMinor }];
    const text = problems({ ...sample, stretchGoals });
    expect(text).toMatch(/^stretchGoals\.1\.atMinor: stretch goals must be in strictly ascending order/m);
    expect(text).toMatch(/^stretchGoals\.2\.atMinor: must not exceed the cap \(25000000\)/m);
    expect(text).toMatch(/^stretchGoals\.3\.atMinor: must be above the goal \(20000000\)/m);
    expect(problems({ ...sample, stretchStepMinor: 0 })).toMatch(/^stretchStepMinor: must be greater than 0/m);
  });

  it('refuses milestones out of order, naming the one at fault', () => {
    const milestones = [...sample.milestones].reverse();
    expect(problems({ ...sample, milestones })).toMatch(/^milestones\.1\.atMinor: milestones must be in strictly ascending order/m);
  });

  it('refuses unknown fields, so a typo in a config file is not silently ignored', () => {
    expect(problems({ ...sample, goalMinr: 5 })).toMatch(/goalMinr/);
  });
});
