import { z } from '../protocol/zod.ts';
import { PARAM_DOCS } from './param-docs.ts';
import { parseParams, type ParsedParams } from './parse-params.ts';
import { OverlayParamsSchema, PARAM_NAMES, type OverlayParams, type ParamName } from './params-schema.ts';

/**
 * The canonical overlay URL of a set of parameters: only those that differ from their default, in the
 * schema's order, each spelled the one way the schema prints it. So one look has one URL, and a URL
 * read back gives the same parameters (see tests/unit/theme/url.test.ts).
 */

/** Percent-encodes a value but leaves `,` `:` `/` `@` readable (they mean nothing special in a query value). */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%(?:2C|3A|2F|40)/g, (escape) => decodeURIComponent(escape));
}

/** Every parameter spelled as the schema prints it in a URL: `{ scale: '1.25', accent: 'ff5c7a', ... }`. */
export function paramTexts(params: OverlayParams): Record<ParamName, string> {
  const texts = {} as Record<ParamName, string>;
  for (const name of PARAM_NAMES) texts[name] = String(z.encode(OverlayParamsSchema.shape[name], params[name] as never));
  return texts;
}

/** `meter=left&meterStyle=thermometer`: the query of the parameters that differ from their defaults. */
export function toQuery(params: OverlayParams): string {
  const texts = paramTexts(params);
  return PARAM_NAMES.filter((name) => texts[name] !== PARAM_DOCS[name].defaultText)
    .map((name) => `${name}=${encodeValue(texts[name])}`)
    .join('&');
}

/** The overlay page at `base` (its origin and path are kept, its query and fragment replaced). */
export function toOverlayUrl(base: string | URL, params: OverlayParams): string {
  const url = new URL(base);
  const query = toQuery(params);
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

/** Reads an overlay URL back: the parameters, the theme and any problems. */
export function fromOverlayUrl(url: string | URL): ParsedParams {
  const parsed = new URL(url);
  return parseParams(parsed.searchParams, parsed.hash);
}
