/** How long the feed may be out of reach before the overlay says so: longer than a blip of a reconnect. */
export const STALE_AFTER_MS = 4_000;

/**
 * Whether the overlay's numbers may be out of date. The link is down from the start (nothing received
 * yet) and from each disconnect; only a snapshot — the full state the feed sends in answer to our
 * subscribe — brings it back up, because a socket that reconnected but has not resynced shows old totals.
 * Stale once the link has been down for `staleAfterMs`. Pure: the time comes from `now` (wall-clock ms).
 */
export class FeedHealth {
  private downSince: number | null;

  constructor(
    private readonly now: () => number,
    private readonly staleAfterMs = STALE_AFTER_MS,
  ) {
    this.downSince = now();
  }

  /** The socket lost its connection; an outage already under way keeps its start. */
  disconnected(): void {
    this.downSince ??= this.now();
  }

  /** A snapshot arrived: the numbers on screen are current again. */
  resynced(): void {
    this.downSince = null;
  }

  get stale(): boolean {
    return this.downSince !== null && this.now() - this.downSince >= this.staleAfterMs;
  }
}
