import { describe, expect, it } from 'vitest';
import { ParticlePool } from '../../../../../src/overlay/widgets/reaction-burst/particle-pool.ts';
import { Icon, LAYERS, MAX_PARTICLES, MIN_PARTICLES, layerIndex, poolLayout } from '../../../../../src/overlay/widgets/reaction-burst/layers.ts';

describe('poolLayout', () => {
  it('splits the budget into one contiguous range per layer, adding up to exactly the budget', () => {
    for (const budget of [60, 123, 800, 2000]) {
      const layout = poolLayout(budget);
      expect(layout.map((range) => range.layer)).toEqual([...LAYERS]);
      expect(layout.reduce((sum, range) => sum + range.capacity, 0)).toBe(budget);
      layout.forEach((range, index) => {
        expect(range.capacity).toBeGreaterThanOrEqual(1);
        const previous = layout[index - 1];
        expect(range.start).toBe(previous ? previous.start + previous.capacity : 0);
      });
    }
  });

  it('clamps a budget out of range', () => {
    const total = (budget: number) => poolLayout(budget).reduce((sum, range) => sum + range.capacity, 0);
    expect(total(1)).toBe(MIN_PARTICLES);
    expect(total(1e9)).toBe(MAX_PARTICLES);
  });
});

describe('ParticlePool', () => {
  const heart = layerIndex('heart');
  const gem = layerIndex('gem');

  it('hands out slots from the layer\'s own range and refuses when that range is full', () => {
    const pool = new ParticlePool(poolLayout(200));
    const range = pool.ranges[gem]!;
    const slots = Array.from({ length: range.capacity }, () => pool.acquire(gem, Icon.gem));
    for (const slot of slots) {
      expect(slot).toBeGreaterThanOrEqual(range.start);
      expect(slot).toBeLessThan(range.start + range.capacity);
    }
    expect(new Set(slots).size).toBe(range.capacity);
    expect(pool.acquire(gem, Icon.gem)).toBe(-1);
    expect(pool.acquire(heart, Icon.heart)).toBeGreaterThanOrEqual(0);
  });

  it('reuses released slots and never grows, however many particles come and go', () => {
    const pool = new ParticlePool(poolLayout(200));
    const arrays = [pool.x0, pool.outX, pool.live, pool.bornMs];
    const capacity = pool.capacity;
    const seen = new Set<number>();
    for (let round = 0; round < 1000; round++) {
      const a = pool.acquire(heart, Icon.heart);
      const b = pool.acquire(heart, Icon.heart);
      seen.add(a).add(b);
      pool.release(a);
      pool.release(b);
    }
    expect(pool.capacity).toBe(capacity);
    expect(arrays.every((array, index) => array === [pool.x0, pool.outX, pool.live, pool.bornMs][index])).toBe(true);
    expect(seen.size).toBe(2);
    expect(pool.spawned).toBe(2000);
    expect(pool.liveCount).toBe(0);
  });

  it('keeps the live list dense and hides a released slot', () => {
    const pool = new ParticlePool(poolLayout(200));
    const slots = [pool.acquire(heart, Icon.heart), pool.acquire(heart, Icon.heart), pool.acquire(gem, Icon.gem)];
    slots.forEach((slot) => {
      pool.outScale[slot] = 1;
      pool.outAlpha[slot] = 1;
    });
    expect(pool.liveShowing(Icon.heart)).toBe(2);
    pool.release(slots[0]!);
    expect(pool.liveCount).toBe(2);
    expect(pool.liveShowing(Icon.heart)).toBe(1);
    expect([...pool.live.subarray(0, 2)].sort()).toEqual([slots[1], slots[2]].sort());
    expect(pool.outScale[slots[0]!]).toBe(0);
    expect(pool.outAlpha[slots[0]!]).toBe(0);
    pool.release(slots[0]!);
    expect(pool.liveCount).toBe(2);
    pool.clear();
    expect(pool.liveCount).toBe(0);
    expect(pool.liveShowing(Icon.heart)).toBe(0);
  });
});
