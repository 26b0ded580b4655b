import { describe, expect, it } from 'vitest';
import { onBoth, type Engine } from './engines.ts';

/** Each frame's values, not the objects (without the cache gsap puts on its targets, `_gsap`). */
const snap = (...targets: object[]) => targets.map((target) => Object.fromEntries(Object.entries(target).filter(([key]) => key !== '_gsap')));

/** A lower-third-like card: parts that are set, wiped, faded and slid in overlapping steps. */
function card() {
  return {
    bar: { scaleY: 1 },
    plate: { width: 600, alpha: 1 },
    photo: { alpha: 1, scale: 1 },
    texts: [0, 1, 2].map(() => ({ alpha: 1, x: 140 })),
  };
}
type Card = ReturnType<typeof card>;

function entrance(engine: Engine, parts: Card, speed: number) {
  const timeline = engine.timeline({ paused: true });
  timeline
    .set(parts.bar, { scaleY: 0 }, 0)
    .set(parts.plate, { width: 0 }, 0)
    .set(parts.texts, { alpha: 0 }, 0)
    .to(parts.bar, { scaleY: 1 }, { duration: 0.3, ease: 'power3.out', at: 0 })
    .fromTo(parts.photo, { alpha: 0, scale: 0.55 }, { alpha: 1, scale: 1 }, { duration: 0.55, ease: 'back.out(1.8)', at: 0.02 })
    .to(parts.plate, { width: 600 }, { duration: 0.5, ease: 'power4.out', at: 0.12 });
  parts.texts.forEach((text, index) => {
    const at = 0.3 + index * 0.08;
    timeline
      .fromTo(text, { alpha: 0 }, { alpha: 1 }, { duration: 0.35, ease: 'power2.out', at })
      .fromTo(text, { x: text.x - 18 }, { x: text.x }, { duration: 0.45, ease: 'power3.out', at });
  });
  return timeline.playSpeed(speed);
}

