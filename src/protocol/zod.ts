/**
 * The zod every shared schema is written in: `zod/mini`, whose functions a bundle keeps only when used.
 * Zod classic hangs every method (and its JSON Schema code) on every schema, so the overlay loaded all of
 * it, about 32 KiB gzip. Mini schemas are zod core schemas: the feed server parses them, and
 * `z.toJSONSchema` documents them, as it did the classic ones.
 *
 * Mini ships no locale, so its own refusals ("expected string, received number") would read "Invalid
 * input". English is set here, as classic sets it on import; every schema module takes `z` from here, so
 * no schema can parse before it is set.
 */
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
