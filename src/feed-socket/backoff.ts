export interface BackoffOptions {
  /** The first wait, in ms. */
  readonly minMs: number;
  /** No wait is longer than this, in ms. */
  readonly maxMs: number;
  /** Each wait is moved by up to this share of itself, up or down (0 to 1). */
  readonly jitter: number;
}

/**
 * The waits between reconnection attempts: `minMs` doubling on each failed attempt up to `maxMs`, each moved
 * at random by up to `jitter` of itself, so the overlays of a whole show do not all knock on a restarted
 * feed in the same millisecond. The same formula as socket.io-client's, so the pages keep their timing.
 */
export class Backoff {
  private attempts = 0;

  constructor(
    private readonly options: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait before the next attempt, in whole ms. */
  next(): number {
    // The doubling stops at 2^30: a feed down for hours (thousands of attempts) must not overflow to
    // Infinity, whose jitter is NaN, a wait of 0 ms, and a page hammering the feed.
    const base = this.options.minMs * 2 ** Math.min(this.attempts++, 30);
    const roll = this.random();
    const deviation = Math.floor(roll * this.options.jitter * base);
    // One roll picks both the size of the change and (by its first decimal digit) its direction.
    const jittered = Math.floor(roll * 10) % 2 === 0 ? base - deviation : base + deviation;
    return Math.floor(Math.min(jittered, this.options.maxMs));
  }

  /** After a connection got through: the next loss starts again from `minMs`. */
  reset(): void {
    this.attempts = 0;
  }
}

/**
 * The pause before asking again a feed that closed the socket on purpose or refused it (the socket does not
 * retry those by itself): the longest wait, moved at random by up to `jitter` of itself, so a restarted feed
 * is not asked by every overlay and dock of the show in the same millisecond.
 */
export function pauseBeforeAskingAgain(options: BackoffOptions, random: () => number = Math.random): number {
  return Math.floor(options.maxMs * (1 + options.jitter * (2 * random() - 1)));
}
