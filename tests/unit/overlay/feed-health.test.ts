import { describe, expect, it } from 'vitest';
import { FeedHealth, STALE_AFTER_MS } from '../../../src/overlay/feed-health.ts';

function healthAt(startMs = 1_000) {
  let nowMs = startMs;
  const health = new FeedHealth(() => nowMs);
  return { health, wait: (ms: number) => (nowMs += ms) };
}

describe('FeedHealth', () => {
  it('is stale once the feed never answered for 4 s, not before', () => {
    const { health, wait } = healthAt();
    wait(STALE_AFTER_MS - 1);
    expect(health.stale).toBe(false);
    wait(1);
    expect(health.stale).toBe(true);
  });

  it('is never stale while snapshots keep the overlay in sync', () => {
    const { health, wait } = healthAt();
    health.resynced();
    wait(60_000);
    expect(health.stale).toBe(false);
  });

  it('counts from the disconnect, becomes stale 4 s later and recovers at the next snapshot', () => {
    const { health, wait } = healthAt();
    health.resynced();
    wait(10_000);
    health.disconnected();
    wait(3_000);
    expect(health.stale).toBe(false);
    wait(1_000);
    expect(health.stale).toBe(true);
    health.resynced();
    expect(health.stale).toBe(false);
  });

  it('keeps the start of an outage across repeated disconnects (failed reconnect attempts)', () => {
    const { health, wait } = healthAt();
    health.resynced();
    health.disconnected();
    wait(2_500);
    health.disconnected();
    wait(2_500);
    expect(health.stale).toBe(true);
  });

  it('a blip shorter than 4 s never shows', () => {
    const { health, wait } = healthAt();
    health.resynced();
    health.disconnected();
    wait(3_999);
    health.resynced();
    wait(10_000);
    expect(health.stale).toBe(false);
  });
});
