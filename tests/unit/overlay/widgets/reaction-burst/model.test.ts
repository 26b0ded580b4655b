import { describe, expect, it } from 'vitest';
import { burstColumn, defaultLook } from '../../../../../src/overlay/widgets/reaction-burst/look.ts';
import { ReactionBurstModel } from '../../../../../src/overlay/widgets/reaction-burst/model.ts';
import { Icon, layerIndex } from '../../../../../src/overlay/widgets/reaction-burst/layers.ts';
import { FeedScript } from './fixtures.ts';

const FRAME_MS = 1000 / 60;
const TICK_MS = 100;

/** Runs frames for `ms` and returns the most particles spawned in any one frame. */
function run(model: ReactionBurstModel, ms: number): number {
  let busiest = 0;
  for (let elapsed = 0; elapsed < ms; elapsed += FRAME_MS) {
    const before = model.stats().spawned;
    model.update(FRAME_MS);
    busiest = Math.max(busiest, model.stats().spawned - before);
  }
  return busiest;
}

/** `seconds` of the feed at a constant rate per kind (split evenly over two markets), frames in between. */
function stream(model: ReactionBurstModel, feed: FeedScript, seconds: number, perSecond: { likes?: number; comments?: number }): void {
  for (let tick = 0; tick < seconds * (1000 / TICK_MS); tick++) {
    const likes = ((perSecond.likes ?? 0) * TICK_MS) / 1000;
    const comments = ((perSecond.comments ?? 0) * TICK_MS) / 1000;
    model.observe(feed.next(TICK_MS, { jp: { likes: Math.ceil(likes / 2), comments: Math.ceil(comments / 2) }, us: { likes: Math.floor(likes / 2), comments: Math.floor(comments / 2) } }));
    run(model, TICK_MS);
  }
}

describe('ReactionBurstModel: from totals to particles', () => {
  it('takes the first state as the baseline and shows nothing for what happened before it', () => {
    const feed = new FeedScript();
    feed.next(100, { jp: { likes: 50_000, comments: 900, gifts: 40, giftDiamonds: 9000 } });
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    expect(model.update(FRAME_MS)).toBe(false);
    expect(model.stats().spawned).toBe(0);
  });

  it('shows each like of a quiet stream as one heart, even seconds apart', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    for (let like = 0; like < 5; like++) {
      model.observe(feed.next(3000, { jp: { likes: 1 } }));
      run(model, 3000);
    }
    expect(model.stats().spawned).toBe(5);
    expect(model.update(FRAME_MS)).toBe(false);
  });

  it('turns 10 updates a second into a continuous flow: about the mapped rate, never a puff per update', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    stream(model, feed, 1, { likes: 200 });
    const start = model.stats().spawned;
    let busiest = 0;
    for (let tick = 0; tick < 50; tick++) {
      model.observe(feed.next(TICK_MS, { jp: { likes: 10 }, us: { likes: 10 } }));
      busiest = Math.max(busiest, run(model, TICK_MS));
    }
    const perSecond = (model.stats().spawned - start) / 5;
    const expected = model.visualRate('likes', 200);
    expect(perSecond).toBeGreaterThan(expected * 0.95);
    expect(perSecond).toBeLessThan(expected * 1.05);
    // ~67 hearts a second at 60 frames a second: one or two per frame, not seven at every update.
    expect(busiest).toBeLessThanOrEqual(2);
  });

  it('keeps live particles under the cap in a storm, without dropping any (the rate ceiling holds first)', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel({ maxParticles: 300 });
    model.observe(feed.snapshot());
    let mostLive = 0;
    for (let second = 0; second < 12; second++) {
      stream(model, feed, 1, { likes: 1_000_000, comments: 10_000 });
      mostLive = Math.max(mostLive, model.stats().live);
    }
    expect(model.stats().capacity).toBe(300);
    expect(mostLive).toBeLessThanOrEqual(300);
    expect(mostLive).toBeGreaterThan(150);
    expect(model.stats().dropped).toBe(0);
  });

  it('does not replay a backlog after a jump: a reconnect 30 s later shows one tick at the present rate', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    stream(model, feed, 3, { likes: 10_000 });
    run(model, 5000);
    expect(model.stats().live).toBe(0);
    const before = model.stats().spawned;
    // 30 s of a 10,000 likes/s storm arrive at once.
    model.observe(feed.next(30_000, { jp: { likes: 300_000 } }));
    run(model, 2000);
    const shown = model.stats().spawned - before;
    const oneTickAtCeiling = model.visualRate('likes', 1e12) * (TICK_MS / 1000);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(Math.ceil(oneTickAtCeiling) + 1);
  });

  it('shows nothing owed from while frames were not drawn (a hidden source): the clock jumps to the present', async () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    stream(model, feed, 1, { likes: 10_000 });
    const onScreen = model.stats().live;
    expect(onScreen).toBeGreaterThan(50);
    // Hidden: 20 s of updates arrive, no frame is drawn; then the time away passes in one step.
    for (let tick = 0; tick < 200; tick++) model.observe(feed.next(TICK_MS, { jp: { likes: 1000, gifts: 1, giftDiamonds: 5 } }));
    const before = model.stats().spawned;
    expect(model.update(20_000)).toBe(false);
    expect(model.stats().spawned).toBe(before);
    expect(model.stats().live).toBe(0);
    // The flow resumes with the next update, at the present rate.
    model.observe(feed.next(TICK_MS, { jp: { likes: 1000 } }));
    run(model, TICK_MS);
    expect(model.stats().live).toBeGreaterThan(0);
    expect(model.stats().live).toBeLessThanOrEqual(Math.ceil(model.visualRate('likes', 10_000) * (TICK_MS / 1000)) + 1);
  });

  it('lets particles on screen age through a short jump rather than vanish', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    model.observe(feed.next(TICK_MS, { jp: { likes: 3 } }));
    run(model, 200);
    expect(model.update(1200)).toBe(true);
    expect(model.stats().live).toBe(3);
    expect(model.update(3000)).toBe(false);
  });

  it('ignores stale and repeated states, and rebases on totals that went down (a feed that restarted)', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    const first = feed.snapshot();
    model.observe(first);
    const second = feed.next(TICK_MS, { jp: { likes: 3 } });
    model.observe(second);
    model.observe(second);
    model.observe(first);
    run(model, 500);
    expect(model.stats().spawned).toBe(3);
    // A restarted feed: lower totals, newer time. Nothing is shown for the drop, and counting resumes from it.
    const restarted = new FeedScript();
    restarted.next(5000, {});
    const rebased = { ...restarted.next(1, { jp: { likes: 1 } }), seq: 100, serverTime: second.serverTime + 10_000 };
    model.observe(rebased);
    run(model, 500);
    expect(model.stats().spawned).toBe(3);
    model.observe({ ...rebased, seq: 101, serverTime: rebased.serverTime + TICK_MS, totals: { ...rebased.totals, likes: 3 } });
    run(model, 500);
    expect(model.stats().spawned).toBe(5);
  });

  it('says it is moving while particles live or are owed, and stops when the last one is gone', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    model.observe(feed.next(TICK_MS, { jp: { likes: 1 } }));
    expect(model.moving).toBe(true);
    expect(model.update(FRAME_MS)).toBe(true);
    run(model, 3300);
    expect(model.update(FRAME_MS)).toBe(false);
  });
});

