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
 *
 * In a page, zod compiles no parsers (`jitless`). It would compile one for each object schema (with
 * `new Function`) at its first parse, which pays where the same shapes are parsed thousands of times a
 * second (the feed server), not where each big one is parsed once on the way to the first frame (the
 * overlay's campaign: 39 ms to parse with it, 19 without, in Chromium drawing in software), nor on the
 * control page, whose CSP forbids eval. Set here, before any schema is made: each reads it when made.
 */
import * as z from 'zod/mini';

z.config({ ...z.locales.en(), jitless: 'document' in globalThis });

export { z };
