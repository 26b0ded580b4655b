import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseParams } from '../../theme/parse-params.ts';
import { DICTIONARY_MANIFEST_FILE, type DictionaryManifest } from './dictionary-manifest.ts';

/**
 * The dictionary part of the overlay's page (overlay-page.ts) for a build in `dir`: for a request's query,
 * the modulepreload of the dictionary of the language the overlay will show (read by the overlay's own
 * parser, `lang=`), or nothing when the build has no manifest or no file for it (English is in the
 * overlay's own scripts). Null for a build without the manifest.
 */
export function overlayDictionary(dir: string): ((query: string) => string) | null {
  const file = join(dir, DICTIONARY_MANIFEST_FILE);
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as DictionaryManifest;
  return (query) => {
    const url = manifest[parseParams(query, '').theme.lang];
    return url ? `<link rel="modulepreload" href="${url}">` : '';
  };
}
