import { describe, expect, it } from 'vitest';
import {
  applyLowerThird,
  autoOutDeadline,
  initialLowerThird,
  type LowerThirdAction,
  type Transition,
} from '../../../src/lower-third/index.ts';
import { LowerThirdState } from '../../../src/protocol/index.ts';
import { card } from './fixtures.ts';

/** Applies actions in order at the given times, failing loudly on a refusal; returns the final state. */
function run(steps: [LowerThirdAction, number][], start: LowerThirdState = initialLowerThird()): LowerThirdState {
  return steps.reduce((state, [action, now]) => accepted(applyLowerThird(state, action, now)).state, start);
}

function accepted(transition: Transition): Extract<Transition, { ok: true }> {
  if (!transition.ok) throw new Error(`refused: ${transition.error.message}`);
  // Every state the machine produces must satisfy the protocol schema the overlay parses it with.
  LowerThirdState.parse(transition.state);
  return transition;
}

const aoi = card('佐藤 葵', 'Aoi Sato');
const kenta = card('高森 健太', 'Kenta Takamori');
const misaki = card('能登谷 美咲', 'Misaki Notoya');

describe('lower-third machine: show and hide', () => {
  it('show puts the card on air with a fresh cueId, the time, and a new revision', () => {
    const state = run([[{ type: 'show', card: aoi }, 1_000]]);
    expect(state.phase).toBe('shown');
    expect(state.current).toEqual({ ...aoi, cueId: 1 });
    expect(state.shownAt).toBe(1_000);
    expect(state.revision).toBe(1);
  });

  it('show while a card is on air replaces it with a new take (new cueId), leaving the queue alone', () => {
    const queued = run([
      [{ type: 'queue', op: 'add', card: misaki }, 0],
      [{ type: 'show', card: aoi }, 10],
      [{ type: 'show', card: kenta }, 20],
    ]);
    expect(queued.current?.nameJa).toBe('高森 健太');
    expect(queued.current?.cueId).toBe(3);
    expect(queued.shownAt).toBe(20);
    expect(queued.queue.map((c) => c.nameJa)).toEqual(['能登谷 美咲']);
  });

  it('taking the same person twice is two takes: the cueId changes so the overlay replays the entrance', () => {
    const first = run([[{ type: 'show', card: aoi }, 0]]);
    const second = run([[{ type: 'show', card: aoi }, 5]], first);
    expect(second.current?.cueId).not.toBe(first.current?.cueId);
  });

  it('hide takes the card off air and forgets when it was shown', () => {
    const state = run([
      [{ type: 'show', card: aoi }, 0],
      [{ type: 'hide' }, 50],
    ]);
    expect(state).toMatchObject({ phase: 'hidden', current: null, shownAt: null, revision: 2 });
  });

  it('hide with nothing on air changes nothing, not even the revision', () => {
    const start = initialLowerThird();
    const transition = accepted(applyLowerThird(start, { type: 'hide' }, 0));
    expect(transition.changed).toBe(false);
    expect(transition.state).toBe(start);
  });

  it('never mutates the state it is given', () => {
    const start = run([[{ type: 'queue', op: 'add', card: misaki }, 0]]);
    const frozen = structuredClone(start);
    for (const action of [
      { type: 'show', card: aoi },
      { type: 'next' },
      { type: 'queue', op: 'clear' },
      { type: 'autoOut', ms: 5_000 },
    ] satisfies LowerThirdAction[]) {
      applyLowerThird(start, action, 1);
    }
    expect(start).toEqual(frozen);
  });
});

