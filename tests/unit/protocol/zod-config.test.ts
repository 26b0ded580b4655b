import { describe, expect, it } from 'vitest';
import { z } from '../../../src/protocol/zod.ts';

describe('the shared zod', () => {
  it('compiles its parsers outside a page, where the feed server parses thousands of reactions a second', () => {
    // Pages set jitless (src/protocol/zod.ts); node has no document, and must not.
    expect('document' in globalThis).toBe(false);
    expect(z.core.globalConfig.jitless).toBe(false);
  });
});
