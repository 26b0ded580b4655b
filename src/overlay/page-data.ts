import { CampaignInfo, describeZodError } from '../protocol/index.ts';

/**
 * What the feed server wrote into the page (feed/http/overlay-page.ts): the JSON text of one of its data
 * elements, parsed. Null when the page has none (the Vite dev server, a page saved to disk) or when the
 * overlay reads another feed than the one that served it (`feed=`): then the socket's answer is awaited.
 * Text that is not JSON is reported and ignored: the socket brings the same a moment later.
 */
function pageJson(text: string | null | undefined, feedUrl: string | null, what: string): unknown {
  if (feedUrl !== null || !text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    console.warn(`ignored the page's ${what}, which is not JSON: ${(error as Error).message}`);
    return null;
  }
}

/** The campaign the page carries (the element CAMPAIGN_SCRIPT_ID), checked like the socket's `campaign` event. */
export function inlineCampaign(text: string | null | undefined, feedUrl: string | null): CampaignInfo | null {
  const raw = pageJson(text, feedUrl, 'campaign');
  if (raw === null) return null;
  const parsed = CampaignInfo.safeParse(raw);
  if (!parsed.success) {
    console.warn(`ignored the page's campaign:\n${describeZodError(parsed.error)}`);
    return null;
  }
  return parsed.data;
}

/**
 * The state the page carries (the element STATE_SCRIPT_ID) when it is the one of `region`, the scope the
 * overlay watches; the feed client checks it like the socket's. One for another scope (a region named in
 * the URL's hash, which the server never sees) is left aside: the socket brings the right one.
 */
export function inlineState(text: string | null | undefined, feedUrl: string | null, region: string | null): unknown {
  const raw = pageJson(text, feedUrl, 'state');
  if (typeof raw !== 'object' || raw === null) return null;
  const scope = raw as { region?: unknown; market?: unknown };
  return scope.region === region && (scope.market ?? null) === null ? raw : null;
}
