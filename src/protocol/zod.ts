/**
 * The zod every shared schema (protocol, theme) is written in: `zod/mini`, whose functions a bundle keeps
 * only when they are used. Zod classic hangs every method, and its JSON Schema code, on every schema, so
 * the overlay loaded all of it (about 26 KiB gzip; mini's part is about 11). Mini schemas are zod core
 * schemas: the feed server parses them, and its own schemas (src/feed, never loaded by a page) stay in
 * classic, which takes them as parts.
 *
 * Mini ships no locale, so its own refusals ("expected string, received number") would read "Invalid
 * input". English is set here, as classic sets it on import; every schema module takes `z` from here, so
 * no schema can parse before it is set.
 */
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