describe('ReactionBurstModel: gifts', () => {
  const liveOf = (model: ReactionBurstModel, icon: keyof typeof Icon) => model.pool.liveShowing(Icon[icon]);

  it('picks the icon by diamond value and sizes it by value', () => {
    const feed = new FeedScript(['jp', 'us', 'tw', 'kr']);
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    model.observe(
      feed.next(TICK_MS, {
        jp: { gifts: 1, giftDiamonds: 1 },
        us: { gifts: 1, giftDiamonds: 30 },
        tw: { gifts: 1, giftDiamonds: 299 },
        kr: { gifts: 1, giftDiamonds: 29_999 },
      }),
    );
    run(model, 200);
    expect(liveOf(model, 'rose')).toBe(1);
    expect(liveOf(model, 'star')).toBe(1);
    expect(liveOf(model, 'treasure')).toBe(1);
    expect(liveOf(model, 'gem')).toBe(1);
    const scaleOf = (icon: keyof typeof Icon) => {
      const slot = [...model.pool.live.subarray(0, model.pool.liveCount)].find((live) => model.pool.icon[live] === Icon[icon])!;
      return model.pool.baseScale[slot]!;
    };
    expect(scaleOf('rose')).toBeLessThan(scaleOf('star'));
    expect(scaleOf('star')).toBeLessThan(scaleOf('treasure'));
  });

  it('gives a big gift its own treatment: the gem, a flash behind it and a ring of sparkles', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    model.observe(feed.next(TICK_MS, { jp: { gifts: 1, giftDiamonds: 5000 } }));
    run(model, 200);
    expect(liveOf(model, 'gem')).toBe(1);
    expect(liveOf(model, 'flash')).toBe(1);
    expect(liveOf(model, 'sparkle')).toBe(model.options.look.bigGift.sparkles);
  });

  it('celebrates a few big gifts at once; more rise with the other gifts rather than being dropped', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    const atOnce = model.options.look.bigGift.maxAtOnce;
    model.observe(feed.snapshot());
    for (let tick = 0; tick < atOnce + 3; tick++) {
      model.observe(feed.next(TICK_MS, { jp: { gifts: 1, giftDiamonds: 5000 } }));
      run(model, TICK_MS);
    }
    // Gifts come out of their queue a ceiling's interval apart: give the last ones time to appear.
    run(model, 1000);
    const pool = model.pool;
    expect(pool.liveIn(layerIndex('gem'))).toBe(atOnce);
    expect(pool.liveShowing(Icon.gem)).toBe(atOnce + 3);
    expect(model.stats().dropped).toBe(0);
  });

  it('reads one big gift among roses from the sums, rather than several middling ones', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    model.observe(feed.next(TICK_MS, { jp: { gifts: 4, giftDiamonds: 30_002 } }));
    run(model, 200);
    expect(liveOf(model, 'gem')).toBe(1);
    expect(liveOf(model, 'rose')).toBe(3);
  });

  it('after a reconnect shows gifts at their average value: no giant gift made of a backlog', () => {
    const feed = new FeedScript();
    const model = new ReactionBurstModel();
    model.observe(feed.snapshot());
    model.observe(feed.next(TICK_MS, { jp: { likes: 1 } }));
    model.observe(feed.next(60_000, { jp: { gifts: 200, giftDiamonds: 10_000 } }));
    run(model, 500);
    expect(liveOf(model, 'gem')).toBe(0);
    expect(liveOf(model, 'star')).toBeGreaterThan(0);
    expect(liveOf(model, 'star')).toBeLessThanOrEqual(3);
  });
});

