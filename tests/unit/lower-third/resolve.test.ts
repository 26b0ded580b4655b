import { describe, expect, it } from 'vitest';
import { resolveCommand } from '../../../src/lower-third/index.ts';
import { campaign } from './fixtures.ts';

describe('resolveCommand', () => {
  it('turns a roster id into the roster entry, with its region named in every language', () => {
    const entry = campaign.roster.find((candidate) => candidate.id === 'misaki-notoya')!;
    const noto = campaign.regions.find((region) => region.id === 'noto')!;
    const resolved = resolveCommand({ type: 'show', rosterId: 'misaki-notoya' }, campaign);
    expect(resolved).toEqual({
      ok: true,
      value: {
        type: 'show',
        card: {
          rosterId: 'misaki-notoya',
          nameJa: '能登谷 美咲',
          nameLatin: 'Misaki Notoya',
          title: entry.title,
          names: entry.names,
          region: { id: 'noto', name: noto.name },
          photo: '/assets/roster/misaki-notoya.svg',
        },
      },
    });
  });

  it('gives a roster entry without photo a null photo', () => {
    const resolved = resolveCommand({ type: 'queue', op: 'add', rosterId: 'yosuke-miyajima' }, campaign);
    expect(resolved.ok && resolved.value.type === 'queue' && resolved.value.op === 'add' && resolved.value.card.photo).toBeNull();
  });

  it('refuses an unknown roster id as not-found, naming the field', () => {
    expect(resolveCommand({ type: 'show', rosterId: 'nobody' }, campaign)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'rosterId: no roster entry "nobody"' },
    });
  });

  it('refuses an inline card from an unknown region, listing the known ones', () => {
    const card = { nameJa: '山田 太郎', nameLatin: 'Taro Yamada', title: { ja: '市長', en: 'Mayor' }, region: 'osaka' };
    const resolved = resolveCommand({ type: 'show', card }, campaign);
    expect(!resolved.ok && resolved.error.message).toBe('card.region: unknown region "osaka" (known: tohoku, kumamoto, noto, hiroshima, hokkaido)');
  });

  it('resolves the region of an update patch, and refuses an unknown one', () => {
    const resolved = resolveCommand({ type: 'update', patch: { region: 'kumamoto', nameLatin: 'X' } }, campaign);
    expect(resolved.ok && resolved.value).toEqual({
      type: 'update',
      patch: { nameLatin: 'X', region: { id: 'kumamoto', name: campaign.regions.find((region) => region.id === 'kumamoto')!.name } },
    });
    const bad = resolveCommand({ type: 'update', patch: { region: 'mars' } }, campaign);
    expect(!bad.ok && bad.error.message).toMatch(/^patch\.region: unknown region "mars"/);
  });

  it('copies the roster entry, so editing the roster later does not change a card on air', () => {
    const directory = structuredClone({ regions: campaign.regions, roster: campaign.roster });
    const resolved = resolveCommand({ type: 'show', rosterId: 'aoi-sato' }, directory);
    directory.roster[0]!.title.en = 'changed';
    expect(resolved.ok && resolved.value.type === 'show' && resolved.value.card.title.en).toBe('Singer-songwriter');
  });
});
