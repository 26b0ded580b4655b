import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../../src/feed/setup/campaign-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'campaign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = () => JSON.parse(readFileSync(SAMPLE_CAMPAIGN_PATH, 'utf8')) as Record<string, any>;

function writeCampaign(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function refusal(path: string): string {
  try {
    loadCampaignFile(path);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('loadCampaignFile', () => {
  it('loads the sample campaign: five regions, nine markets', () => {
    const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
    expect(campaign.regions.map((region) => region.id)).toEqual(['tohoku', 'kumamoto', 'noto', 'hiroshima', 'hokkaido']);
    expect(campaign.markets).toHaveLength(9);
  });

  it('names the file, the field and the problem for a missing field', () => {
    const { capMinor: _, ...rest } = sample();
    const path = writeCampaign('missing.json', rest);
    const message = refusal(path);
    expect(message).toContain(path);
    expect(message).toMatch(/^capMinor: /m);
  });

  it('refuses a wrong type, naming the nested field', () => {
    const campaign = sample();
    campaign.rates.likes.per = '10';
    expect(refusal(writeCampaign('type.json', campaign))).toMatch(/^rates\.likes\.per: .*number/m);
  });

  it('refuses a goal above the cap', () => {
    const campaign = { ...sample(), goalMinor: 30_000_000, capMinor: 25_000_000 };
    expect(refusal(writeCampaign('goal.json', campaign))).toMatch(/^goalMinor: must not exceed capMinor \(25000000\)/m);
  });

  it('refuses duplicate region ids', () => {
    const campaign = sample();
    campaign.regions[1].id = campaign.regions[0].id;
    expect(refusal(writeCampaign('dup.json', campaign))).toMatch(/^regions: region ids must be unique/m);
  });

  it('refuses milestones out of order, pointing at the offending one', () => {
    const campaign = sample();
    campaign.milestones.reverse();
    expect(refusal(writeCampaign('order.json', campaign))).toMatch(/^milestones\.1\.atMinor: milestones must be in strictly ascending order/m);
  });

  it('refuses a fractional amount: money is integers', () => {
    const campaign = { ...sample(), goalMinor: 1000.5 };
    expect(refusal(writeCampaign('float.json', campaign))).toMatch(/^goalMinor: must be a whole number/m);
  });

  it('refuses invalid JSON, naming the file', () => {
    const path = writeCampaign('broken.json', '{ "id": "x", ');
    expect(refusal(path)).toMatch(new RegExp(`^campaign file ${path} is not valid JSON`));
  });

  it('refuses a file that does not exist', () => {
    expect(refusal(join(dir, 'nowhere.json'))).toMatch(/nowhere\.json cannot be read: .*ENOENT/);
  });
});

describe('loadCampaignFile with the roster in a CSV file', () => {
  const header = 'id,nameJa,nameLatin,titleJa,titleEn,region,photo';

  function campaignWithCsv(name: string, csv: string): string {
    writeFileSync(join(dir, `${name}.csv`), csv);
    const { roster: _, ...campaign } = sample();
    return writeCampaign(`${name}.json`, { ...campaign, rosterCsv: `${name}.csv` });
  }

  it('reads the roster from the CSV file named relative to the campaign file', () => {
    const path = campaignWithCsv('good', `${header}\nkenji-mori,森 健二,Kenji Mori,歌手,Singer,kumamoto,\n`);
    expect(loadCampaignFile(path).roster).toEqual([
      { id: 'kenji-mori', nameJa: '森 健二', nameLatin: 'Kenji Mori', title: { ja: '歌手', en: 'Singer' }, region: 'kumamoto' },
    ]);
  });

  it('refuses a bad row, naming the row and the field', () => {
    const path = campaignWithCsv('bad-row', `${header}\nkenji-mori,森 健二,Kenji Mori,歌手,Singer,atlantis,\n`);
    expect(refusal(path)).toMatch(/bad-row\.csv row 1 \(line 2\): region: unknown region "atlantis"/);
  });

  it('refuses a roster given twice', () => {
    const path = writeCampaign('both.json', { ...sample(), rosterCsv: 'good.csv' });
    expect(refusal(path)).toMatch(/^rosterCsv: give the roster either in "roster" or in "rosterCsv", not both/m);
  });
});
