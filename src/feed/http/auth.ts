import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The producer's token: what every control request must present. Overlays need none: they only read.
 * Kept in one place so the control API, the control socket and any other guarded route compare it the
 * same way.
 */
export const MIN_TOKEN_LENGTH = 16;

/** Refuses a token too short to guess-proof, naming where it came from (`CONTROL_TOKEN`). */
export function validateToken(token: string, source: string): string {
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`${source} must be at least ${MIN_TOKEN_LENGTH} characters (got ${token.length})`);
  return token;
}

/**
 * Compares in constant time. Both sides are hashed first, so the comparison takes as long for a token
 * of the wrong length as for one that differs in its last character: timing says nothing about either.
 */
export function tokensMatch(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
