/**
 * Which of the overlay build's files holds each language's dictionary (src/i18n/words/*.ts, one chunk per
 * language), written beside the build (`dictionaries.json`, by the Vite plugin in vite.config.ts) so the feed
 * server can preload the one an overlay page shows (overlay-dictionary.ts): it is then fetched and compiled
 * with the overlay's own scripts, not asked for only once they have run.
 */
export type DictionaryManifest = Readonly<Record<string, string>>;

export const DICTIONARY_MANIFEST_FILE = 'dictionaries.json';

const DICTIONARY_MODULE = /\/src\/i18n\/words\/([A-Za-z-]+)\.ts$/;

/** The dictionaries among a build's chunks: language -> the chunk's URL path. */
export function dictionaryManifestOf(chunks: Iterable<{ readonly fileName: string; readonly facadeModuleId: string | null }>): DictionaryManifest {
  const files: Record<string, string> = {};
  for (const { fileName, facadeModuleId } of chunks) {
    const lang = facadeModuleId === null ? undefined : DICTIONARY_MODULE.exec(facadeModuleId.replaceAll('\\', '/'))?.[1];
    if (lang) files[lang] = `/${fileName}`;
  }
  return files;
}
