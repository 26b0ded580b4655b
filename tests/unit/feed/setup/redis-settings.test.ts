import { describe, expect, it } from 'vitest';
import { readStartSettings } from '../../../../src/feed/setup/start-settings.ts';

const readRedisUrl = (env: NodeJS.ProcessEnv) => readStartSettings(env, []).redisUrl;

describe('readStartSettings: REDIS_URL', () => {
  it('keeps the embedded store when REDIS_URL is unset or empty', () => {
    expect(readRedisUrl({})).toBeNull();
    expect(readRedisUrl({ REDIS_URL: '  ' })).toBeNull();
  });

  it('takes a redis:// or rediss:// URL', () => {
    expect(readRedisUrl({ REDIS_URL: 'redis://127.0.0.1:6379' })).toBe('redis://127.0.0.1:6379');
    expect(readRedisUrl({ REDIS_URL: ' rediss://:pw@cache.example:6380/1 ' })).toBe('rediss://:pw@cache.example:6380/1');
  });

  it('refuses anything else, naming the variable and never echoing a password', () => {
    expect(() => readRedisUrl({ REDIS_URL: 'http://user:s3cret@cache.example' })).toThrow('REDIS_URL: must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379 (got http://***:***@cache.example)');
    expect(() => readRedisUrl({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => readRedisUrl({ REDIS_URL: 'localhost s3cret' })).toThrow(/\(got \(unparseable Redis URL\)\)/);
  });
});
