import { describe, expect, it } from 'vitest';
import { parseMajorAmount } from '../../../src/control/money-input.ts';
import { fold, searchRoster } from '../../../src/control/roster-search.ts';
import { campaign } from '../lower-third/fixtures.ts';

const ids = (query: string) => searchRoster(campaign.roster, campaign.regions, query).map((entry) => entry.id);

describe('roster search', () => {
  it('lists everyone for an empty query, in roster order', () => {
    expect(ids('  ')).toEqual(campaign.roster.map((entry) => entry.id));
  });

  it('finds by Japanese name with or without its space, by romaji in any case, by title and by region', () => {
    expect(ids('佐藤葵')).toEqual(['aoi-sato']);
    expect(ids('KENTA')).toEqual(['kenta-takamori']);
    expect(ids('輪島塗')).toEqual(['misaki-notoya']);
    expect(ids('hokkaido')).toEqual(['minami-shirakaba']);
    expect(ids('東北')).toEqual(['aoi-sato', 'ryunosuke-teshigawara']);
  });

  it('needs every word to match', () => {
    expect(ids('tohoku shamisen')).toEqual(['ryunosuke-teshigawara']);
    expect(ids('tohoku comedian')).toEqual([]);
  });

  it('reads katakana as hiragana, full width as half width, and ignores macrons', () => {
    expect(fold('ミナミ')).toBe('みなみ');
    expect(fold('ＡＯＩ')).toBe('aoi');
    expect(fold('Ryūnosuke')).toBe('ryunosuke');
    expect(ids('ミナミ')).toEqual(['minami-shirakaba']);
  });
});

describe('goal input', () => {
  it('reads yen with separators as whole minor units', () => {
    expect(parseMajorAmount('25,000,000', 0)).toEqual({ ok: true, minor: 25_000_000 });
    expect(parseMajorAmount('¥ 1 500', 0)).toEqual({ ok: true, minor: 1_500 });
  });

  it('reads dollars and cents by string arithmetic, exactly', () => {
    expect(parseMajorAmount('1500.5', 2)).toEqual({ ok: true, minor: 150_050 });
    expect(parseMajorAmount('0.29', 2)).toEqual({ ok: true, minor: 29 }); // 0.29 * 100 is 28.999... in floats
  });

  it('refuses what is not an amount, naming the field', () => {
    expect(parseMajorAmount('12.5', 0)).toEqual({ ok: false, message: 'goal: this currency has no fractions' });
    expect(parseMajorAmount('1.234', 2)).toEqual({ ok: false, message: 'goal: at most 2 digits after the point' });
    expect(parseMajorAmount('-5', 0)).toEqual({ ok: false, message: 'goal: type a whole amount, e.g. 25000000' });
    expect(parseMajorAmount('0', 0)).toEqual({ ok: false, message: 'goal: must be greater than 0' });
    expect(parseMajorAmount('1e9', 0).ok).toBe(false);
  });
});
