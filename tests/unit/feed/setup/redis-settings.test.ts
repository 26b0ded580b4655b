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

describe('readStartSettings: NODE_ID and LEASE_TTL_MS', () => {
  it('defaults to no name (host:pid is used) and a 5 s lease', () => {
    expect(readStartSettings({}, [])).toMatchObject({ nodeId: null, leaseTtlMs: 5_000 });
    expect(readStartSettings({ NODE_ID: ' studio-a ', LEASE_TTL_MS: '8000' }, [])).toMatchObject({ nodeId: 'studio-a', leaseTtlMs: 8_000 });
  });

  it('refuses a lease too short to renew or too long to wait for, naming the variable', () => {
    expect(() => readStartSettings({ LEASE_TTL_MS: '500' }, [])).toThrow('LEASE_TTL_MS: must be at least 1000');
    expect(() => readStartSettings({ LEASE_TTL_MS: '120000' }, [])).toThrow('LEASE_TTL_MS: must be at most 60000');
    expect(() => readStartSettings({ LEASE_TTL_MS: '5s' }, [])).toThrow('LEASE_TTL_MS: must be a whole number');
    expect(() => readStartSettings({ NODE_ID: 'n'.repeat(101) }, [])).toThrow('NODE_ID: must be at most 100 characters');
  });
});