describe('lower-third machine: update', () => {
  it('changes the text of the card on air and keeps its cueId and shownAt (no new entrance, same auto-out)', () => {
    const shown = run([[{ type: 'show', card: aoi }, 100]]);
    const updated = run([[{ type: 'update', patch: { title: { ja: '歌手・俳優', en: 'Singer & actor' } } }, 900]], shown);
    expect(updated.current?.cueId).toBe(shown.current?.cueId);
    expect(updated.shownAt).toBe(100);
    expect(updated.current?.title.en).toBe('Singer & actor');
    expect(updated.current?.nameJa).toBe('佐藤 葵');
    expect(updated.revision).toBe(shown.revision + 1);
  });

  it('can remove the photo with photo: null', () => {
    const shown = run([[{ type: 'show', card: { ...aoi, photo: '/assets/roster/aoi-sato.svg' } }, 0]]);
    expect(run([[{ type: 'update', patch: { photo: null } }, 1]], shown).current?.photo).toBeNull();
  });

  it('an update that changes nothing is not a change', () => {
    const shown = run([[{ type: 'show', card: aoi }, 0]]);
    const transition = accepted(applyLowerThird(shown, { type: 'update', patch: { nameJa: '佐藤 葵' } }, 1));
    expect(transition.changed).toBe(false);
    expect(transition.state.revision).toBe(shown.revision);
  });

  it('is refused when no card is on air, and the state is untouched', () => {
    const start = initialLowerThird();
    const transition = applyLowerThird(start, { type: 'update', patch: { nameJa: 'x' } }, 0);
    expect(transition).toEqual({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^update: no card is on air/) } });
  });
});

describe('lower-third machine: queue and next', () => {
  it('next takes the first queued card as a new take, at the time of next', () => {
    const state = run([
      [{ type: 'queue', op: 'add', card: kenta }, 0],
      [{ type: 'queue', op: 'add', card: misaki }, 0],
      [{ type: 'show', card: aoi }, 10],
      [{ type: 'next' }, 500],
    ]);
    expect(state.current?.nameJa).toBe('高森 健太');
    expect(state.current?.cueId).toBe(1);
    expect(state.shownAt).toBe(500);
    expect(state.queue.map((c) => c.nameJa)).toEqual(['能登谷 美咲']);
  });

  it('next with nothing on air takes the first queued card', () => {
    const state = run([
      [{ type: 'queue', op: 'add', card: kenta }, 0],
      [{ type: 'next' }, 7],
    ]);
    expect(state).toMatchObject({ phase: 'shown', shownAt: 7, queue: [] });
  });

  it('next with an empty queue takes the card off air (there is nothing to move on to)', () => {
    const state = run([
      [{ type: 'show', card: aoi }, 0],
      [{ type: 'next' }, 1],
    ]);
    expect(state).toMatchObject({ phase: 'hidden', current: null });
  });

  it('next with an empty queue and nothing on air changes nothing', () => {
    expect(accepted(applyLowerThird(initialLowerThird(), { type: 'next' }, 0)).changed).toBe(false);
  });

  it('gives every queued card its own cueId, in order', () => {
    const state = run([
      [{ type: 'queue', op: 'add', card: aoi }, 0],
      [{ type: 'queue', op: 'add', card: aoi }, 0],
      [{ type: 'queue', op: 'add', card: kenta }, 0],
    ]);
    expect(state.queue.map((c) => c.cueId)).toEqual([1, 2, 3]);
  });

  it('refuses to add beyond the maximum, naming it, and keeps the queue as it was', () => {
    const full = run(
      [
        [{ type: 'queue', op: 'add', card: aoi }, 0],
        [{ type: 'queue', op: 'add', card: kenta }, 0],
      ],
      initialLowerThird({ queueMax: 2 }),
    );
    const transition = applyLowerThird(full, { type: 'queue', op: 'add', card: misaki }, 0);
    expect(transition.ok).toBe(false);
    expect(!transition.ok && transition.error.message).toMatch(/queue is full \(2 cards\)/);
    expect(full.queue).toHaveLength(2);
  });

  it('accepts a card again once next has made room', () => {
    const full = run([[{ type: 'queue', op: 'add', card: aoi }, 0]], initialLowerThird({ queueMax: 1 }));
    const state = run([[{ type: 'next' }, 1], [{ type: 'queue', op: 'add', card: kenta }, 2]], full);
    expect(state.queue.map((c) => c.nameJa)).toEqual(['高森 健太']);
  });

  it('removes a queued card by cueId', () => {
    const state = run([
      [{ type: 'queue', op: 'add', card: aoi }, 0],
      [{ type: 'queue', op: 'add', card: kenta }, 0],
      [{ type: 'queue', op: 'remove', cueId: 1 }, 0],
    ]);
    expect(state.queue.map((c) => c.nameJa)).toEqual(['高森 健太']);
  });

  it('refuses to remove a cueId that is not queued (not-found), changing nothing', () => {
    const state = run([[{ type: 'queue', op: 'add', card: aoi }, 0]]);
    const transition = applyLowerThird(state, { type: 'queue', op: 'remove', cueId: 99 }, 0);
    expect(transition).toEqual({ ok: false, error: { code: 'not-found', message: 'queue: no queued card has cueId 99' } });
  });

  it('clear empties the queue but leaves the card on air', () => {
    const state = run([
      [{ type: 'queue', op: 'add', card: kenta }, 0],
      [{ type: 'show', card: aoi }, 0],
      [{ type: 'queue', op: 'clear' }, 0],
    ]);
    expect(state.queue).toEqual([]);
    expect(state.current?.nameJa).toBe('佐藤 葵');
  });

  it('clear on an empty queue is not a change', () => {
    expect(accepted(applyLowerThird(initialLowerThird(), { type: 'queue', op: 'clear' }, 0)).changed).toBe(false);
  });
});

