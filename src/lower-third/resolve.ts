import type { CampaignConfig, CardFields, CardPatch, FeedError, LowerThirdCommand } from '../protocol/index.ts';
import type { CardContent } from './card.ts';
import type { LowerThirdAction } from './machine.ts';

/** The parts of a campaign a card is resolved against. */
export type CardDirectory = Pick<CampaignConfig, 'regions' | 'roster'>;

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: FeedError };

/**
 * Turns a parsed command into a machine action: a roster id becomes the roster entry's card, a region id
 * gets the region's names. The on-air card is a copy, so editing the roster never changes a card on air.
 * Errors name the field, as zod's do: `rosterId: no roster entry "x"`.
 */
export function resolveCommand(command: LowerThirdCommand, directory: CardDirectory): Resolved<LowerThirdAction> {
  switch (command.type) {
    case 'show':
      return map(resolveCard(command, directory), (card) => ({ type: 'show', card }));
    case 'update':
      return map(resolvePatch(command.patch, directory), (patch) => ({ type: 'update', patch }));
    case 'queue':
      if (command.op === 'add') return map(resolveCard(command, directory), (card) => ({ type: 'queue', op: 'add', card }));
      return ok(command);
    default:
      return ok(command);
  }
}

export function resolveCard(choice: { rosterId?: string | undefined; card?: CardFields | undefined }, directory: CardDirectory): Resolved<CardContent> {
  if (choice.rosterId !== undefined) {
    const entry = directory.roster.find((candidate) => candidate.id === choice.rosterId);
    if (!entry) return fail('not-found', `rosterId: no roster entry "${choice.rosterId}"`);
    return map(regionOf(entry.region, directory, 'rosterId'), (region) => content(entry, region, entry.id));
  }
  if (choice.card !== undefined) {
    const card = choice.card;
    return map(regionOf(card.region, directory, 'card.region'), (region) => content(card, region, null));
  }
  return fail('bad-request', 'rosterId: give exactly one of rosterId or card');
}

function resolvePatch(patch: CardPatch, directory: CardDirectory): Resolved<Partial<CardContent>> {
  const { region, ...rest } = patch;
  const resolved: Partial<CardContent> = rest;
  if (region === undefined) return ok(resolved);
  return map(regionOf(region, directory, 'patch.region'), (named) => ({ ...resolved, region: named }));
}

function content(fields: CardFields, region: CardContent['region'], rosterId: string | null): CardContent {
  const names = fields.names ? { names: { ...fields.names } } : {};
  return { rosterId, nameJa: fields.nameJa, nameLatin: fields.nameLatin, title: { ...fields.title }, ...names, region, photo: fields.photo ?? null };
}

function regionOf(id: string, directory: CardDirectory, field: string): Resolved<CardContent['region']> {
  const region = directory.regions.find((candidate) => candidate.id === id);
  if (!region) return fail('bad-request', `${field}: unknown region "${id}" (known: ${directory.regions.map((r) => r.id).join(', ')})`);
  return ok({ id: region.id, name: { ...region.name } });
}

function map<T, U>(result: Resolved<T>, f: (value: T) => U): Resolved<U> {
  return result.ok ? ok(f(result.value)) : result;
}

function ok<T>(value: T): Resolved<T> {
  return { ok: true, value };
}

function fail(code: FeedError['code'], message: string): { ok: false; error: FeedError } {
  return { ok: false, error: { code, message } };
}
