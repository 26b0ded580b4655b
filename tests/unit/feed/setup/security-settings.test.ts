import { describe, expect, it } from 'vitest';
import { readStartSettings } from '../../../../src/feed/setup/start-settings.ts';
import { maskingLog } from '../../../../src/feed/setup/tokens.ts';

const readSecuritySettings = (env: NodeJS.ProcessEnv, cwd?: string) => readStartSettings(env, [], cwd);
import { originAllowed, parseAllowedOrigins } from '../../../../src/feed/http/origin.ts';
import { RateLimiter } from '../../../../src/feed/http/rate-limit.ts';

const CONTROL = 'control-token-0123456789';
const INGEST = 'ingest-token-0123456789';

describe('security settings of npm start', () => {
  it('generates both tokens when unset, different each time and from each other, and says which', () => {
    const first = readSecuritySettings({}, '/show');
    const second = readSecuritySettings({}, '/show');
    expect(first.generated).toEqual(['CONTROL_TOKEN', 'INGEST_TOKEN']);
    expect(first.controlToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([first.controlToken, first.ingestTokens[0], second.controlToken, second.ingestTokens[0]]).size).toBe(4);
    expect(first.dataDir).toBe('/show/.data');
  });

  it('takes tokens, origins, data directory and rate from the environment', () => {
    const settings = readSecuritySettings(
      { CONTROL_TOKEN: CONTROL, INGEST_TOKEN: `${INGEST}, second-ingest-token-000`, ALLOWED_ORIGINS: 'https://studio.example, http://localhost:5173/', DATA_DIR: 'totals', INGEST_RATE: '20' },
      '/show',
    );
    expect(settings).toMatchObject({
      dataDir: '/show/totals',
      controlToken: CONTROL,
      ingestTokens: [INGEST, 'second-ingest-token-000'],
      allowedOrigins: ['https://studio.example', 'http://localhost:5173'],
      ingestRequestsPerSecond: 20,
      generated: [],
    });
  });

  it('refuses, naming the variable, a short token, a shared token, a bad origin or rate', () => {
    expect(() => readSecuritySettings({ CONTROL_TOKEN: 'short' })).toThrow(/CONTROL_TOKEN: must be at least 16 characters/);
    expect(() => readSecuritySettings({ CONTROL_TOKEN: CONTROL, INGEST_TOKEN: CONTROL })).toThrow(/INGEST_TOKEN: must differ from CONTROL_TOKEN/);
    expect(() => readSecuritySettings({ ALLOWED_ORIGINS: 'https://studio.example/path' })).toThrow(/ALLOWED_ORIGINS: "https:\/\/studio.example\/path" must be scheme/);
    expect(() => readSecuritySettings({ INGEST_RATE: '1.5' })).toThrow(/INGEST_RATE: must be a whole number/);
  });

  it('masks every token in every log line', () => {
    const lines: string[] = [];
    const log = maskingLog([CONTROL, INGEST], (line) => lines.push(line));
    log(`refused ${INGEST} and ${CONTROL}; again ${INGEST}`);
    expect(lines[0]).toBe('refused inge…(masked) and cont…(masked); again inge…(masked)');
  });
});

describe('origin allow-list', () => {
  const allowed = new Set(parseAllowedOrigins('https://studio.example'));
  it('lets through requests from no page, from its own origin and from listed ones; refuses the rest', () => {
    expect(originAllowed({ host: '127.0.0.1:8080' }, allowed)).toBe(true);
    expect(originAllowed({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' }, allowed)).toBe(true);
    expect(originAllowed({ host: '127.0.0.1:8080', origin: 'https://studio.example' }, allowed)).toBe(true);
    expect(originAllowed({ host: '127.0.0.1:8080', origin: 'https://studio.example.evil.test' }, allowed)).toBe(false);
    expect(originAllowed({ host: '127.0.0.1:8080', origin: 'null' }, allowed)).toBe(false);
    expect(originAllowed({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8081' }, allowed)).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then one request per 1/rate seconds, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now += 500;
    expect([limiter.take('a').ok, limiter.take('a').ok]).toEqual([true, false]);
  });
});
