import { describe, expect, it } from 'vitest';
import { applyLowerThird, initialLowerThird, planPresentation, type LowerThirdAction } from '../../../src/lower-third/index.ts';
import type { LowerThirdState } from '../../../src/protocol/index.ts';
import { card } from './fixtures.ts';

function after(state: LowerThirdState, action: LowerThirdAction): LowerThirdState {
  const transition = applyLowerThird(state, action, 0);
  if (!transition.ok) throw new Error(transition.error.message);
  return transition.state;
}

const hidden = initialLowerThird();
const shown = after(hidden, { type: 'show', card: card('佐藤 葵') });
const onScreen = shown.current!;

describe('planPresentation: what the overlay plays for a new state', () => {
  it('enters a card when nothing is on screen', () => {
    expect(planPresentation(null, shown)).toEqual({ kind: 'enter', card: onScreen });
  });

  it('plays nothing for the same state again (a resync after reconnect does not replay the entrance)', () => {
    expect(planPresentation(onScreen, shown)).toEqual({ kind: 'none' });
  });

  it('updates in place for the same take with new text', () => {
    const updated = after(shown, { type: 'update', patch: { nameLatin: 'Aoi SATO' } });
    expect(planPresentation(onScreen, updated)).toEqual({ kind: 'update', card: updated.current });
  });

  it('swaps (out, then in) for a new take', () => {
    const queued = after(after(shown, { type: 'queue', op: 'add', card: card('高森 健太') }), { type: 'next' });
    expect(planPresentation(onScreen, queued)).toMatchObject({ kind: 'swap', card: { nameJa: '高森 健太' } });
  });

  it('exits when the card went off air', () => {
    expect(planPresentation(onScreen, after(shown, { type: 'hide' }))).toEqual({ kind: 'exit' });
  });
});
