import { randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: 43 characters nobody guesses. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A log function that can never print a token: every occurrence is replaced by a masked form that keeps
 * only its first four characters, enough for a person to tell which token a line is about.
 */
export function maskingLog(secrets: readonly string[], write: (line: string) => void): (line: string) => void {
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  return (line) => write(sorted.reduce((text, secret) => text.replaceAll(secret, maskToken(secret)), line));
}

export function maskToken(token: string): string {
  return `${token.slice(0, 4)}…(masked)`;
}
