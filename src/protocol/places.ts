/**
 * A campaign's places: its region and market ids, and the one message every part of the project gives
 * for an id the campaign does not have — the campaign file's own check, the feed's boundaries (ingest,
 * subscribe, control, the simulator, TikTok), the roster CSV and the lower-third resolver alike.
 */
export interface CampaignPlaces {
  readonly regions: ReadonlySet<string>;
  readonly markets: ReadonlySet<string>;
}

export type PlaceKind = 'region' | 'market';

export function placesOf(campaign: { readonly regions: readonly { id: string }[]; readonly markets: readonly { id: string }[] }): CampaignPlaces {
  return { regions: new Set(campaign.regions.map((region) => region.id)), markets: new Set(campaign.markets.map((market) => market.id)) };
}

/** `unknown region "atlantis" (known: tohoku, kumamoto)`: the id refused and the ids that would do. */
export function unknownPlace(kind: PlaceKind, id: string, known: Iterable<string>): string {
  return `unknown ${kind} "${id}" (known: ${[...known].join(', ')})`;
}

/**
 * What is wrong with a region × market pair, as `field: message` (the region first), or null when the
 * campaign has both.
 */
export function placeProblem(places: CampaignPlaces, region: string, market: string): string | null {
  if (!places.regions.has(region)) return `region: ${unknownPlace('region', region, places.regions)}`;
  if (!places.markets.has(market)) return `market: ${unknownPlace('market', market, places.markets)}`;
  return null;
}