describe('timelines, frame by frame against gsap', () => {
  it.each([1, 2])('plays a paused entrance at speed %d: sets, overlaps, offsets and fromTo starts land as in gsap', (speed) => {
    const { ours, gsap } = onBoth((engine) => {
      const parts = card();
      const trace: unknown[] = [];
      let completes = 0;
      const timeline = entrance(engine, parts, speed);
      // fromTo puts its start values on at once, before the timeline plays.
      trace.push(snap(parts.photo, ...parts.texts));
      engine.advance(250); // paused: nothing moves
      trace.push(snap(parts.bar, parts.plate));
      timeline.onComplete(() => completes++);
      timeline.play();
      for (let frame = 0; frame < 70; frame++) {
        engine.advance(1000 / 60);
        trace.push([snap(parts.bar, parts.plate, parts.photo, ...parts.texts), completes]);
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours.at(-1)).toEqual([snap(card().bar, card().plate, card().photo, ...card().texts), 1]);
  });

  it('plays a running timeline from its creation, a to after a fromTo of the same value starting where it ended', () => {
    const { ours, gsap } = onBoth((engine) => {
      const glow = { alpha: 0.3 };
      const trace: unknown[] = [];
      const calls: string[] = [];
      engine
        .timeline({ onComplete: () => calls.push('done') })
        .fromTo(glow, { alpha: 0 }, { alpha: 0.9 }, { duration: 0.25, ease: 'power2.out', at: 0 })
        .to(glow, { alpha: 0 }, { duration: 1.1, ease: 'power2.in', at: 0.25, onComplete: () => calls.push('glow') });
      for (let frame = 0; frame < 90; frame++) {
        engine.frame(frame % 3 === 0 ? 20 : 15);
        trace.push([glow.alpha, calls.length]);
      }
      return [trace, calls];
    });
    expect(ours).toEqual(gsap);
    expect(ours[1]).toEqual(['glow', 'done']);
  });

  it('puts a fromTo’s start values on again when it starts, whatever moved them in between', () => {
    const { ours, gsap } = onBoth((engine) => {
      const text = { alpha: 1, x: 140 };
      const trace: unknown[] = [];
      engine.timeline().fromTo(text, { alpha: 0, x: 122 }, { alpha: 1, x: 140 }, { duration: 0.35, ease: 'power2.out', at: 0.3 });
      trace.push(snap(text));
      Object.assign(text, { alpha: 0.5, x: 300 }); // as a snap to a new layout would
      for (let frame = 0; frame < 45; frame++) {
        engine.advance(1000 / 60);
        trace.push(snap(text));
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours[0]).toEqual([{ alpha: 0, x: 122 }]);
    expect(ours[17]).toEqual([{ alpha: 0.5, x: 300 }]); // 17 frames: before its start
    expect(ours.at(-1)).toEqual([{ alpha: 1, x: 140 }]);
  });

  it('calls back at the end of what was placed, once, and completes after it', () => {
    const { ours, gsap } = onBoth((engine) => {
      const calls: string[] = [];
      const part = { alpha: 1 };
      const timeline = engine.timeline({ paused: true });
      timeline.to(part, { alpha: 0 }, { duration: 0.18, ease: 'power1.in', at: 0 });
      timeline.call(() => calls.push(`call at alpha ${part.alpha}`));
      timeline.onComplete(() => calls.push('complete'));
      timeline.playSpeed(2).play();
      engine.advance(500);
      engine.advance(500);
      return calls;
    });
    expect(ours).toEqual(gsap);
    expect(ours).toEqual(['call at alpha 0', 'complete']);
  });

  it('completes a timeline of no length (only a set and a call) at its first frame, as gsap does', () => {
    const { ours, gsap } = onBoth((engine) => {
      const calls: string[] = [];
      const part = { alpha: 1 };
      const timeline = engine.timeline({ paused: true });
      timeline.set(part, { alpha: 0 }, 0);
      timeline.call(() => calls.push(`call at alpha ${part.alpha}`));
      timeline.onComplete(() => calls.push('complete'));
      timeline.play();
      engine.advance(16);
      engine.advance(16);
      return calls;
    });
    expect(ours).toEqual(gsap);
    expect(ours).toEqual(['call at alpha 0', 'complete']);
  });

  it('finishes at once, as the meter ends a celebration for a newer one: end values, every callback once', () => {
    const { ours, gsap } = onBoth((engine) => {
      const glow = { alpha: 0 };
      const banner = { alpha: 0, y: 16 };
      const calls: string[] = [];
      const timeline = engine.timeline({ onComplete: () => calls.push('celebration') });
      timeline
        .fromTo(glow, { alpha: 0 }, { alpha: 0.9 }, { duration: 0.25, ease: 'power2.out', at: 0 })
        .to(glow, { alpha: 0 }, { duration: 1.1, ease: 'power2.in', at: 0.25, onComplete: () => calls.push('glow') })
        .fromTo(banner, { alpha: 0, y: 16 }, { alpha: 1, y: 0 }, { duration: 0.45, ease: 'back.out(2)', at: 0.1 })
        .to(banner, { alpha: 0, y: 9.6 }, { duration: 0.4, ease: 'power2.in', at: 3.1, onComplete: () => calls.push('banner') });
      engine.advance(400);
      const mid = snap(glow, banner);
      timeline.finish();
      const end = snap(glow, banner);
      engine.advance(5000);
      return [mid, end, calls];
    });
    expect(ours).toEqual(gsap);
    expect(ours[2]).toEqual(['glow', 'banner', 'celebration']);
  });

  it('stops where it is when killed mid-run: no part moves on, no callback fires', () => {
    const { ours, gsap } = onBoth((engine) => {
      const parts = card();
      let completes = 0;
      const timeline = entrance(engine, parts, 1);
      timeline.onComplete(() => completes++);
      timeline.play();
      engine.advance(380);
      timeline.kill();
      const atKill = snap(parts.plate, ...parts.texts);
      engine.advance(2000);
      return [atKill, snap(parts.plate, ...parts.texts), completes];
    });
    expect(ours).toEqual(gsap);
    expect(ours[0]).toEqual(ours[1]);
    expect(ours[2]).toBe(0);
  });

  it('plays an update whose onComplete starts the next timeline, as the lower third chains its changes', () => {
    const { ours, gsap } = onBoth((engine) => {
      const part = { x: 0, alpha: 1 };
      const trace: unknown[] = [];
      const second = () => {
        const timeline = engine.timeline({ paused: true });
        timeline.to(part, { alpha: 0 }, { duration: 0.16, ease: 'power1.in', at: 0 });
        timeline.play();
      };
      const first = engine.timeline({ paused: true });
      first.to(part, { x: 50 }, { duration: 0.4, ease: 'power2.inOut', at: 0.05 });
      first.onComplete(second);
      first.play();
      for (let frame = 0; frame < 45; frame++) {
        engine.advance(1000 / 60);
        trace.push(snap(part));
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours.at(-1)).toEqual([{ x: 50, alpha: 0 }]);
  });
});
