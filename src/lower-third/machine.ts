import type { FeedError, LowerThirdState, OnAirCard } from '../protocol/index.ts';
import { sameContent, type CardContent } from './card.ts';

/**
 * The lower-third state machine of the broadcast graphics contract (CasparCG, SPX, H2R): show / update /
 * next / hide, a queue with a maximum, an optional auto-out. Pure: the caller passes the time, and cards
 * arrive already resolved (see resolve.ts). The server is its only writer; overlays draw what it produces.
 *
 * Every change bumps `revision`. A new take (show, next) gets a fresh `cueId`, so an overlay replays the
 * entrance; an update keeps the cueId, so the overlay changes the text in place.
 */

export type LowerThirdAction =
  | { type: 'show'; card: CardContent }
  | { type: 'update'; patch: Partial<CardContent> }
  | { type: 'next' }
  | { type: 'hide' }
  | { type: 'queue'; op: 'add'; card: CardContent }
  | { type: 'queue'; op: 'remove'; cueId: number }
  | { type: 'queue'; op: 'clear' }
  | { type: 'autoOut'; ms: number | null }
  /** The auto-out timer fired. Checked against the clock, so a stale timer changes nothing. */
  | { type: 'expire' };

export type Transition =
  | { ok: true; state: LowerThirdState; changed: boolean }
  | { ok: false; error: FeedError };

export const DEFAULT_QUEUE_MAX = 10;

export function initialLowerThird(options: { queueMax?: number; autoOutMs?: number | null } = {}): LowerThirdState {
  return {
    revision: 0,
    phase: 'hidden',
    current: null,
    queue: [],
    queueMax: options.queueMax ?? DEFAULT_QUEUE_MAX,
    autoOutMs: options.autoOutMs ?? null,
    shownAt: null,
  };
}

/** When the card on air must go out by itself, in the caller's clock; null when it stays until hidden. */
export function autoOutDeadline(state: LowerThirdState): number | null {
  if (state.current === null || state.shownAt === null || state.autoOutMs === null) return null;
  return state.shownAt + state.autoOutMs;
}

export function applyLowerThird(state: LowerThirdState, action: LowerThirdAction, now: number): Transition {
  switch (action.type) {
    case 'show':
      return changed(take(state, { ...action.card, cueId: state.revision + 1 }, now));
    case 'update':
      return update(state, action.patch);
    case 'next':
      return next(state, now);
    case 'hide':
      return state.current === null ? unchanged(state) : changed(off(state));
    case 'queue':
      return queue(state, action);
    case 'autoOut':
      return action.ms === state.autoOutMs ? unchanged(state) : changed({ ...state, autoOutMs: action.ms });
    case 'expire': {
      const deadline = autoOutDeadline(state);
      return deadline !== null && now >= deadline ? changed(off(state)) : unchanged(state);
    }
  }
}

function update(state: LowerThirdState, patch: Partial<CardContent>): Transition {
  if (state.current === null) return refuse('bad-request', 'update: no card is on air; take one with show first');
  const card: OnAirCard = { ...state.current, ...patch, cueId: state.current.cueId };
  return sameContent(card, state.current) ? unchanged(state) : changed({ ...state, current: card });
}

/** Takes the first queued card; with an empty queue there is nothing to move on to, so the card goes out. */
function next(state: LowerThirdState, now: number): Transition {
  const [first, ...rest] = state.queue;
  if (first === undefined) return state.current === null ? unchanged(state) : changed(off(state));
  return changed(take({ ...state, queue: rest }, first, now));
}

function queue(state: LowerThirdState, action: Extract<LowerThirdAction, { type: 'queue' }>): Transition {
  switch (action.op) {
    case 'add':
      if (state.queue.length >= state.queueMax) {
        return refuse('bad-request', `queue: the queue is full (${state.queueMax} cards); take, remove or clear one first`);
      }
      return changed({ ...state, queue: [...state.queue, { ...action.card, cueId: state.revision + 1 }] });
    case 'remove': {
      const queue = state.queue.filter((card) => card.cueId !== action.cueId);
      if (queue.length === state.queue.length) return refuse('not-found', `queue: no queued card has cueId ${action.cueId}`);
      return changed({ ...state, queue });
    }
    case 'clear':
      return state.queue.length === 0 ? unchanged(state) : changed({ ...state, queue: [] });
  }
}

function take(state: LowerThirdState, card: OnAirCard, now: number): LowerThirdState {
  return { ...state, phase: 'shown', current: card, shownAt: now };
}

function off(state: LowerThirdState): LowerThirdState {
  return { ...state, phase: 'hidden', current: null, shownAt: null };
}

function changed(state: LowerThirdState): Transition {
  return { ok: true, state: { ...state, revision: state.revision + 1 }, changed: true };
}

function unchanged(state: LowerThirdState): Transition {
  return { ok: true, state, changed: false };
}

function refuse(code: FeedError['code'], message: string): Transition {
  return { ok: false, error: { code, message } };
}
