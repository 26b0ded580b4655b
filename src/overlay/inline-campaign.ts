import { CampaignInfo, describeZodError } from '../protocol/index.ts';

/**
 * The campaign the feed server wrote into the page (feed/http/overlay-page.ts), checked like the socket's
 * `campaign` event. `text` is the content of the element CAMPAIGN_SCRIPT_ID, if the page has one. Null when
 * the page has none (the Vite dev server, a page saved to disk) or when the overlay reads another feed than
 * the one that served it (`feed=`): then the socket's answer is awaited. A bad one is reported and ignored:
 * the socket brings the campaign a moment later.
 */
export function inlineCampaign(text: string | null | undefined, feedUrl: string | null): CampaignInfo | null {
  if (feedUrl !== null || !text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    console.warn(`ignored the page's campaign, which is not JSON: ${(error as Error).message}`);
    return null;
  }
  const parsed = CampaignInfo.safeParse(raw);
  if (!parsed.success) {
    console.warn(`ignored the page's campaign:\n${describeZodError(parsed.error)}`);
    return null;
  }
  return parsed.data;
}
