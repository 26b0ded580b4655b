import type { GiftMessage } from './tiktok-event.ts';
import { RecentMap } from './recent-keys.ts';

/**
 * Gifts counted by one step: how many gifts, and their value (TikTok's `diamondCount`, the gift's price
 * in coins); `unknownValue` counts the gifts whose price no message told us: not in `gifts` nor `diamonds`.
 */
export interface GiftTally {
  gifts: number;
  diamonds: number;
  unknownValue: number;
}

const noGifts = (): GiftTally => ({ gifts: 0, diamonds: 0, unknownValue: 0 });

interface OpenStreak {
  /** The highest repeatCount seen: repeats only ever rise within a streak. */
  repeats: number;
  /** The price in coins, null while no message of the streak said it. */
  diamondCount: number | null;
  lastSeenAt: number;
  /** Repeats of this streak already counted, when a timeout closed it and it then went on. */
  counted: number;
}

export interface GiftStreaksOptions {
  /** A streak with no message for this long is closed and counted as it stands. */
  timeoutMs: number;
  /** How many streaks may be open at once (the oldest is closed beyond it), and how many closed ones we remember. */
  capacity: number;
}

/**
 * Counts TikTok gifts once each, as DESIGN.md asks:
 * - a streakable gift (giftType 1) is counted when its streak ends, as diamondCount × repeatCount, at
 *   the message with `repeatEnd`; messages before it only raise the streak's repeat count;
 * - a streak whose `repeatEnd` never comes is closed by `expire(now)` after `timeoutMs` of silence and
 *   counted as it stands; if its `repeatEnd` (or more repeats) turn up later, only the repeats beyond
 *   those already counted are added, so a late end never counts a gift twice;
 * - any other gift is counted at once: diamondCount × repeatCount; a message repeating one already
 *   counted (same sender, gift, groupId and repeats, under a fresh msgId) counts nothing;
 * - a gift whose price is still unknown when it is counted goes to `unknownValue`, never to the totals.
 * A streak is identified by sender, gift and the streak's `groupId`.
 */
export class GiftStreaks {
  private readonly open = new Map<string, OpenStreak>();
  /** Streaks closed lately, with the repeats counted for them: the memory that makes late ends harmless. */
  private readonly closed: RecentMap<number>;
  /** How many streaks a timeout closed, because their `repeatEnd` never came. */
  timedOut = 0;

  constructor(private readonly options: GiftStreaksOptions) {
    this.closed = new RecentMap(options.capacity);
  }

  /** Takes one gift message; returns what it makes countable now (nothing while a streak is running). */
  add(gift: GiftMessage, now: number): GiftTally {
    const key = `${gift.sender}\u0000${gift.giftId}\u0000${gift.groupId}`;
    if (!gift.streakable) return this.addSingle(key, gift);

    const tally = noGifts();
    let streak = this.open.get(key);
    if (!streak) {
      const countedBefore = this.closed.get(key) ?? 0;
      // A late or repeated end of a streak already counted in full: nothing more to count.
      if (gift.repeatEnd && gift.repeatCount <= countedBefore) return tally;
      // More repeats than were counted: the streak closed by a timeout went on (count only the rest).
      // As many or fewer: a new streak reusing the key (same sender and gift, no groupId): count it all.
      const counted = gift.repeatCount > countedBefore ? countedBefore : 0;
      streak = { repeats: 0, diamondCount: gift.diamondCount, lastSeenAt: now, counted };
      this.closed.delete(key);
      this.open.set(key, streak);
      if (this.open.size > this.options.capacity) addTo(tally, this.closeOldest());
    }
    streak.repeats = Math.max(streak.repeats, gift.repeatCount);
    if (gift.diamondCount !== null) streak.diamondCount = gift.diamondCount;
    streak.lastSeenAt = now;
    return gift.repeatEnd ? addTo(tally, this.close(key, streak)) : tally;
  }

  /** Closes and counts every streak silent for `timeoutMs` or more. */
  expire(now: number): GiftTally {
    const tally = noGifts();
    for (const [key, streak] of this.open) {
      if (now - streak.lastSeenAt < this.options.timeoutMs) continue;
      this.timedOut += 1;
      addTo(tally, this.close(key, streak));
    }
    return tally;
  }

  /** Closes and counts every open streak: the stream ended, or we moved to another room. */
  closeAll(): GiftTally {
    const tally = noGifts();
    for (const [key, streak] of this.open) addTo(tally, this.close(key, streak));
    return tally;
  }

  private close(key: string, streak: OpenStreak): GiftTally {
    this.open.delete(key);
    this.closed.set(key, Math.max(streak.repeats, streak.counted));
    return valueOf(Math.max(0, streak.repeats - streak.counted), streak.diamondCount);
  }

  /** A gift that does not streak. With a groupId, the same message re-sent under a fresh msgId counts once. */
  private addSingle(key: string, gift: GiftMessage): GiftTally {
    if (gift.groupId !== '') {
      if ((this.closed.get(key) ?? 0) >= gift.repeatCount) return noGifts();
      this.closed.set(key, gift.repeatCount);
    }
    return valueOf(gift.repeatCount, gift.diamondCount);
  }

  /** A flood of streaks that never end must not grow memory: the oldest open one is closed early. */
  private closeOldest(): GiftTally {
    const [key, streak] = this.open.entries().next().value as [string, OpenStreak];
    return this.close(key, streak);
  }
}

function valueOf(gifts: number, price: number | null): GiftTally {
  return price === null ? { gifts: 0, diamonds: 0, unknownValue: gifts } : { gifts, diamonds: gifts * price, unknownValue: 0 };
}

export function addTo(target: GiftTally, more: GiftTally): GiftTally {
  target.gifts += more.gifts;
  target.diamonds += more.diamonds;
  target.unknownValue += more.unknownValue;
  return target;
}
