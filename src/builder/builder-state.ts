import { PARAM_DOCS } from '../theme/param-docs.ts';
import { parseParams, type ParsedParams } from '../theme/parse-params.ts';
import { PARAM_NAMES, type ParamName } from '../theme/params-schema.ts';
import { toOverlayUrl } from '../theme/url.ts';

/**
 * The URL builder without the DOM: each control holds the text its parameter would have in a URL, and the
 * builder reads those texts with the overlay's own parser. So what it shows, warns about and copies is
 * exactly what the overlay will do with the URL.
 */

/** The URL text of each control; absent or empty means "the default". */
export type ControlTexts = Partial<Record<ParamName, string>>;

export interface BuilderResult {
  /** What the overlay makes of the controls: parameters, theme, and the values it would refuse. */
  readonly parsed: ParsedParams;
  /** The canonical overlay URL for OBS: only what differs from the defaults, refused values left out. */
  readonly url: string;
}

export function readControls(texts: ControlTexts, overlayBase: string): BuilderResult {
  const query = new URLSearchParams();
  for (const name of PARAM_NAMES) {
    const text = texts[name];
    if (text !== undefined && text !== '' && text !== PARAM_DOCS[name].defaultText) query.set(name, text);
  }
  const parsed = parseParams(query);
  return { parsed, url: toOverlayUrl(overlayBase, parsed.params) };
}
