import type { LowerThirdState, OnAirCard } from '../protocol/index.ts';
import { sameContent } from './card.ts';

/**
 * What an overlay must play to go from the card it shows to the state the server sent:
 * - `enter`: nothing on screen, a card now on air: play the entrance;
 * - `swap`: a different take (another cueId): play the exit, then the entrance (`next`, or a new `show`);
 * - `update`: the same take with changed content: change the text in place, no entrance;
 * - `exit`: the card went off air;
 * - `none`: nothing to do (the same content again, e.g. the resync after a reconnect).
 *
 * Ordering is the feed client's business (it drops a state older than the last, as it does for totals).
 */
export type Presentation =
  | { kind: 'enter' | 'swap' | 'update'; card: OnAirCard }
  | { kind: 'exit' | 'none' };

export function planPresentation(onScreen: OnAirCard | null, state: LowerThirdState): Presentation {
  const card = state.current;
  if (card === null) return onScreen === null ? { kind: 'none' } : { kind: 'exit' };
  if (onScreen === null) return { kind: 'enter', card };
  if (onScreen.cueId !== card.cueId) return { kind: 'swap', card };
  return sameContent(onScreen, card) ? { kind: 'none' } : { kind: 'update', card };
}
