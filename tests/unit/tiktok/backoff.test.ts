import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from '../../../src/feed/sources/tiktok/backoff.ts';
import { classifyConnectFailure, describeError } from '../../../src/feed/sources/tiktok/connect-failure.ts';
import { HTTPError, InvalidResponseCompositeError, InvalidResponseError, InvalidUniqueIdError, PremiumFeatureError, SignatureRateLimitError, UserOfflineError } from './library-double.ts';

const attempts = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('retryDelayMs', () => {
  it('doubles from 1 s after ordinary failures and is capped at 60 s', () => {
    const schedule = attempts(9).map((attempt) => retryDelayMs({ kind: 'failure', attempt }, 0));
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(retryDelayMs({ kind: 'failure', attempt: 1_000 }, 0)).toBe(60_000);
  });

  it('jitters downwards only, by at most 20 %, so the cap stays a true maximum', () => {
    expect(retryDelayMs({ kind: 'failure', attempt: 3 }, 0.5)).toBe(3_600);
    expect(retryDelayMs({ kind: 'failure', attempt: 3 }, 0.999_999)).toBe(3_200);
    expect(retryDelayMs({ kind: 'failure', attempt: 20 }, 0.25)).toBe(57_000);
  });

  it('backs off far longer after a sign-server rate limit: from 1 min, doubling, capped at 10 min', () => {
    const schedule = attempts(6).map((attempt) => retryDelayMs({ kind: 'rate-limited', attempt, retryAfterMs: null }, 0));
    expect(schedule).toEqual([60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    for (const attempt of attempts(12)) {
      expect(retryDelayMs({ kind: 'rate-limited', attempt, retryAfterMs: null }, 0.9)).toBeGreaterThan(retryDelayMs({ kind: 'failure', attempt }, 0));
    }
  });

  it('never retries sooner than the sign server’s Retry-After, even beyond the cap', () => {
    expect(retryDelayMs({ kind: 'rate-limited', attempt: 1, retryAfterMs: 90_000 }, 0)).toBe(90_000);
    expect(retryDelayMs({ kind: 'rate-limited', attempt: 1, retryAfterMs: 30_000 }, 0.5)).toBe(54_000);
    expect(retryDelayMs({ kind: 'rate-limited', attempt: 9, retryAfterMs: 3_600_000 }, 0.5)).toBe(3_600_000);
  });

  it('polls a stream that is not live every 30 s, jittered', () => {
    expect(retryDelayMs({ kind: 'offline' }, 0)).toBe(30_000);
    expect(retryDelayMs({ kind: 'offline' }, 0.5)).toBe(27_000);
  });

  it('follows a custom policy', () => {
    const policy = { ...DEFAULT_BACKOFF, baseMs: 250, maxMs: 2_000, jitter: 0 };
    expect(attempts(6).map((attempt) => retryDelayMs({ kind: 'failure', attempt }, 0.7, policy))).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000]);
  });
});

describe('classifyConnectFailure', () => {
  it('recognises the sign server’s rate limit, with its Retry-After', () => {
    const failure = classifyConnectFailure(new SignatureRateLimitError(45_000));
    expect(failure).toEqual({ kind: 'rate-limited', by: 'sign-server', retryAfterMs: 45_000, resetAt: null, message: expect.stringMatching(/^SignatureRateLimitError: \[Rate Limited\] Too many connections/) });
    expect(classifyConnectFailure(new SignatureRateLimitError(0))).toMatchObject({ kind: 'rate-limited', retryAfterMs: null });
  });

  it('finds a rate limit hidden in a composite error or a cause', () => {
    const composite = new InvalidResponseCompositeError([new Error('HTML route failed'), new SignatureRateLimitError(10_000)]);
    expect(classifyConnectFailure(composite)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 10_000 });
    expect(classifyConnectFailure(new Error('connect failed', { cause: new SignatureRateLimitError(5_000) }))).toMatchObject({ kind: 'rate-limited' });
  });

  it('reads a daily limit’s reset time, and waits until it rather than a minute', () => {
    const resetAt = 1_732_579_200_000; // the next midnight UTC after 1_732_500_000_000
    const daily = classifyConnectFailure(new SignatureRateLimitError(0, 'Daily connection limit reached.', resetAt, 'day'));
    expect(daily).toMatchObject({ kind: 'rate-limited', by: 'sign-server', retryAfterMs: null, resetAt });
    expect(daily.message).toMatch(/\(day\) Too many connections started/);
    const now = 1_732_500_000_000;
    expect(retryDelayMs({ kind: 'rate-limited', attempt: 1, retryAfterMs: null, untilResetMs: resetAt - now }, 0.5)).toBe(79_200_000);
  });

  it('finds TikTok’s own 429 inside a room-id lookup that failed on every route', () => {
    const lookup = new InvalidResponseCompositeError([
      new HTTPError(429, 'Too Many Requests'),
      new InvalidResponseError({ routeId: 'fetchRoomIdRoute' }, 'Failed to extract Room ID from API.'),
      new InvalidResponseError({ routeId: 'fetchRoomIdRoute' }, 'Failed to retrieve Room ID from Euler due to an error: 429 Too Many Requests'),
    ]);
    expect(classifyConnectFailure(lookup)).toEqual({ kind: 'rate-limited', by: 'tiktok', retryAfterMs: null, resetAt: null, message: 'InvalidResponseCompositeError: Failed to retrieve Room ID from all sources.' });
    // The same lookup failing for another reason is an ordinary, retryable failure.
    const notFound = new InvalidResponseCompositeError([new InvalidResponseError({ routeId: 'fetchRoomIdRoute' }, 'Failed to extract Room ID from HTML.')]);
    expect(classifyConnectFailure(notFound)).toMatchObject({ kind: 'transient' });
  });

  it('tells "not live", "cannot be fixed by retrying" and "try again" apart', () => {
    expect(classifyConnectFailure(new UserOfflineError("The requested user isn't online :("))).toMatchObject({ kind: 'offline' });
    expect(classifyConnectFailure(new InvalidUniqueIdError('Missing or invalid value for uniqueId'))).toMatchObject({ kind: 'permanent' });
    expect(classifyConnectFailure(new PremiumFeatureError('Signing this URL requires a paid plan.'))).toMatchObject({ kind: 'permanent' });
    expect(classifyConnectFailure(new Error('Timed out whilst connecting to WebSocket'))).toEqual({ kind: 'transient', message: 'Timed out whilst connecting to WebSocket' });
    expect(classifyConnectFailure('a string')).toEqual({ kind: 'transient', message: 'a string' });
  });

  it('turns the sign server’s boxed message into one readable line', () => {
    const error = new SignatureRateLimitError(0, 'You have reached the connection limit of your plan.');
    expect(describeError(error)).toBe(
      'SignatureRateLimitError: [Rate Limited] Too many connections started, try again later. You have reached the connection limit of your plan.',
    );
  });
});
