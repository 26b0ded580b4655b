import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { validateToken } from '../http/auth.ts';
import { parseAllowedOrigins } from '../http/origin.ts';

/** What `npm start` needs to keep totals and to guard control and ingest, from the environment. */
export interface SecuritySettings {
  /** DATA_DIR: the journal's directory. Default `.data` in the working directory. */
  dataDir: string;
  controlToken: string;
  /** INGEST_TOKEN: one token, or several separated by commas (one per sending system). */
  ingestTokens: string[];
  /** ALLOWED_ORIGINS: pages from these origins may call control and ingest, besides the feed's own. */
  allowedOrigins: string[];
  /** INGEST_RATE: requests per second per ingest token (burst: twice as many). Default 50. */
  ingestRequestsPerSecond: number;
  /** Which tokens were generated because their variable was unset: printed once, never logged. */
  generated: ('CONTROL_TOKEN' | 'INGEST_TOKEN')[];
}

export const SECURITY_USAGE = `DATA_DIR (.data), CONTROL_TOKEN, INGEST_TOKEN (comma-separated for several; both generated and printed once when unset),
             ALLOWED_ORIGINS (comma-separated origins whose pages may call control and ingest), INGEST_RATE (50 requests/s per token)`;

/** Reads the settings; throws an Error naming the bad variable. */
export function readSecuritySettings(env: NodeJS.ProcessEnv, cwd = process.cwd()): SecuritySettings {
  const value = (name: string) => (env[name] === undefined || env[name]!.trim() === '' ? undefined : env[name]!.trim());
  const generated: SecuritySettings['generated'] = [];
  const controlToken = value('CONTROL_TOKEN') ?? (generated.push('CONTROL_TOKEN'), newToken());
  validateToken(controlToken, 'CONTROL_TOKEN');
  const ingestTokens = value('INGEST_TOKEN')?.split(',').map((token) => token.trim()) ?? (generated.push('INGEST_TOKEN'), [newToken()]);
  ingestTokens.forEach((token, index) => validateToken(token, ingestTokens.length > 1 ? `INGEST_TOKEN entry ${index + 1}` : 'INGEST_TOKEN'));
  if (ingestTokens.includes(controlToken)) throw new Error('INGEST_TOKEN must differ from CONTROL_TOKEN: a sender of reactions should not control the show');
  const rate = value('INGEST_RATE') ?? '50';
  if (!/^\d+$/.test(rate) || Number(rate) < 1 || Number(rate) > 100_000) throw new Error(`INGEST_RATE must be a whole number of requests per second from 1 to 100000 (got "${rate}")`);
  return {
    dataDir: resolve(cwd, value('DATA_DIR') ?? '.data'),
    controlToken,
    ingestTokens,
    allowedOrigins: parseAllowedOrigins(value('ALLOWED_ORIGINS')),
    ingestRequestsPerSecond: Number(rate),
    generated,
  };
}

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
