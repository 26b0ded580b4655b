import { describe, expect, it } from 'vitest';
import { createClock, type FrameDriver } from '../../../src/overlay/clock.ts';
import { watchObsVisibility } from '../../../src/overlay/obs-visibility.ts';

/** A page stand-in: an event target with a visibility state. */
class FakePage extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
}

function watched() {
  const calls: boolean[] = [];
  const target = new EventTarget();
  const page = new FakePage();
  const stop = watchObsVisibility({ setHidden: (hidden) => calls.push(hidden) }, target, page as unknown as Document);
  const send = (name: string, detail: unknown) => target.dispatchEvent(new CustomEvent(name, { detail }));
  return { calls, page, send, stop };
}

describe('watchObsVisibility', () => {
  it('hides while OBS says the source is not visible or not on program, and shows it when both are back', () => {
    const { calls, send } = watched();
    send('obsSourceVisibleChanged', { visible: false });
    send('obsSourceActiveChanged', { active: false });
    send('obsSourceVisibleChanged', { visible: true });
    send('obsSourceActiveChanged', { active: true });
    expect(calls).toEqual([true, true, true, false]);
  });

  it('hides while the page itself is hidden', () => {
    const { calls, page } = watched();
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toEqual([true, false]);
  });

  it('ignores events without a boolean detail, and stops listening when asked', () => {
    const { calls, send, stop } = watched();
    send('obsSourceVisibleChanged', { visible: 'no' });
    send('obsSourceActiveChanged', null);
    expect(calls).toEqual([]);
    stop();
    send('obsSourceVisibleChanged', { visible: false });
    expect(calls).toEqual([]);
  });
});

describe('the test clock while hidden', () => {
  it('moves time without drawing, then draws the present once when shown again', () => {
    const clock = createClock('test');
    const steps: number[] = [];
    let draws = 0;
    const driver: FrameDriver = { step: (ms) => (steps.push(ms), false), draw: () => void draws++ };
    clock.attach(driver);
    clock.advance(100);
    expect(draws).toBe(1);
    clock.setHidden(true);
    clock.advance(500);
    expect(draws).toBe(1);
    expect(clock.nowMs).toBeCloseTo(600, 6);
    clock.setHidden(false);
    expect(draws).toBe(2);
    clock.setHidden(false);
    expect(draws).toBe(2);
    clock.destroy();
  });
});