describe('ReactionBurstModel: seeded motion', () => {
  function burst(seed: number): ReactionBurstModel {
    const feed = new FeedScript();
    const model = new ReactionBurstModel({ seed });
    model.observe(feed.snapshot());
    stream(model, feed, 2, { likes: 300, comments: 5 });
    return model;
  }

  it('repeats exactly with the same seed and the same feed', () => {
    const a = burst(7);
    const b = burst(7);
    expect(a.stats()).toEqual(b.stats());
    expect([...a.pool.outX]).toEqual([...b.pool.outX]);
    expect([...a.pool.outY]).toEqual([...b.pool.outY]);
    expect([...a.pool.outRotation]).toEqual([...b.pool.outRotation]);
  });

  it('varies with another seed', () => {
    expect([...burst(7).pool.outX]).not.toEqual([...burst(8).pool.outX]);
  });

  it('moves each particle up, sideways and around a little, fading out', () => {
    const model = burst(7);
    const pool = model.pool;
    const live = [...pool.live.subarray(0, pool.liveCount)];
    expect(live.length).toBeGreaterThan(50);
    for (const slot of live) {
      expect(pool.outY[slot]).toBeLessThanOrEqual(model.options.look.emitter.y + model.options.look.emitter.yJitter);
      expect(Math.abs(pool.outRotation[slot]!)).toBeLessThan(0.4);
      expect(pool.outAlpha[slot]).toBeGreaterThanOrEqual(0);
      expect(pool.outAlpha[slot]).toBeLessThanOrEqual(1);
    }
    const rotations = new Set(live.map((slot) => pool.outRotation[slot]!.toFixed(3)));
    expect(rotations.size).toBeGreaterThan(live.length / 2);
  });
});

describe('ReactionBurstModel: where the flow goes', () => {
  it('keeps every particle of a storm with big gifts inside its column, on the right and inside the safe area', () => {
    const look = defaultLook;
    const column = burstColumn(look);
    const [left, right] = [column.centreX - column.halfWidth, column.centreX + column.halfWidth];
    expect(left).toBeGreaterThan(1920 / 2);
    expect(right).toBeLessThanOrEqual(1920 - 96);
    const feed = new FeedScript(['jp', 'us', 'tw', 'kr']);
    const model = new ReactionBurstModel({ seed: 3 });
    model.observe(feed.snapshot());
    let lowest = 0;
    let highest = 1080;
    let leftmost = 1920;
    let rightmost = 0;
    for (let tick = 0; tick < 100; tick++) {
      model.observe(feed.next(TICK_MS, { jp: { likes: 1000, comments: 10 }, us: { gifts: 1, giftDiamonds: 1 }, tw: { gifts: 1, giftDiamonds: 299 }, kr: { gifts: tick % 5 === 0 ? 1 : 0, giftDiamonds: tick % 5 === 0 ? 30_000 : 0 } }));
      for (let frame = 0; frame < 6; frame++) {
        model.update(TICK_MS / 6);
        const pool = model.pool;
        for (let i = 0; i < pool.liveCount; i++) {
          const slot = pool.live[i]!;
          if (pool.outAlpha[slot] === 0) continue;
          leftmost = Math.min(leftmost, pool.outX[slot]!);
          rightmost = Math.max(rightmost, pool.outX[slot]!);
          lowest = Math.max(lowest, pool.outY[slot]!);
          highest = Math.min(highest, pool.outY[slot]!);
        }
      }
    }
    // Centres stay a small icon's half width inside the column's reach (which includes the widest icon).
    expect(leftmost).toBeGreaterThan(left + 20);
    expect(rightmost).toBeLessThan(right - 20);
    expect(lowest).toBeLessThanOrEqual(1026 - 20);
    expect(highest).toBeGreaterThan(54 + 60);
  });
});

describe('ReactionBurstModel: density', () => {
  function quietLikes(density: number, likes: number): number {
    const feed = new FeedScript();
    const model = new ReactionBurstModel({ density });
    model.observe(feed.snapshot());
    for (let like = 0; like < likes; like++) {
      model.observe(feed.next(500, { jp: { likes: 1 } }));
      run(model, 500);
    }
    return model.stats().spawned;
  }

  it('shows particles per reaction relative to normal, none at 0', () => {
    expect(quietLikes(1, 10)).toBe(10);
    expect(quietLikes(0.5, 10)).toBe(5);
    expect(quietLikes(0, 10)).toBe(0);
  });
});
