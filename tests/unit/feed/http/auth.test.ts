import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bearerToken, tokensMatch, validateToken } from '../../../../src/feed/http/auth.ts';

const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('producer token', () => {
  it('matches only the exact token', () => {
    const token = 'a-very-long-producer-token';
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token} `, token)).toBe(false);
    expect(tokensMatch(token.slice(0, -1), token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(undefined, token)).toBe(false);
    expect(tokensMatch(12345, token)).toBe(false);
  });

  it('reads a Bearer header, and nothing else', () => {
    expect(bearerToken(request('Bearer abc.def'))).toBe('abc.def');
    expect(bearerToken(request('bearer abc'))).toBe('abc');
    expect(bearerToken(request('Basic abc'))).toBeUndefined();
    expect(bearerToken(request('Bearer a b'))).toBeUndefined();
    expect(bearerToken(request())).toBeUndefined();
  });

  it('refuses a token too short to be safe, naming where it came from', () => {
    expect(() => validateToken('short', 'CONTROL_TOKEN')).toThrow('CONTROL_TOKEN must be at least 16 characters (got 5)');
  });
});
