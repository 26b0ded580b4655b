import { z } from 'zod';
import { Language, Slug, describeZodError } from '../protocol/index.ts';

/**
 * The overlay's URL parameters. Each is parsed on its own: a bad value falls back to its default with a
 * console warning naming the parameter, so a typo in OBS never leaves the overlay blank.
 */
const ParamSchemas = {
  lang: Language.default('ja').describe('language of labels and money formatting'),
  region: Slug.nullable().default(null).describe('a region id; absent for the whole campaign'),
  feed: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable().default(null).describe('feed server URL; same origin when absent'),
  clock: z.enum(['real', 'test']).default('real').describe('`test` freezes time; window.__localLove.advance(ms) moves it'),
} as const;

export interface OverlayParams {
  readonly lang: z.infer<typeof ParamSchemas.lang>;
  readonly region: z.infer<typeof ParamSchemas.region>;
  readonly feed: z.infer<typeof ParamSchemas.feed>;
  readonly clock: z.infer<typeof ParamSchemas.clock>;
}

type Warn = (message: string) => void;

function parseOne<K extends keyof typeof ParamSchemas>(key: K, raw: string | null, warn: Warn): OverlayParams[K] {
  const schema = ParamSchemas[key];
  const result = schema.safeParse(raw ?? undefined);
  if (result.success) return result.data as OverlayParams[K];
  warn(`URL parameter ${key}=${JSON.stringify(raw)} ignored, using the default: ${describeZodError(result.error).replace(/^\(root\): /, '')}`);
  return schema.parse(undefined) as OverlayParams[K];
}

export function parseParams(search: string, warn: Warn = (message) => console.warn(message)): OverlayParams {
  const query = new URLSearchParams(search);
  return {
    lang: parseOne('lang', query.get('lang'), warn),
    region: parseOne('region', query.get('region'), warn),
    feed: parseOne('feed', query.get('feed'), warn),
    clock: parseOne('clock', query.get('clock'), warn),
  };
}
