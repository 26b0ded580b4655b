import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, redactRedisUrl } from '../../../../src/feed/scale-out/redis-connection.ts';
import { parseLogEntry } from '../../../../src/feed/scale-out/redis-log.ts';

describe('parseLogEntry', () => {
  it('reads a batch and a setting as the commit scripts write them', () => {
    expect(parseLogEntry(['1-0', ['seq', '12', 'e', JSON.stringify({ t: 'r', src: 'ingest:bridge', c: [['noto', 'jp', 5, 0, 1, 99, 0]] })]])).toEqual({
      id: '1-0',
      seq: 12,
      t: 'r',
      src: 'ingest:bridge',
      c: [['noto', 'jp', 5, 0, 1, 99, 0]],
    });
    expect(parseLogEntry(['2-0', ['seq', '13', 'e', JSON.stringify({ t: 's', key: 'goal', v: { goalMinor: 5 } })]])).toMatchObject({ seq: 13, t: 's', key: 'goal' });
  });

  it('refuses an entry it cannot trust, naming the entry and the problem', () => {
    const body = JSON.stringify({ t: 'r', src: 'x', c: [] });
    expect(() => parseLogEntry(['3-0', ['seq', 'abc', 'e', body]])).toThrow('log entry 3-0: seq must be a whole number from 1, got abc');
    expect(() => parseLogEntry(['3-1', ['seq', '0', 'e', body]])).toThrow(/log entry 3-1: seq must be/);
    expect(() => parseLogEntry(['3-2', ['seq', '4', 'e', '{oops']])).toThrow('log entry 3-2: its body is not JSON');
    expect(() => parseLogEntry(['3-3', ['seq', '4', 'e', JSON.stringify({ t: 'r', src: 'x', c: [['noto', 'jp', -5, 0, 0, 0, 0]] })]])).toThrow(/log entry 3-3 is invalid: c\.0\.2/);
    expect(() => parseLogEntry(['3-4', ['seq', '4', 'e', JSON.stringify({ t: 'r', src: 'x', c: [['noto', 'jp', 1.5, 0, 0, 0, 0]] })]])).toThrow(/log entry 3-4 is invalid/);
  });
});

describe('Redis connection helpers', () => {
  it('never shows credentials in a URL meant for the log', () => {
    expect(redactRedisUrl('redis://default:s3cret-pass@cache.example:6380/2')).toBe('redis://***:***@cache.example:6380/2');
    expect(redactRedisUrl('rediss://:s3cret-pass@cache.example:6380')).toBe('rediss://:***@cache.example:6380');
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactRedisUrl('not a url s3cret')).toBe('(unparseable Redis URL)');
  });

  it('reconnects fast after a blip and at most once a second while Redis is down', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(reconnectDelayMs)).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
  });
});
