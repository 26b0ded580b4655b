import { describe, expect, it } from 'vitest';
import {
  CampaignConfig,
  ControlCommand,
  describeZodError,
  LowerThirdCommand,
  LowerThirdState,
  PhotoSource,
  RosterEntry,
} from '../../../src/protocol/index.ts';
import { initialLowerThird } from '../../../src/lower-third/index.ts';
import { campaign } from './fixtures.ts';

function problems(schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }, input: unknown): string {
  const result = schema.safeParse(input);
  return result.success ? '' : describeZodError(result.error as never);
}

const entry = { id: 'aoi-sato', nameJa: '佐藤 葵', nameLatin: 'Aoi Sato', title: { ja: '歌手', en: 'Singer' }, region: 'tohoku' };

describe('roster in the campaign config', () => {
  it('the sample campaign ships a roster of six, every one in a known region, one with a long name', () => {
    expect(campaign.roster).toHaveLength(6);
    expect(new Set(campaign.roster.map((person) => person.region)).size).toBe(5);
    expect(Math.max(...campaign.roster.map((person) => person.nameLatin.length))).toBeGreaterThan(35);
  });

  it('is optional: a campaign without one gets an empty roster', () => {
    const { roster: _omitted, ...withoutRoster } = campaign;
    expect(CampaignConfig.parse(withoutRoster).roster).toEqual([]);
  });

  it('refuses an entry whose region is not one of the campaign, naming the entry', () => {
    const roster = [entry, { ...entry, id: 'someone', region: 'osaka' }];
    expect(problems(CampaignConfig, { ...campaign, roster })).toMatch(/^roster\.1\.region: unknown region "osaka"/m);
  });

  it('refuses a duplicate roster id', () => {
    expect(problems(CampaignConfig, { ...campaign, roster: [entry, entry] })).toMatch(/^roster\.1\.id: duplicate roster id "aoi-sato"/m);
  });
});

describe('RosterEntry and photos', () => {
  it('accepts a path under /assets and a base64 raster data URL', () => {
    expect(PhotoSource.safeParse('/assets/roster/aoi-sato.svg').success).toBe(true);
    expect(PhotoSource.safeParse('data:image/png;base64,iVBORw0KGgo=').success).toBe(true);
  });

  it.each([
    ['an absolute URL', 'https://example.com/a.png'],
    ['a parent directory escape', '/assets/../secrets/a.png'],
    ['javascript:', 'javascript:alert(1)'],
    ['SVG data (it could run script)', 'data:image/svg+xml;base64,PHN2Zz4='],
    ['a path outside /assets', '/src/a.png'],
    ['a file that is not an image', '/assets/a.html'],
  ])('refuses %s', (_what, photo) => {
    expect(problems(RosterEntry, { ...entry, photo })).toMatch(/^photo: must be a path under \/assets\//m);
  });

  it('names an empty Japanese name', () => {
    expect(problems(RosterEntry, { ...entry, nameJa: '  ' })).toMatch(/^nameJa: must not be empty/m);
  });
});

describe('LowerThirdCommand', () => {
  it('parses a show by roster id and a show of an inline card', () => {
    expect(LowerThirdCommand.parse({ type: 'show', rosterId: 'aoi-sato' })).toEqual({ type: 'show', rosterId: 'aoi-sato' });
    const { id: _id, ...inline } = entry;
    expect(LowerThirdCommand.parse({ type: 'show', card: inline })).toMatchObject({ type: 'show', card: { nameJa: '佐藤 葵' } });
  });

  it('refuses a show with neither or both ways of naming the card', () => {
    expect(problems(LowerThirdCommand, { type: 'show' })).toMatch(/^rosterId: give exactly one of rosterId or card/m);
    const { id: _id, ...inline } = entry;
    expect(problems(LowerThirdCommand, { type: 'show', rosterId: 'aoi-sato', card: inline })).toMatch(/give exactly one/);
  });

  it('names the field of a bad inline card', () => {
    expect(problems(LowerThirdCommand, { type: 'show', card: { ...entry, id: undefined, nameLatin: '' } })).toMatch(/^card\.nameLatin: must not be empty/m);
  });

  it('refuses an unknown command type, naming the field', () => {
    expect(problems(LowerThirdCommand, { type: 'explode' })).toMatch(/^type: /m);
  });

  it('parses the queue operations and refuses an unknown one', () => {
    expect(LowerThirdCommand.parse({ type: 'queue', op: 'remove', cueId: 4 })).toEqual({ type: 'queue', op: 'remove', cueId: 4 });
    expect(LowerThirdCommand.parse({ type: 'queue', op: 'clear' })).toEqual({ type: 'queue', op: 'clear' });
    expect(problems(LowerThirdCommand, { type: 'queue', op: 'add' })).toMatch(/give exactly one/);
    expect(problems(LowerThirdCommand, { type: 'queue', op: 'shuffle' })).toMatch(/^op: /m);
  });

  it('refuses an update that changes nothing, and an auto-out below a second', () => {
    expect(problems(LowerThirdCommand, { type: 'update', patch: {} })).toMatch(/^patch: must change at least one field/m);
    expect(problems(LowerThirdCommand, { type: 'autoOut', ms: 20 })).toMatch(/^ms: must be at least 1000 ms/m);
  });
});

describe('ControlCommand', () => {
  it('adds the goal and test commands to the lower-third ones', () => {
    expect(ControlCommand.parse({ type: 'setGoal', goalMinor: 25_000_000 })).toEqual({ type: 'setGoal', goalMinor: 25_000_000 });
    expect(ControlCommand.parse({ type: 'test', kind: 'like-storm' })).toEqual({ type: 'test', kind: 'like-storm' });
    expect(ControlCommand.parse({ type: 'hide' })).toEqual({ type: 'hide' });
  });

  it('refuses a fractional goal and an unknown test, naming the field', () => {
    expect(problems(ControlCommand, { type: 'setGoal', goalMinor: 1.5 })).toMatch(/^goalMinor: must be a whole number/m);
    expect(problems(ControlCommand, { type: 'test', kind: 'earthquake' })).toMatch(/^kind: /m);
  });
});

describe('LowerThirdState', () => {
  it('refuses a state that says "shown" with no card (the overlay would not know what to draw)', () => {
    expect(problems(LowerThirdState, { ...initialLowerThird(), phase: 'shown' })).toMatch(/^phase: must be "shown" exactly when a card is current/m);
  });
});
