/** Round trips per measurement: the quickest one tells the offset best. */
const SAMPLES = 5;
/** Clocks drift: measured again this often. */
const RESYNC_MS = 60_000;
/** An offset this large is said in the log (smaller ones are the network's). */
const WORTH_SAYING_MS = 1_000;

/**
 * The show's time on a node that shares Redis: this machine's clock corrected by its offset from Redis's
 * clock (measured as NTP does, from the quickest of a few round trips). Streaming machines run minutes
 * off; with every node on Redis's time, a card's auto-out falls due at the same moment on every node and
 * the show clock reads the same on the overlays of every node.
 */
export class SharedClock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Redis's time now, in ms since the epoch. */
    private readonly ask: () => Promise<number>,
    private readonly log: (line: string) => void,
    private readonly localNow: () => number = () => Date.now(),
  ) {}

  /** The show's time, in ms since the epoch. */
  now(): number {
    return Math.round(this.localNow() + this.offsetMs);
  }

  /** Measures once, then again every minute; resolves after the first measurement. */
  async start(): Promise<void> {
    await this.sync();
    this.timer ??= setInterval(() => void this.sync(), RESYNC_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Measures the offset; when Redis cannot answer, the last offset stays. */
  async sync(): Promise<void> {
    let best: { roundTripMs: number; offsetMs: number } | null = null;
    for (let sample = 0; sample < SAMPLES; sample++) {
      const sentAt = this.localNow();
      let remote: number;
      try {
        remote = await this.ask();
      } catch {
        break;
      }
      const receivedAt = this.localNow();
      const roundTripMs = receivedAt - sentAt;
      if (!best || roundTripMs < best.roundTripMs) best = { roundTripMs, offsetMs: remote - (sentAt + receivedAt) / 2 };
    }
    if (!best) return;
    const before = this.offsetMs;
    this.offsetMs = best.offsetMs;
    if (Math.abs(best.offsetMs) >= WORTH_SAYING_MS && Math.abs(best.offsetMs - before) >= WORTH_SAYING_MS) {
      const seconds = (Math.abs(best.offsetMs) / 1000).toFixed(1);
      this.log(`show time: this machine's clock is ${seconds} s ${best.offsetMs > 0 ? 'behind' : 'ahead of'} Redis's; the show clock and auto-outs run on Redis's time`);
    }
  }
}