describe('lower-third machine: auto-out with an injected clock', () => {
  const withAutoOut = initialLowerThird({ autoOutMs: 8_000 });

  it('has no deadline when nothing is on air or auto-out is off', () => {
    expect(autoOutDeadline(withAutoOut)).toBeNull();
    expect(autoOutDeadline(run([[{ type: 'show', card: aoi }, 0]]))).toBeNull();
  });

  it('sets the deadline at shownAt + autoOutMs', () => {
    expect(autoOutDeadline(run([[{ type: 'show', card: aoi }, 12_000]], withAutoOut))).toBe(20_000);
  });

  it('expire before the deadline changes nothing; at the deadline the card goes out', () => {
    const shown = run([[{ type: 'show', card: aoi }, 12_000]], withAutoOut);
    expect(accepted(applyLowerThird(shown, { type: 'expire' }, 19_999)).changed).toBe(false);
    const out = accepted(applyLowerThird(shown, { type: 'expire' }, 20_000));
    expect(out.changed).toBe(true);
    expect(out.state).toMatchObject({ phase: 'hidden', current: null });
  });

  it('an update does not restart the countdown', () => {
    const state = run([
      [{ type: 'show', card: aoi }, 0],
      [{ type: 'update', patch: { nameLatin: 'Aoi SATO' } }, 7_000],
    ], withAutoOut);
    expect(autoOutDeadline(state)).toBe(8_000);
  });

  it('next restarts the countdown for the new card', () => {
    const state = run([
      [{ type: 'queue', op: 'add', card: kenta }, 0],
      [{ type: 'show', card: aoi }, 0],
      [{ type: 'next' }, 5_000],
    ], withAutoOut);
    expect(autoOutDeadline(state)).toBe(13_000);
  });

  it('a stale timer of a previous take does not cut the new take short', () => {
    const first = run([[{ type: 'show', card: aoi }, 0]], withAutoOut);
    const second = run([[{ type: 'show', card: kenta }, 6_000]], first);
    // The first take's timer fires at 8 s: the second take is due at 14 s, so it stays.
    expect(accepted(applyLowerThird(second, { type: 'expire' }, 8_000)).changed).toBe(false);
  });

  it('turning auto-out on while a card is on air times it from when it was shown', () => {
    const shown = run([[{ type: 'show', card: aoi }, 1_000]]);
    const timed = run([[{ type: 'autoOut', ms: 3_000 }, 10_000]], shown);
    expect(autoOutDeadline(timed)).toBe(4_000);
    expect(accepted(applyLowerThird(timed, { type: 'expire' }, 10_000)).state.current).toBeNull();
  });

  it('turning auto-out off keeps the card on', () => {
    const shown = run([[{ type: 'show', card: aoi }, 0], [{ type: 'autoOut', ms: null }, 1]], withAutoOut);
    expect(autoOutDeadline(shown)).toBeNull();
    expect(accepted(applyLowerThird(shown, { type: 'expire' }, 1_000_000)).changed).toBe(false);
  });

  it('setting the same auto-out again is not a change', () => {
    expect(accepted(applyLowerThird(withAutoOut, { type: 'autoOut', ms: 8_000 }, 0)).changed).toBe(false);
  });
});
