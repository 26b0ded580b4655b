import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../../src/feed/setup/roster-csv.ts';
import { campaign } from '../../lower-third/fixtures.ts';

const HEADER = 'id,nameJa,nameLatin,titleJa,titleEn,region,photo';

describe('parseRosterCsv', () => {
  it('imports good rows, with an empty photo cell meaning no photo and a quoted comma kept', () => {
    const csv = [
      HEADER,
      'aoi-sato,佐藤 葵,Aoi Sato,歌手,"Singer, songwriter",tohoku,/assets/roster/aoi-sato.svg',
      'kenta-takamori,高森 健太,Kenta Takamori,芸人,Comedian,kumamoto,',
    ].join('\n');
    expect(parseRosterCsv(csv, campaign)).toEqual([
      { id: 'aoi-sato', nameJa: '佐藤 葵', nameLatin: 'Aoi Sato', title: { ja: '歌手', en: 'Singer, songwriter' }, region: 'tohoku', photo: '/assets/roster/aoi-sato.svg' },
      { id: 'kenta-takamori', nameJa: '高森 健太', nameLatin: 'Kenta Takamori', title: { ja: '芸人', en: 'Comedian' }, region: 'kumamoto' },
    ]);
  });

  it('accepts a spreadsheet export with a byte-order mark and Windows line ends', () => {
    const csv = `\uFEFF${HEADER}\r\naoi-sato,佐藤 葵,Aoi Sato,歌手,Singer,tohoku,\r\n`;
    expect(parseRosterCsv(csv, campaign).map((entry) => entry.id)).toEqual(['aoi-sato']);
  });

  it('refuses a bad row naming the row, its line and the column, and imports nothing', () => {
    const csv = [
      HEADER,
      'aoi-sato,佐藤 葵,Aoi Sato,歌手,Singer,tohoku,',
      'kenta,高森 健太,,芸人,Comedian,kumamoto,',
    ].join('\n');
    expect(() => parseRosterCsv(csv, campaign, 'cast.csv')).toThrow('cast.csv is invalid:\ncast.csv row 2 (line 3): nameLatin: must not be empty');
  });

  it('names the titleEn column for a missing English title, and an unknown region', () => {
    const csv = [HEADER, 'x,名前,Name,役,,tohoku,', 'y,名前,Name,役,Role,osaka,'].join('\n');
    expect(() => parseRosterCsv(csv, campaign)).toThrow(/row 1 \(line 2\): titleEn: [^\n]+\n.*row 2 \(line 3\): region: unknown region "osaka"/);
  });

  it('refuses a duplicate id, naming the first row that used it', () => {
    const csv = [HEADER, 'x,名前,Name,役,Role,tohoku,', 'x,名前,Name,役,Role,noto,'].join('\n');
    expect(() => parseRosterCsv(csv, campaign)).toThrow(/row 2 \(line 3\): id: "x" already used by row 1/);
  });

  it('refuses a photo that is not under /assets', () => {
    const csv = [HEADER, 'x,名前,Name,役,Role,tohoku,https://evil.example/x.png'].join('\n');
    expect(() => parseRosterCsv(csv, campaign)).toThrow(/row 1 \(line 2\): photo: must be a path under \/assets\//);
  });

  it('refuses a header with a missing or unknown column', () => {
    expect(() => parseRosterCsv('id,nameJa,nameLatin,titleJa,titleEn,regon\n', campaign)).toThrow(
      /header is invalid: missing column "region", unknown column "regon"/,
    );
  });

  it('refuses a row with the wrong number of cells, with the line', () => {
    expect(() => parseRosterCsv(`${HEADER}\nx,名前,Name\n`, campaign)).toThrow(/cannot be parsed: .*line 2/);
  });
});
